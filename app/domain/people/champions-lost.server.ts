import { and, inArray, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "~db/client.server";
import { users } from "~db/schema";
import { roleChangesAway } from "~/domain/activity/activity.server";

export interface LostChampion {
  accountId: string;
  userId: string;
  name: string;
  /** When they stopped being the account's champion. */
  at: Date;
  reason: "deactivated" | "demoted";
}

/**
 * The champions these accounts lost (since `since`, when given): deactivated while champion, or
 * made a member and not made champion again. One entry per person, the deactivation first when both
 * happened; someone reactivated or made champion again is no longer lost.
 */
export async function championsLost(
  executor: Executor,
  accountIds: readonly string[],
  since: Date | null,
): Promise<LostChampion[]> {
  if (accountIds.length === 0) return [];
  const [deactivated, demotions] = await Promise.all([
    executor
      .select({ id: users.id, accountId: users.accountId, name: users.name, at: users.deactivatedAt })
      .from(users)
      .where(
        and(
          inArray(users.accountId, [...accountIds]),
          sql`${users.accountRole} = 'champion'`,
          isNotNull(users.deactivatedAt),
          since ? sql`${users.deactivatedAt} > ${since.toISOString()}::timestamptz` : undefined,
        ),
      ),
    roleChangesAway(executor, accountIds, "champion", since),
  ]);
  const lost: LostChampion[] = deactivated.map((row) => ({
    accountId: row.accountId!,
    userId: row.id,
    name: row.name,
    at: row.at!,
    reason: "deactivated",
  }));
  const seen = new Set(lost.map((entry) => entry.userId));
  const demotedIds = demotions.map((row) => row.userId).filter((id) => !seen.has(id));
  if (demotedIds.length === 0) return lost;
  // Still on the account and still not its champion (a later promotion undoes the loss).
  const current = await executor
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        inArray(users.id, demotedIds),
        inArray(users.accountId, [...accountIds]),
        sql`${users.accountRole} <> 'champion'`,
      ),
    );
  const names = new Map(current.map((row) => [row.id, row.name]));
  for (const demotion of demotions) {
    const name = names.get(demotion.userId);
    if (name === undefined || seen.has(demotion.userId)) continue;
    lost.push({ accountId: demotion.accountId, userId: demotion.userId, name, at: demotion.at, reason: "demoted" });
  }
  return lost;
}
