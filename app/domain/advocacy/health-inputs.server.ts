import { inArray, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { DAY_MS } from "~/lib/time";

export interface NpsFigures {
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * Each account's NPS answers for the health score: the latest scored answer of each person in the
 * last 12 months (a person who answered twice counts once, as they answered last). One query.
 */
export async function npsInputsForAccounts(
  accountIds: readonly string[],
  now = new Date(),
): Promise<Map<string, NpsFigures>> {
  const result = new Map<string, NpsFigures>();
  if (accountIds.length === 0) return result;
  const since = new Date(now.getTime() - 365 * DAY_MS);
  const rows = await db.execute<{ account_id: string; promoters: number; passives: number; detractors: number }>(sql`
    select account_id,
      count(*) filter (where score >= 9)::int as promoters,
      count(*) filter (where score between 7 and 8)::int as passives,
      count(*) filter (where score <= 6)::int as detractors
    from (
      select distinct on (user_id) account_id, score
      from nps_responses
      where ${inArray(sql.raw("account_id"), [...accountIds])} and score is not null
        and created_at >= ${since.toISOString()}::timestamptz and created_at <= ${now.toISOString()}::timestamptz
      order by user_id, created_at desc
    ) latest
    group by account_id`);
  for (const row of rows) {
    result.set(row.account_id, { promoters: row.promoters, passives: row.passives, detractors: row.detractors });
  }
  return result;
}
