/**
 * `npm run bench:usage`: server time of the staff Usage tab's loader (the real route loader, signed
 * in as a CSM) against a trivial page's — the account frame's loader, which only checks the session
 * and reads the account — with a year of daily rollups for 10,000 accounts generated directly into
 * the rollup tables (no ingest) and the usage aggregates filled from them, on a throwaway embedded
 * PostgreSQL. Target: the Usage tab within 2 × the trivial page.
 *
 * BENCH_ACCOUNTS (10,000), BENCH_USERS (product users per account, 3), BENCH_BIG_USERS (users of the
 * few large accounts also measured, 300), BENCH_RUNS (200).
 */
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "../../db/embedded";
import { ensureDatabase, migrateDatabase } from "../../db/migrate";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const USERS = Number(process.env.BENCH_USERS ?? 3);
const BIG_ACCOUNTS = 10;
const BIG_USERS = Number(process.env.BENCH_BIG_USERS ?? 300);
const DAYS = 365;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

const pg = await startEmbeddedPostgres({ persistent: false, quiet: true });
await ensureDatabase(pg.adminUrl, "bench_usage");
process.env.DATABASE_URL = pg.urlFor("bench_usage");
await migrateDatabase(process.env.DATABASE_URL);
// Generating millions of rollup rows takes longer than the server's statement timeout for requests.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "0";

const { db, closeDatabase } = await import("../../db/client.server");
const { sql } = await import("drizzle-orm");
const { createStaff, createSegment, sessionCookie } = await import("../../db/seed/factories");
const frameRoute = await import("../../app/routes/accounts.$accountId");
const usageRoute = await import("../../app/routes/accounts.$accountId.usage");

type Loader = (args: { request: Request; params: { accountId: string }; context: unknown }) => Promise<unknown>;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

function report(label: string, samples: number[]) {
  const { median, p95 } = stats(samples);
  console.log(
    `${label.padEnd(58)} n=${String(samples.length).padStart(4)}  median ${median.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms`,
  );
  return { median, p95 };
}

async function time(loader: Loader, path: string, accountIds: string[], cookie: string, runs: number) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const accountId = accountIds[i % accountIds.length]!;
    const request = new Request(`http://bench.local/accounts/${accountId}${path}`, { headers: { Cookie: cookie } });
    const started = performance.now();
    await loader({ request, params: { accountId }, context: { clientIp: "127.0.0.1" } });
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The bulk fill must equal what the triggers' recount gives: recount a few accounts and compare. */
async function checkAgainstTriggers() {
  const sample = sql`(select id from accounts where id like 'bnch%' order by licensed_seats desc, id limit 3)`;
  const snapshot = async () =>
    JSON.stringify(
      await db.execute(sql`
        select 'a' as t, account_id, day::text, '' as e, daily, weekly, monthly from telemetry_daily_active_users
        where account_id in ${sample}
        union all
        select 'e', account_id, day::text, event, events, monthly_users, 0 from telemetry_daily_event_usage
        where account_id in ${sample}
        order by 1, 2, 3, 4`),
    );
  const bulk = await snapshot();
  await db.execute(sql`
    select telemetry_refresh_active_users(array_agg(account_id), array_agg(lo), array_agg(hi))
    from (select account_id, min(day) as lo, max(day) + 29 as hi from telemetry_daily_users
          where account_id in ${sample} group by 1) r`);
  await db.execute(sql`
    select telemetry_refresh_event_usage(array_agg(account_id), array_agg(event), array_agg(lo), array_agg(hi))
    from (select account_id, event, min(day) as lo, max(day) + 29 as hi from telemetry_daily_events
          where account_id in ${sample} group by 1, 2) r`);
  if ((await snapshot()) !== bulk) throw new Error("The bulk-filled aggregates differ from the triggers' recount");
}

try {
  const segment = await createSegment();
  const csm = await createStaff("csm");
  const cookie = await sessionCookie(csm.id);
  const hex = (expr: string) => `translate(lpad(to_hex(${expr}), 12, '0'), '0123456789abcdef', 'abcdefghijklmnop')`;
  const started = performance.now();
  // Every account has USERS product users, each active on about half the days of the year; the
  // first BIG_ACCOUNTS have BIG_USERS. Each active day has a "Dashboard Viewed" and often a key event.
  // The usage aggregates the tab reads (DAU/WAU/MAU per account-day, trailing-30-day users per event)
  // are filled in bulk with the rollups' triggers off — the triggers' recount, run over millions of
  // rows in one statement, would take far longer — and then checked against the triggers' recount
  // for a few accounts. The bulk fill counts with deltas: each active day adds its user from that day
  // and removes them 30 (7) days later or on their next active day, whichever is first; a running
  // sum over the account's days is then the distinct count.
  await db.execute(
    sql.raw(`
    insert into accounts (id, name, segment_id, industry, region, licensed_seats, renewal_date, external_id)
    select 'bnch' || ${hex("i")}, 'Bench Account ' || i, '${segment.id}', 'Retail', 'EMEA',
           case when i <= ${BIG_ACCOUNTS} then ${BIG_USERS} else 10 end, current_date + (i % 365), 'bench-' || i
    from generate_series(1, ${ACCOUNTS}) i;
    insert into telemetry_key_features (id, name, event)
    values ('kfreport00000000', 'Creates reports', 'Report Created'), ('kfshare000000000', 'Shares dashboards', 'Dashboard Shared'),
           ('kfexport00000000', 'Schedules exports', 'Export Scheduled'), ('kfalert000000000', 'Sets up alerts', 'Alert Configured');
    create temporary table bench_users as
      select 'bnch' || ${hex("i")} as account_id, 'bpu' || ${hex("i * 1000 + j")} as id, i, j
      from generate_series(1, ${ACCOUNTS}) i,
           lateral generate_series(1, case when i <= ${BIG_ACCOUNTS} then ${BIG_USERS} else ${USERS} end) j;
    insert into telemetry_product_users (id, account_id, external_id, group_id, email, name, first_seen_at, last_seen_at)
    select id, account_id, 'bench-user-' || i || '-' || j, 'bench-' || i, 'user' || j || '@bench' || i || '.example',
           'User ' || j, now() - interval '365 days', now() - ((i + j) % 30) * interval '1 day'
    from bench_users;
    alter table telemetry_daily_users disable trigger user;
    alter table telemetry_daily_events disable trigger user;
    insert into telemetry_daily_users (account_id, day, product_user_id, events)
    select account_id, current_date - d, id, 1 + (i + j + d) % 7
    from bench_users, generate_series(0, ${DAYS - 1}) d
    where (i * 7 + j * 13 + d * 31) % 100 < 50;
    insert into telemetry_daily_events (account_id, day, event, product_user_id, events)
    select account_id, day,
           (array['Dashboard Viewed', 'Report Created', 'Dashboard Shared', 'Export Scheduled'])[1 + (events % 4)],
           product_user_id, events
    from telemetry_daily_users;
    insert into telemetry_daily_accounts (account_id, day, events)
    select account_id, day, sum(events) from telemetry_daily_users group by 1, 2;
    insert into telemetry_daily_active_users (account_id, day, daily, weekly, monthly)
    with runs as (
      select account_id, day, lead(day) over (partition by account_id, product_user_id order by day) as next_day
      from telemetry_daily_users
    ), deltas as (
      select account_id, day, sum(dd)::int as dd, sum(dw)::int as dw, sum(dm)::int as dm from (
        select account_id, day, 1 as dd, 1 as dw, 1 as dm from runs
        union all select account_id, least(day + 7, coalesce(next_day, day + 7)), 0, -1, 0 from runs
        union all select account_id, least(day + 30, coalesce(next_day, day + 30)), 0, 0, -1 from runs
      ) x group by 1, 2
    ), filled as (
      select s.account_id, s.lo + k as day, coalesce(d.dd, 0) as daily,
             sum(coalesce(d.dw, 0)) over w as weekly, sum(coalesce(d.dm, 0)) over w as monthly
      from (select account_id, min(day) as lo, max(day) as hi from deltas group by 1) s
      cross join lateral generate_series(0, s.hi - s.lo) k
      left join deltas d on d.account_id = s.account_id and d.day = s.lo + k
      window w as (partition by s.account_id order by s.lo + k)
    )
    select account_id, day, daily, weekly, monthly from filled where monthly > 0;
    insert into telemetry_daily_event_usage (account_id, event, day, events, monthly_users)
    with runs as (
      select account_id, event, day, lead(day) over (partition by account_id, event, product_user_id order by day) as next_day
      from telemetry_daily_events where product_user_id <> ''
    ), deltas as (
      select account_id, event, day, sum(events)::int as events, sum(dm)::int as dm from (
        select account_id, event, day, events, 0 as dm from telemetry_daily_events
        union all select account_id, event, day, 0, 1 from runs
        union all select account_id, event, least(day + 30, coalesce(next_day, day + 30)), 0, -1 from runs
      ) x group by 1, 2, 3
    ), filled as (
      select s.account_id, s.event, s.lo + k as day, coalesce(d.events, 0) as events,
             sum(coalesce(d.dm, 0)) over w as monthly_users
      from (select account_id, event, min(day) as lo, max(day) as hi from deltas group by 1, 2) s
      cross join lateral generate_series(0, s.hi - s.lo) k
      left join deltas d on d.account_id = s.account_id and d.event = s.event and d.day = s.lo + k
      window w as (partition by s.account_id, s.event order by s.lo + k)
    )
    select account_id, event, day, events, monthly_users from filled where events > 0 or monthly_users > 0;
    alter table telemetry_daily_users enable trigger user;
    alter table telemetry_daily_events enable trigger user;
    analyze;
  `),
  );
  const [counts] = await db.execute<{
    users: number;
    events: number;
    accounts: number;
    active: number;
    usage: number;
  }>(sql`
    select (select count(*) from telemetry_daily_users)::int as users,
           (select count(*) from telemetry_daily_events)::int as events,
           (select count(*) from telemetry_daily_accounts)::int as accounts,
           (select count(*) from telemetry_daily_active_users)::int as active,
           (select count(*) from telemetry_daily_event_usage)::int as usage`);
  console.log(
    `generated ${ACCOUNTS} accounts × ${DAYS} days: ${counts!.users.toLocaleString("en")} user-days, ` +
      `${counts!.events.toLocaleString("en")} event rows, ${counts!.accounts.toLocaleString("en")} account-days; ` +
      `aggregates: ${counts!.active.toLocaleString("en")} active-user days, ${counts!.usage.toLocaleString("en")} event-usage days ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  await checkAgainstTriggers();

  const regular = (
    await db.execute<{ id: string }>(
      sql`select id from accounts where id like 'bnch%' and licensed_seats = 10 order by random() limit 200`,
    )
  ).map((row) => row.id);
  const big = (
    await db.execute<{ id: string }>(
      sql`select id from accounts where licensed_seats = ${BIG_USERS} limit ${BIG_ACCOUNTS}`,
    )
  ).map((row) => row.id);
  const frame = frameRoute.loader as unknown as Loader;
  const usage = usageRoute.loader as unknown as Loader;

  await time(frame, "", regular, cookie, 30); // warm-up: connections, JIT, plans
  await time(usage, "/usage", regular, cookie, 30);
  const trivial = report("trivial page (account frame loader)", await time(frame, "", regular, cookie, RUNS));
  const tab = report(
    `Usage tab loader, accounts with ${USERS} product users`,
    await time(usage, "/usage", regular, cookie, RUNS),
  );
  const large = report(
    `Usage tab loader, accounts with ${BIG_USERS} product users`,
    await time(usage, "/usage", big, cookie, RUNS),
  );
  console.log(
    `Usage tab ÷ trivial page (median): ${(tab.median / trivial.median).toFixed(2)}× (${USERS} users), ` +
      `${(large.median / trivial.median).toFixed(2)}× (${BIG_USERS} users); target ≤ 2×`,
  );
} finally {
  await closeDatabase();
  await pg.stop();
}
