import { sql } from "drizzle-orm";
import type { Executor } from "~db/client.server";

/*
 * The usage aggregates' triggers (migration 0032) lock the accounts whose rollups a statement
 * changes. A writer that changes several rollup tables, or holds row locks a concurrent writer may
 * wait for, takes the same locks first, so every writer acquires them in one order and two writers
 * never wait for each other in a circle.
 */

/** Locks the usage aggregates of these accounts until the transaction ends. */
export async function lockUsageAccounts(tx: Executor, accountIds: readonly string[]) {
  if (accountIds.length === 0) return;
  const ids = [...new Set(accountIds)].map((id) => sql`${id}`);
  await tx.execute(sql`select telemetry_lock_usage_accounts(array[${sql.join(ids, sql`, `)}]::text[])`);
}

/** Locks the usage aggregates of every account (a recount across accounts). */
export async function lockAllUsageAccounts(tx: Executor) {
  await tx.execute(sql`select telemetry_lock_all_usage_accounts()`);
}
