import { countDistinct, gt, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { db } from "~db/client.server";
import { telemetryDailyUsers } from "~db/schema";
import { DAY_MS } from "~/lib/time";
import { dayOf } from "./rollups";
import {
  type ActivePoint,
  MONTH_DAYS,
  QUIET_DAYS,
  USAGE_DAYS,
  addDays,
  breadth,
  seriesOf,
  trend,
  utilisation,
} from "./usage";

/*
 * Account usage, read from the per-account aggregates (telemetry_daily_active_users and the
 * per-event / per-key-feature usage rows, kept by the database from the daily rollups; never the
 * raw events), in a fixed number of queries reading a fixed number of rows whatever the account's
 * size: 90 rows for the chart and 60 per key feature. The rollups count days in UTC (the ingest's day of
 * `occurred_at`), so "today" and every window here are UTC days, not the account's time zone.
 */

const PRODUCT_USERS_PAGE = 25;
const QUIET_LIMIT = 10;
const TEAM_LIMIT = 200;

/** Today's UTC day: the day the rollups are counting into. */
export function usageToday(now = new Date()): string {
  return dayOf(now);
}

interface UsageAccount {
  id: string;
  segmentId: string;
  licensedSeats: number;
}

/** The key features that apply to an account's segment, with who used each in this and the previous 30 days. */
async function keyFeatureAdoption(account: UsageAccount, today: string) {
  const recent = addDays(today, -(MONTH_DAYS - 1));
  const since = addDays(today, -(2 * MONTH_DAYS - 1));
  const rows = await db.execute<{
    id: string;
    name: string;
    people: number;
    previous_people: number;
    events: number;
    previous_events: number;
  }>(sql`
    with f as (
      select id, name, event, property_key from telemetry_key_features
      where segment_id is null or segment_id = ${account.segmentId}
      order by name limit 50
    ), uses as (
      select f.id, d.day, d.events, d.monthly_users from f
      join telemetry_daily_event_usage d on f.property_key is null and d.account_id = ${account.id}
        and d.event = f.event and d.day between ${since}::date and ${today}::date
      union all
      select f.id, k.day, k.events, k.monthly_users from f
      join telemetry_daily_key_feature_usage k on f.property_key is not null and k.account_id = ${account.id}
        and k.key_feature_id = f.id and k.day between ${since}::date and ${today}::date
    )
    select f.id, f.name,
      -- The distinct users of the 30 days ending today, and of the 30 before (ending the day before "recent").
      coalesce(max(u.monthly_users) filter (where u.day = ${today}::date), 0)::int as people,
      coalesce(max(u.monthly_users) filter (where u.day = ${recent}::date - 1), 0)::int as previous_people,
      coalesce(sum(u.events) filter (where u.day >= ${recent}::date), 0)::int as events,
      coalesce(sum(u.events) filter (where u.day < ${recent}::date), 0)::int as previous_events
    from f left join uses u on u.id = f.id
    group by f.id, f.name
    order by f.name`);
  const features = rows.map((row) => ({
    id: row.id,
    name: row.name,
    people: row.people,
    previousPeople: row.previous_people,
    events: row.events,
    inUse: row.events > 0,
  }));
  const inUse = features.filter((feature) => feature.inUse).length;
  const previouslyInUse = rows.filter((row) => row.previous_events > 0).length;
  return {
    features,
    inUse,
    breadth: breadth(inUse, features.length),
    previousBreadth: breadth(previouslyInUse, features.length),
  };
}

/** DAU, WAU and MAU for each of the chart's days (the rows the database keeps, at most 90). */
async function activeUsersByDay(accountId: string, today: string) {
  const rows = await db.execute<ActivePoint & Record<string, unknown>>(sql`
    select day::text as day, daily, weekly, monthly
    from telemetry_daily_active_users
    where account_id = ${accountId} and day between ${addDays(today, -(USAGE_DAYS - 1))}::date and ${today}::date`);
  return seriesOf(today, rows);
}

async function productUsersPage(accountId: string, page: number) {
  const rows = await db.execute<{
    id: string;
    name: string | null;
    email: string | null;
    external_id: string;
    person_name: string | null;
    last_seen_at: string;
    total: number;
  }>(sql`
    select p.id, p.name, p.email, p.external_id, u.name as person_name, p.last_seen_at, count(*) over ()::int as total
    from telemetry_product_users p
    left join users u on u.id = p.person_id and u.account_id = p.account_id
    where p.account_id = ${accountId}
    order by p.last_seen_at desc, p.id
    limit ${PRODUCT_USERS_PAGE} offset ${(page - 1) * PRODUCT_USERS_PAGE}`);
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.person_name ?? row.name ?? row.email ?? row.external_id,
      email: row.email,
      externalId: row.external_id,
      linked: row.person_name !== null,
      lastSeenAt: new Date(row.last_seen_at).toISOString(),
    })),
  };
}

/** People seen in the last 90 days but not in the last 14: the ones to ask about. */
async function goneQuiet(accountId: string, now: Date) {
  const quietSince = new Date(now.getTime() - QUIET_DAYS * DAY_MS);
  const seenSince = new Date(now.getTime() - USAGE_DAYS * DAY_MS);
  const rows = await db.execute<{ id: string; name: string; last_seen_at: string; total: number }>(sql`
    select p.id, coalesce(u.name, p.name, p.email, p.external_id) as name, p.last_seen_at, count(*) over ()::int as total
    from telemetry_product_users p
    left join users u on u.id = p.person_id and u.account_id = p.account_id
    where p.account_id = ${accountId}
      and p.last_seen_at < ${quietSince.toISOString()}::timestamptz
      and p.last_seen_at >= ${seenSince.toISOString()}::timestamptz
    order by p.last_seen_at desc, p.id
    limit ${QUIET_LIMIT}`);
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((row) => ({ id: row.id, name: row.name, lastSeenAt: new Date(row.last_seen_at).toISOString() })),
  };
}

/** Everything the staff Usage tab shows, in four queries run side by side. */
export async function getAccountUsage(account: UsageAccount, options: { page: number; now?: Date }) {
  const now = options.now ?? new Date();
  const today = usageToday(now);
  const [series, adoption, users, quiet] = await Promise.all([
    activeUsersByDay(account.id, today),
    keyFeatureAdoption(account, today),
    productUsersPage(account.id, options.page),
    goneQuiet(account.id, now),
  ]);
  const latest = series[series.length - 1]!;
  const monthAgo = series[series.length - 1 - MONTH_DAYS]!;
  return {
    today,
    series,
    dau: latest.daily,
    wau: latest.weekly,
    mau: latest.monthly,
    previousMau: monthAgo.monthly,
    mauTrend: trend(latest.monthly, monthAgo.monthly),
    licensedSeats: account.licensedSeats,
    utilisation: utilisation(latest.monthly, account.licensedSeats),
    previousUtilisation: utilisation(monthAgo.monthly, account.licensedSeats),
    adoption,
    productUsers: { ...users, page: options.page, pageSize: PRODUCT_USERS_PAGE },
    quiet,
  };
}

/**
 * The champion's view of their own team's adoption: how many were active in the last 30 days, the
 * key features in use, and by name only the active product users linked to a portal person of
 * this same account (the names a champion already sees on their Team page). Others are counted.
 */
export async function getTeamAdoption(account: UsageAccount, now = new Date()) {
  const today = usageToday(now);
  const recent = addDays(today, -(MONTH_DAYS - 1));
  const [active, adoption] = await Promise.all([
    db.execute<{ person_id: string | null; name: string | null }>(sql`
      select u.id as person_id, u.name
      from (
        select distinct product_user_id from telemetry_daily_users
        where account_id = ${account.id} and day between ${recent}::date and ${today}::date
      ) d
      join telemetry_product_users p on p.id = d.product_user_id
      left join users u on u.id = p.person_id and u.account_id = ${account.id} and u.deactivated_at is null
      order by u.name nulls last
      limit ${TEAM_LIMIT}`),
    keyFeatureAdoption(account, today),
  ]);
  const named = active.filter((row) => row.person_id !== null && row.name !== null);
  return {
    activePeople: active.length,
    licensedSeats: account.licensedSeats,
    activePersonIds: named.map((row) => row.person_id!),
    activeNames: named.map((row) => row.name!),
    unlinkedActive: active.length - named.length,
    features: adoption.features.map((feature) => ({ id: feature.id, name: feature.name, people: feature.people })),
    featuresInUse: adoption.inUse,
    breadth: adoption.breadth,
  };
}

const qb = new QueryBuilder();

/**
 * Monthly active product users per account (the 30 UTC days ending `today`), as a subquery the
 * staff account list joins and sorts by — the list's own query stays one query.
 */
export function monthlyActiveUsersSubquery(today: string) {
  return qb
    .select({
      accountId: telemetryDailyUsers.accountId,
      n: countDistinct(telemetryDailyUsers.productUserId).as("monthly_active"),
    })
    .from(telemetryDailyUsers)
    .where(gt(telemetryDailyUsers.day, addDays(today, -MONTH_DAYS)))
    .groupBy(telemetryDailyUsers.accountId)
    .as("monthly_active");
}
