/**
 * `npm run bench:usage`: server time of the staff Usage tab's loader (the real route loader, signed
 * in as a CSM) against a trivial page's — the account frame's loader, which only checks the session
 * and reads the account — with a year of daily rollups for 10,000 accounts generated directly into
 * the rollup tables (no ingest), on a throwaway embedded PostgreSQL. Target: the Usage tab within
 * 2 × the trivial page.
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

try {
  const segment = await createSegment();
  const csm = await createStaff("csm");
  const cookie = await sessionCookie(csm.id);
  const hex = (expr: string) => `translate(lpad(to_hex(${expr}), 12, '0'), '0123456789abcdef', 'abcdefghijklmnop')`;
  const started = performance.now();
  // Every account has USERS product users, each active on about half the days of the year; the
  // first BIG_ACCOUNTS have BIG_USERS. Each active day has a "Dashboard Viewed" and often a key event.
  // The usage aggregates the tab reads (DAU/WAU/MAU per account-day, trailing-30-day users per event)
  // are filled by the rollups' triggers as each insert below ends, as the ingest would fill them.
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
