import { sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { type AccountGroupKey, type AccountGroupRow, groupKeyOf } from "~/lib/account-groups";

/** How recent a QBR must be for an account to count as covered. */
export const QBR_COVERAGE_DAYS = 90;

export interface QbrCoverage extends AccountGroupKey {
  accounts: number;
  /** Accounts with a QBR touch in the last QBR_COVERAGE_DAYS days. */
  covered: number;
}

/** Per CSM and per segment: how many accounts had a QBR in the last 90 days. One query. */
export async function qbrCoverageByGroup(today: string, executor: Executor = db): Promise<QbrCoverage[]> {
  const rows = await executor.execute<AccountGroupRow & { accounts: string; covered: string }>(sql`
    select grouping(a.csm_id) = 0 as by_csm, a.csm_id, a.segment_id,
      count(*) as accounts,
      count(*) filter (where exists (
        select 1 from health_touches t
        where t.account_id = a.id and t.kind = 'qbr' and t.occurred_on > ${today}::date - ${QBR_COVERAGE_DAYS}::int
      )) as covered
    from accounts a
    group by grouping sets ((a.csm_id), (a.segment_id))`);
  return rows.map((row) => ({ ...groupKeyOf(row), accounts: Number(row.accounts), covered: Number(row.covered) }));
}
