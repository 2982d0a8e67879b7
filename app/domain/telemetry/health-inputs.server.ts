import { inArray, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { usageToday } from "./usage.server";
import { MONTH_DAYS, addDays } from "./usage";

export interface AdoptionFigures {
  hasTelemetry: boolean;
  monthlyActive: number;
  previousMonthlyActive: number;
  keyFeatures: number;
  keyFeaturesInUse: number;
}

const EMPTY: AdoptionFigures = {
  hasTelemetry: false,
  monthlyActive: 0,
  previousMonthlyActive: 0,
  keyFeatures: 0,
  keyFeaturesInUse: 0,
};

/**
 * The health score's adoption inputs for many accounts at once, from the daily rollups (UTC days,
 * like the Usage tab): monthly active product users now and in the 30 days before, and the key
 * features that apply to each account's segment with how many were used in the last 30 days.
 * Three queries whatever the number of accounts.
 */
export async function adoptionInputsForAccounts(
  accountIds: readonly string[],
  now = new Date(),
): Promise<Map<string, AdoptionFigures>> {
  const result = new Map<string, AdoptionFigures>();
  if (accountIds.length === 0) return result;
  const ids = [...accountIds];
  const today = usageToday(now);
  const recent = addDays(today, -(MONTH_DAYS - 1));
  const since = addDays(today, -(2 * MONTH_DAYS - 1));
  const [active, known, features] = await Promise.all([
    db.execute<{ account_id: string; now: number; previous: number }>(sql`
      select account_id,
        count(distinct product_user_id) filter (where day >= ${recent}::date)::int as now,
        count(distinct product_user_id) filter (where day < ${recent}::date)::int as previous
      from telemetry_daily_users
      where ${inArray(sql.raw("account_id"), ids)} and day between ${since}::date and ${today}::date
      group by account_id`),
    db.execute<{ account_id: string }>(sql`
      select distinct account_id from telemetry_product_users where ${inArray(sql.raw("account_id"), ids)}`),
    db.execute<{ account_id: string; features: number; in_use: number }>(sql`
      with f as (
        select a.id as account_id, f.id, f.event, f.property_key
        from accounts a join telemetry_key_features f on f.segment_id is null or f.segment_id = a.segment_id
        where ${inArray(sql.raw("a.id"), ids)}
      )
      select f.account_id, count(*)::int as features,
        count(*) filter (where case when f.property_key is null
          then exists (select 1 from telemetry_daily_events d where d.account_id = f.account_id and d.event = f.event
            and d.day between ${recent}::date and ${today}::date)
          else exists (select 1 from telemetry_daily_key_features k where k.account_id = f.account_id
            and k.key_feature_id = f.id and k.day between ${recent}::date and ${today}::date)
          end)::int as in_use
      from f group by f.account_id`),
  ]);
  const knownIds = new Set(known.map((row) => row.account_id));
  for (const id of ids) result.set(id, { ...EMPTY, hasTelemetry: knownIds.has(id) });
  for (const row of active) {
    const entry = result.get(row.account_id)!;
    entry.hasTelemetry = true;
    entry.monthlyActive = row.now;
    entry.previousMonthlyActive = row.previous;
  }
  for (const row of features) {
    const entry = result.get(row.account_id)!;
    entry.keyFeatures = row.features;
    entry.keyFeaturesInUse = row.in_use;
  }
  return result;
}
