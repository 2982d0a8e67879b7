import { and, asc, count, eq, inArray, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import { db, type Executor, type Transaction } from "~db/client.server";
import { type AccountRole, accounts, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { endAllSessions } from "~/domain/auth/sessions.server";
import { leavesNoChampion, seatsLeft } from "./rules";
import { seatsInUse } from "./seats.server";
import { type SortPart, keysetCondition, keysetOrder } from "~/lib/keyset.server";
import { PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";

/** What the team page and the forms show of a person. */
const memberColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  title: users.title,
  accountRole: users.accountRole,
  deactivatedAt: users.deactivatedAt,
  lastSignInAt: users.lastSignInAt,
};

// Active people first, then by name; the id breaks ties (two colleagues may share a name).
const MEMBER_ORDER: SortPart[] = [
  { expr: sql<number>`(case when ${users.deactivatedAt} is null then 0 else 1 end)`.mapWith(Number) },
  { expr: users.name },
  { expr: users.id },
];

/** One page of the account's people (the team page), active first, with the total: two queries. */
export async function listMembersPage(accountId: string, options: { cursor?: string | null; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const fingerprint = filterFingerprint({ list: "members", accountId });
  const cursor = decodeCursor(options.cursor, fingerprint, MEMBER_ORDER.length);
  const scope = eq(users.accountId, accountId);
  const [found, [total]] = await Promise.all([
    db
      .select(memberColumns)
      .from(users)
      .where(and(scope, keysetCondition(MEMBER_ORDER, cursor)))
      .orderBy(...keysetOrder(MEMBER_ORDER, cursor))
      .limit(pageSize + 1),
    db.select({ n: count() }).from(users).where(scope),
  ]);
  return pageFromRows(found, {
    cursor,
    pageSize,
    fingerprint,
    keyOf: (row) => [row.deactivatedAt ? 1 : 0, row.name, row.id],
    total: total?.n ?? 0,
  });
}

/** A form's choice of people shows at most this many; an account with more is searched on its team page. */
const PEOPLE_CHOICES_LIMIT = 200;

export interface PersonChoice {
  id: string;
  name: string;
  title: string | null;
  accountRole: AccountRole;
}

/**
 * The account's active people for a form's choices (task assignees, owners, advocates), by name: the
 * first `limit`, anyone in `include` beyond them (who the form already shows as chosen), and whether
 * there are more. Two small queries, whatever the account's size.
 */
export async function peopleChoices(
  accountId: string,
  options: { include?: readonly string[]; limit?: number; role?: AccountRole } = {},
): Promise<{ people: PersonChoice[]; more: boolean }> {
  const limit = options.limit ?? PEOPLE_CHOICES_LIMIT;
  const columns = { id: users.id, name: users.name, title: users.title, accountRole: users.accountRole };
  const scope = and(
    eq(users.accountId, accountId),
    isNull(users.deactivatedAt),
    options.role ? eq(users.accountRole, options.role) : undefined,
  );
  const rows = await db
    .select(columns)
    .from(users)
    .where(scope)
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit + 1);
  const people = rows.slice(0, limit);
  const listed = new Set(people.map((person) => person.id));
  const missing = [...new Set(options.include ?? [])].filter((id) => !listed.has(id)).slice(0, PEOPLE_CHOICES_LIMIT);
  if (missing.length > 0) {
    const extra = await db
      .select(columns)
      .from(users)
      .where(and(scope, inArray(users.id, missing)));
    people.push(...extra);
    people.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
  return {
    people: people.map((person) => ({ ...person, accountRole: person.accountRole! })),
    more: rows.length > limit,
  };
}

/**
 * The account's active people other than `exceptIds` (the team adoption card's "not active in the
 * product yet"), by name: the first `limit` names and how many there are in all. Two queries.
 */
export async function activeMembersExcept(accountId: string, exceptIds: readonly string[], limit = 20) {
  const scope = and(
    eq(users.accountId, accountId),
    isNull(users.deactivatedAt),
    exceptIds.length > 0 ? notInArray(users.id, [...exceptIds]) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select({ name: users.name }).from(users).where(scope).orderBy(asc(users.name), asc(users.id)).limit(limit),
    db.select({ n: count() }).from(users).where(scope),
  ]);
  return { names: rows.map((row) => row.name), total: total?.n ?? 0 };
}

/**
 * Runs a change to one member with the account row locked, so two champions demoting each other at
 * the same moment can't leave the account without one.
 */
async function withLockedMembers<T>(
  accountId: string,
  userId: string,
  change: (
    tx: Transaction,
    members: { id: string; name: string; accountRole: AccountRole; active: boolean }[],
  ) => Promise<T>,
) {
  return db.transaction(async (tx) => {
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for("update");
    const rows = await tx
      .select({ id: users.id, name: users.name, accountRole: users.accountRole, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.accountId, accountId));
    const members = rows.map((row) => ({
      id: row.id,
      name: row.name,
      accountRole: row.accountRole!,
      active: !row.deactivatedAt,
    }));
    if (!members.some((member) => member.id === userId)) return { ok: false as const, error: "not_found" as const };
    return change(tx, members);
  });
}

export async function changeMemberRole(actor: Actor, accountId: string, userId: string, role: AccountRole) {
  return withLockedMembers(accountId, userId, async (tx, members) => {
    const member = members.find((m) => m.id === userId)!;
    if (member.accountRole === role) return { ok: true as const };
    if (leavesNoChampion(members, { userId, newRole: role }))
      return { ok: false as const, error: "last_champion" as const };
    await tx
      .update(users)
      .set({ accountRole: role })
      .where(and(eq(users.id, userId), eq(users.accountId, accountId)));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "member.role_changed",
      subjectType: "user",
      subjectId: userId,
      details: { name: member.name, from: member.accountRole, to: role },
    });
    return { ok: true as const };
  });
}

/**
 * Deactivates a person: their sessions end at once, their seat frees up, and their name stays on
 * everything they did.
 */
export async function deactivateMember(actor: Actor, accountId: string, userId: string) {
  if (actor.id === userId) return { ok: false as const, error: "self" as const };
  return withLockedMembers(accountId, userId, async (tx, members) => {
    const member = members.find((m) => m.id === userId)!;
    if (!member.active) return { ok: true as const };
    if (leavesNoChampion(members, { userId, deactivate: true }))
      return { ok: false as const, error: "last_champion" as const };
    await tx
      .update(users)
      .set({ deactivatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.accountId, accountId)));
    await endAllSessions(tx, userId);
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "member.deactivated",
      subjectType: "user",
      subjectId: userId,
      details: { name: member.name },
    });
    return { ok: true as const };
  });
}

/** Brings a deactivated person back, if a seat is free. */
export async function reactivateMember(actor: Actor, accountId: string, userId: string) {
  return withLockedMembers(accountId, userId, async (tx, members) => {
    const member = members.find((m) => m.id === userId)!;
    if (member.active) return { ok: true as const };
    const [account] = await tx
      .select({ seats: accounts.licensedSeats })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    const seats = await seatsInUse(tx, accountId);
    if (seatsLeft(account?.seats ?? 0, seats.active, seats.pending) === 0)
      return { ok: false as const, error: "seats_full" as const };
    await tx
      .update(users)
      .set({ deactivatedAt: null })
      .where(and(eq(users.id, userId), eq(users.accountId, accountId)));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "member.reactivated",
      subjectType: "user",
      subjectId: userId,
      details: { name: member.name },
    });
    return { ok: true as const };
  });
}

/** Whether `userId` is an active person of that account (other areas ask before picking someone). */
export async function isActiveMemberOf(executor: Executor, accountId: string, userId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.accountId, accountId),
        isNotNull(users.accountRole),
        isNull(users.deactivatedAt),
      ),
    );
  return Boolean(row);
}
