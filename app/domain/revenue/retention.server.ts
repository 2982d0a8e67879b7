import { and, asc, gte, inArray, lte, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { ledgerEntries } from "~db/schema";
import { type AccountRetention, type Period, accountRetention, quarterOf } from "./retention";

export interface CohortRow extends AccountRetention {
  name: string;
  segmentId: string;
  segmentName: string;
  csmId: string | null;
  csmName: string | null;
  /** The quarter the account first started paying (its first "new" entry): its cohort, e.g. 2025-Q3. */
  startQuarter: string;
}

/**
 * Every cohort account of the period with its movements summed in SQL (one query, one row per
 * account: 10,000 accounts are 10,000 small rows), counted by the pure rule of retention.ts.
 */
export async function cohortRetention(period: Period, executor: Executor = db): Promise<CohortRow[]> {
  const rows = await executor.execute<{
    account_id: string;
    currency: string;
    start_arr: string;
    end_arr: string | null;
    expansion: string | null;
    contraction: string | null;
    churned: string | null;
    resigned: string | null;
    name: string;
    segment_id: string;
    segment_name: string;
    csm_id: string | null;
    csm_name: string | null;
    first_start: string;
  }>(sql`
    with opening as (
      select distinct on (account_id) account_id, arr_after, currency
      from revenue_ledger_entries
      where effective_on < ${period.start}::date
      order by account_id, sequence desc
    ),
    moves as (
      select account_id,
        sum(case when kind = 'expansion' or (kind = 'renewal' and arr_delta > 0) then arr_delta else 0 end) as expansion,
        sum(case when kind = 'contraction' or (kind = 'renewal' and arr_delta < 0) then -arr_delta else 0 end) as contraction,
        sum(case when kind = 'churn' then -arr_delta else 0 end) as churned,
        sum(case when kind = 'new' then arr_delta else 0 end) as resigned,
        (array_agg(arr_after order by sequence desc))[1] as end_arr
      from revenue_ledger_entries
      where effective_on between ${period.start}::date and ${period.end}::date
      group by account_id
    )
    select o.account_id, o.currency, o.arr_after as start_arr, m.end_arr, m.expansion, m.contraction,
      m.churned, m.resigned, a.name, a.segment_id, s.name as segment_name, a.csm_id, u.name as csm_name,
      (select min(f.effective_on) from revenue_ledger_entries f
       where f.account_id = o.account_id and f.kind = 'new')::text as first_start
    from opening o
    join accounts a on a.id = o.account_id
    join segments s on s.id = a.segment_id
    left join users u on u.id = a.csm_id
    left join moves m on m.account_id = o.account_id
    where o.arr_after > 0
    order by a.name, a.id`);
  return rows.map((row) => {
    const startArr = Number(row.start_arr);
    return {
      ...accountRetention({
        accountId: row.account_id,
        currency: row.currency,
        startArr,
        endArr: row.end_arr === null ? startArr : Number(row.end_arr),
        expansion: Number(row.expansion ?? 0),
        contraction: Number(row.contraction ?? 0),
        churned: Number(row.churned ?? 0),
        resigned: Number(row.resigned ?? 0),
      }),
      name: row.name,
      segmentId: row.segment_id,
      segmentName: row.segment_name,
      csmId: row.csm_id,
      csmName: row.csm_name,
      startQuarter: quarterOf(row.first_start).key,
    };
  });
}

/** The ledger entries of these accounts in the period (the drill-down's page of accounts): one query. */
export async function periodEntries(accountIds: readonly string[], period: Period, executor: Executor = db) {
  if (accountIds.length === 0) return [];
  return executor
    .select({
      id: ledgerEntries.id,
      accountId: ledgerEntries.accountId,
      kind: ledgerEntries.kind,
      effectiveOn: ledgerEntries.effectiveOn,
      arrDelta: ledgerEntries.arrDelta,
      currency: ledgerEntries.currency,
      note: ledgerEntries.note,
    })
    .from(ledgerEntries)
    .where(
      and(
        inArray(ledgerEntries.accountId, [...accountIds]),
        gte(ledgerEntries.effectiveOn, period.start),
        lte(ledgerEntries.effectiveOn, period.end),
      ),
    )
    .orderBy(asc(ledgerEntries.accountId), asc(ledgerEntries.sequence))
    .limit(accountIds.length * 20);
}
