import { createCookie } from "@remix-run/node";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "~db/client.server";
import { accounts, users } from "~db/schema";
import type { AccountRole } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import { cookieSecret, secureCookies } from "~/lib/env.server";
import { isId } from "~/lib/ids";
import { HOUR_MS } from "~/lib/time";
import type { CustomerActor, StaffActor } from "./actor";
import { canOnAccount } from "./authorization";
import { type CurrentSession, getCurrentSession } from "./sessions.server";

/*
 * "View as customer" (see view-as.ts for which pages honour it). The staff member's own session
 * stays theirs; a signed cookie names who views which account as whom. It counts only while it
 * is signed by us, names the signed-in staff member, that staff member may see the account, and
 * the person is still an active member of it — anything else is ignored (the normal staff view).
 */

const VIEW_AS_SECONDS = (2 * HOUR_MS) / 1000;

const cookie = createCookie("tandem_view_as", {
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies,
  path: "/",
  maxAge: VIEW_AS_SECONDS,
  secrets: [cookieSecret],
});

const CookieSchema = z.object({
  staffUserId: z.string().refine(isId),
  accountId: z.string().refine(isId),
  customerUserId: z.string().refine(isId),
  /** Until when (ms since the epoch): the cookie's max-age is the browser's promise, this is ours. */
  until: z.number().int(),
});
type ViewAsCookie = z.infer<typeof CookieSchema>;

/** An active view-as: the staff member, and the customer person whose pages they see. */
export interface ViewAs {
  staff: StaffActor;
  accountId: string;
  accountName: string;
  customer: CustomerActor;
}

async function readCookie(request: Request): Promise<ViewAsCookie | null> {
  const header = request.headers.get("Cookie");
  if (!header || !header.includes("tandem_view_as=")) return null;
  try {
    const parsed = CookieSchema.safeParse(await cookie.parse(header));
    if (!parsed.success || parsed.data.until < Date.now()) return null;
    return parsed.data;
  } catch {
    // A hand-edited, truncated or foreign value: no view-as, never a 500.
    return null;
  }
}

/** The active member of `accountId` with this id, as the actor their own session would carry. */
async function customerOf(accountId: string, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      timeZone: users.timeZone,
      accountRole: users.accountRole,
      accountName: accounts.name,
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(users.id, userId), eq(users.accountId, accountId), isNull(users.deactivatedAt)));
  return row?.accountRole ? { ...row, accountRole: row.accountRole } : null;
}

async function resolve(request: Request, current: CurrentSession | null): Promise<ViewAs | null> {
  if (!current || current.actor.kind !== "staff") return null;
  const value = await readCookie(request);
  if (!value || value.staffUserId !== current.actor.id) return null;
  const staff = current.actor;
  if (!canOnAccount(staff, "account.view", value.accountId)) return null;
  const person = await customerOf(value.accountId, value.customerUserId);
  if (!person) return null;
  return {
    staff,
    accountId: value.accountId,
    accountName: person.accountName,
    customer: {
      id: person.id,
      email: person.email,
      name: person.name,
      // The pages are the customer's, in the staff member's own language (their reading, not the data).
      locale: staff.locale,
      timeZone: person.timeZone,
      kind: "customer",
      accountId: value.accountId,
      accountRole: person.accountRole,
      viewAs: { staffUserId: staff.id },
    },
  };
}

const perRequest = new WeakMap<Request, Promise<ViewAs | null>>();

/** The request's active view-as, or null; looked up once per request. */
export function getViewAs(request: Request): Promise<ViewAs | null> {
  let pending = perRequest.get(request);
  if (!pending) {
    pending = getCurrentSession(request).then((current) => resolve(request, current));
    perRequest.set(request, pending);
  }
  return pending;
}

export type StartViewAsError = "not_found";

/**
 * Starts viewing `accountId` as `customerUserId`: the Set-Cookie header to send, and an activity
 * entry on the account ("Dana viewed the portal as Kenji"). Another account's person, a
 * deactivated one or an account the staff member may not see: "not_found".
 */
export async function startViewAs(
  staff: StaffActor,
  accountId: string,
  customerUserId: string,
  now = new Date(),
): Promise<{ ok: true; setCookie: string } | { ok: false; error: StartViewAsError }> {
  if (!isId(accountId) || !isId(customerUserId) || !canOnAccount(staff, "account.view", accountId)) {
    return { ok: false, error: "not_found" };
  }
  const person = await customerOf(accountId, customerUserId);
  if (!person) return { ok: false, error: "not_found" };
  await recordActivity(db, {
    accountId,
    actorId: staff.id,
    action: "portal.viewed_as",
    subjectType: "user",
    subjectId: person.id,
    details: { name: person.name, to: person.accountRole },
  });
  const value: ViewAsCookie = {
    staffUserId: staff.id,
    accountId,
    customerUserId: person.id,
    until: now.getTime() + VIEW_AS_SECONDS * 1000,
  };
  return { ok: true, setCookie: await cookie.serialize(value) };
}

/** The Set-Cookie header that ends view-as (whatever the cookie held). */
export function exitViewAsCookie(): Promise<string> {
  return cookie.serialize("", { maxAge: 0, expires: new Date(0) });
}

/** Whether the request carries a view-as cookie at all (valid or not), so logging out can clear it. */
export function hasViewAsCookie(request: Request): boolean {
  return (request.headers.get("Cookie") ?? "").includes("tandem_view_as=");
}

const VIEW_AS_CANDIDATES = 20;

/** Whom staff may view the account as: its first 20 active people, champions first, then by name. */
export async function listViewAsCandidates(
  accountId: string,
): Promise<{ id: string; name: string; accountRole: AccountRole }[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, accountRole: users.accountRole })
    .from(users)
    .where(and(eq(users.accountId, accountId), isNull(users.deactivatedAt), isNotNull(users.accountRole)))
    .orderBy(sql`${users.accountRole} = 'champion' desc`, asc(users.name), asc(users.id))
    .limit(VIEW_AS_CANDIDATES);
  return rows.map((row) => ({ ...row, accountRole: row.accountRole! }));
}
