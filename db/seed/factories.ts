import { randomBytes } from "node:crypto";
import { db } from "../client.server";
import { type AccountRole, type StaffRole, type User, accounts, segments, users } from "../schema";
import { toActor, type Actor } from "../../app/domain/auth/actor";
import { hashPassword } from "../../app/domain/auth/passwords.server";
import { startSession } from "../../app/domain/auth/sessions.server";
import { newId } from "../../app/lib/ids.server";

/**
 * Test factories: valid rows with unique names and emails, so a test states only what matters to
 * it. Passwords are hashed only when a test gives one (argon2 costs ~50 ms per hash).
 */

type NewSegment = typeof segments.$inferInsert;
type NewAccount = typeof accounts.$inferInsert;
type NewUser = typeof users.$inferInsert;
type Segment = typeof segments.$inferSelect;
type Account = typeof accounts.$inferSelect;

let sequence = 0;
/** Unique within a run and across parallel test files sharing one server. */
function unique(): string {
  sequence += 1;
  return `${sequence}-${randomBytes(3).toString("hex")}`;
}

export async function createSegment(overrides: Partial<NewSegment> = {}): Promise<Segment> {
  const [row] = await db
    .insert(segments)
    .values({ id: newId(), name: `Segment ${unique()}`, ...overrides })
    .returning();
  return row!;
}

/** An account in a new segment (unless `segmentId` is given), without a CSM unless `csmId` is given. */
export async function createAccount(overrides: Partial<NewAccount> = {}): Promise<Account> {
  const segmentId = overrides.segmentId ?? (await createSegment()).id;
  const [row] = await db
    .insert(accounts)
    .values({
      id: newId(),
      name: `Account ${unique()}`,
      industry: "Software",
      region: "EMEA",
      licensedSeats: 10,
      renewalDate: "2027-06-30",
      ...overrides,
      segmentId,
    })
    .returning();
  return row!;
}

export type PersonOverrides = Partial<Omit<NewUser, "staffRole" | "accountId" | "accountRole" | "passwordHash">> & {
  /** Plain-text password to hash and store; without it the person has no password. */
  password?: string;
};

async function insertUser(values: Omit<NewUser, "id" | "email" | "name"> & PersonOverrides): Promise<User> {
  const { password, ...rest } = values;
  const tag = unique();
  const [row] = await db
    .insert(users)
    .values({
      id: newId(),
      email: `person-${tag}@test.example`,
      name: `Person ${tag}`,
      ...rest,
      passwordHash: password === undefined ? null : await hashPassword(password),
    })
    .returning();
  return row!;
}

export function createStaff(role: StaffRole, overrides: PersonOverrides = {}): Promise<User> {
  return insertUser({ ...overrides, staffRole: role, accountId: null, accountRole: null });
}

export function createCustomer(accountId: string, role: AccountRole, overrides: PersonOverrides = {}): Promise<User> {
  return insertUser({ ...overrides, staffRole: null, accountId, accountRole: role });
}

/** The Actor a request by this person would carry, for domain functions that take one. */
export function actorOf(user: User): Actor {
  return toActor(user);
}

/** Starts a real session for the person and returns the `name=value` pair for a Cookie header. */
export async function sessionCookie(userId: string): Promise<string> {
  const setCookie = await startSession(userId);
  return setCookie.split(";")[0]!;
}

/** A request from a browser signed in as the person (a fresh session each time). */
export async function signedInRequest(userId: string, url = "http://localhost/", init: RequestInit = {}): Promise<Request> {
  const headers = new Headers(init.headers);
  headers.set("Cookie", await sessionCookie(userId));
  return new Request(url, { ...init, headers });
}
