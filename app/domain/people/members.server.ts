import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { db, type Executor, type Transaction } from "~db/client.server";
import { type AccountRole, accounts, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { endAllSessions } from "~/domain/auth/sessions.server";
import { leavesNoChampion, seatsLeft } from "./rules";
import { seatsInUse } from "./seats.server";

/** People of one account, active first; deactivated people stay listed with their history. */
export async function listMembers(accountId: string) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      title: users.title,
      accountRole: users.accountRole,
      deactivatedAt: users.deactivatedAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(eq(users.accountId, accountId))
    .orderBy(sql`${users.deactivatedAt} is not null`, asc(users.name));
}

export type MemberChangeError = "not_found" | "last_champion" | "seats_full" | "self";

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
