import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "~db/client.server";
import { invitations, users } from "~db/schema";

/** An invitation that can still be accepted, and so holds a seat. */
export const pendingInvitation = and(
  isNull(invitations.acceptedAt),
  isNull(invitations.revokedAt),
  gt(invitations.expiresAt, sql`now()`),
);

/** Active people and pending invitations of one account: what its licensed seats are measured against. */
export async function seatsInUse(executor: Executor, accountId: string) {
  const [[active], [pending]] = await Promise.all([
    executor
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(users)
      .where(and(eq(users.accountId, accountId), isNull(users.deactivatedAt))),
    executor
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(invitations)
      .where(and(eq(invitations.accountId, accountId), pendingInvitation)),
  ]);
  return { active: active?.n ?? 0, pending: pending?.n ?? 0 };
}
