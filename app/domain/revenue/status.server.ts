import { and, inArray, isNotNull } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { subscriptions } from "~db/schema";

/*
 * Whether accounts have churned, for other areas (health stops scoring a churned account). Its own
 * module with no other imports, so health can ask without pulling in revenue's writers.
 */

/** Which of these accounts have churned (their ARR went to zero by a churn, no re-sign since). One query. */
export async function churnedAccountIds(accountIds: readonly string[], executor: Executor = db): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await executor
    .select({ accountId: subscriptions.accountId })
    .from(subscriptions)
    .where(and(inArray(subscriptions.accountId, [...accountIds]), isNotNull(subscriptions.churnedOn)));
  return new Set(rows.map((row) => row.accountId));
}

export async function isChurned(accountId: string, executor: Executor = db): Promise<boolean> {
  return (await churnedAccountIds([accountId], executor)).has(accountId);
}
