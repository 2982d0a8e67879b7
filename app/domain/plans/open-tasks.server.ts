import { and, count, eq, inArray, ne } from "drizzle-orm";
import { db } from "~db/client.server";
import { plans, tasks } from "~db/schema";

/** Open (not done) tasks of each account's current plan, for lists of many accounts: one query. */
export async function openTaskCounts(accountIds: readonly string[]): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .select({ accountId: tasks.accountId, n: count() })
    .from(tasks)
    .innerJoin(plans, and(eq(plans.id, tasks.planId), eq(plans.isCurrent, true)))
    .where(and(inArray(tasks.accountId, [...accountIds]), ne(tasks.status, "done")))
    .groupBy(tasks.accountId);
  return new Map(rows.map((row) => [row.accountId, row.n]));
}
