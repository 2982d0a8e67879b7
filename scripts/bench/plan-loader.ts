/**
 * `npm run bench`: server time of the plan page's loader (the real route loader, signed in as the
 * account's CSM) on the demo data and on a generated large data set — 1,000 accounts with a current
 * plan of 10 milestones × 10 tasks (100,000 tasks), 3 outcomes × 2 value metrics × 12 measurements
 * each — plus the value page's and the executive summary's loaders, and the staff account list's
 * plan status query, which aggregates over every account. Runs on a throwaway embedded PostgreSQL.
 */
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "../../db/embedded";
import { ensureDatabase, migrateDatabase } from "../../db/migrate";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

const pg = await startEmbeddedPostgres({ persistent: false, quiet: true });
await ensureDatabase(pg.adminUrl, "bench");
process.env.DATABASE_URL = pg.urlFor("bench");
await migrateDatabase(process.env.DATABASE_URL);

// Generating 100,000 tasks takes longer than the server's statement timeout for requests.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "0";
const { db, closeDatabase } = await import("../../db/client.server");
const { sql, eq } = await import("drizzle-orm");
const { accounts, users } = await import("../../db/schema");
const { seedDemo } = await import("../../db/seed/demo");
const { startSession } = await import("../../app/domain/auth/sessions.server");
const { listPlanStatusByAccount } = await import("../../app/domain/plans/plan-status.server");
const planRoute = await import("../../app/routes/accounts.$accountId.plan/route");
const valueRoute = await import("../../app/routes/accounts.$accountId.value/route");
const summaryRoute = await import("../../app/routes/accounts.$accountId.plan_.summary");

type Loader = typeof planRoute.loader;
const PAGES: Record<string, { path: string; loader: Loader }> = {
  plan: { path: "plan", loader: planRoute.loader },
  value: { path: "value", loader: valueRoute.loader as unknown as Loader },
  summary: { path: "plan/summary", loader: summaryRoute.loader as unknown as Loader },
};

function summarize(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(
    `${label.padEnd(52)} n=${String(samples.length).padStart(4)}  median ${at(0.5).toFixed(1).padStart(6)} ms  p95 ${at(0.95).toFixed(1).padStart(6)} ms`,
  );
}

async function timeLoader(accountIds: string[], cookie: string, runs: number, page: keyof typeof PAGES = "plan") {
  const { path, loader } = PAGES[page]!;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const accountId = accountIds[i % accountIds.length]!;
    const request = new Request(`http://bench.local/accounts/${accountId}/${path}`, { headers: { Cookie: cookie } });
    const started = performance.now();
    await loader({ request, params: { accountId }, context: { clientIp: "127.0.0.1" } });
    samples.push(performance.now() - started);
  }
  return samples;
}

try {
  await seedDemo();
  const [csm] = await db.select({ id: users.id }).from(users).where(eq(users.email, "marcus@lumen-analytics.example"));
  const cookie = (await startSession(csm!.id)).split(";")[0]!;
  const demoAccounts = (await db.select({ id: accounts.id }).from(accounts)).map((row) => row.id);

  await timeLoader(demoAccounts, cookie, 20); // warm-up: connections, JIT
  summarize("plan loader, demo data (3 accounts)", await timeLoader(demoAccounts, cookie, RUNS));
  summarize("value loader, demo data", await timeLoader(demoAccounts, cookie, RUNS, "value"));
  summarize("executive summary loader, demo data", await timeLoader(demoAccounts, cookie, RUNS, "summary"));

  const generated = performance.now();
  const hex = (expr: string) => `translate(lpad(to_hex(${expr}), 12, '0'), '0123456789abcdef', 'abcdefghijklmnop')`;
  await db.execute(
    sql.raw(`
    insert into accounts (id, name, segment_id, industry, region, licensed_seats, renewal_date, csm_id, time_zone)
    select 'bnch' || ${hex("i")}, 'Bench Account ' || i, (select id from segments limit 1), 'Retail', 'EMEA', 50,
           current_date + (i % 365), '${csm!.id}', 'Europe/Berlin'
    from generate_series(1, ${ACCOUNTS}) i;
    insert into plans (id, account_id, name, start_date, is_current)
    select 'plan' || ${hex("i")}, 'bnch' || ${hex("i")}, 'Bench plan', current_date - 60, true from generate_series(1, ${ACCOUNTS}) i;
    insert into milestones (id, plan_id, account_id, title, target_date, position, vendor_signed_at, customer_signed_at)
    select 'mile' || ${hex("i * 100 + j")}, 'plan' || ${hex("i")}, 'bnch' || ${hex("i")}, 'Milestone ' || j,
           current_date - 60 + j * 15, j,
           case when j <= 3 then now() end, case when j <= 3 then now() end
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 10) j;
    insert into tasks (id, plan_id, account_id, milestone_id, title, side, status, due_date, internal, position, assignee_id)
    select 'task' || ${hex("(i * 100 + j) * 100 + k")}, 'plan' || ${hex("i")}, 'bnch' || ${hex("i")}, 'mile' || ${hex("i * 100 + j")},
           'Task ' || j || '.' || k,
           (case when k % 2 = 0 then 'customer' else 'vendor' end)::task_side,
           (case when j <= 3 then 'done' when k % 5 = 0 then 'in_progress' else 'todo' end)::task_status,
           current_date - 60 + j * 15 - (10 - k), (k = 9), k,
           case when k % 2 = 1 then '${csm!.id}' end
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 10) j, generate_series(1, 10) k;
    insert into outcomes (id, plan_id, account_id, title, position)
    select 'outc' || ${hex("i * 10 + j")}, 'plan' || ${hex("i")}, 'bnch' || ${hex("i")}, 'Outcome ' || j, j
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 3) j;
    insert into value_metrics (id, plan_id, account_id, outcome_id, name, unit, direction, baseline, target, money_per_unit, value_period, position)
    select 'metr' || ${hex("(i * 10 + j) * 10 + m")}, 'plan' || ${hex("i")}, 'bnch' || ${hex("i")}, 'outc' || ${hex("i * 10 + j")},
           'Metric ' || j || '.' || m, 'hours', 'down', 40, 10, case when m = 1 then 50 end, case when m = 1 then 'week'::value_period end, m
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 3) j, generate_series(1, 2) m;
    insert into measurements (id, metric_id, account_id, measured_on, value)
    select 'meas' || ${hex("((i * 10 + j) * 10 + m) * 100 + r")}, 'metr' || ${hex("(i * 10 + j) * 10 + m")}, 'bnch' || ${hex("i")},
           current_date - 60 + r * 5, 40 - r * 2
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 3) j, generate_series(1, 2) m, generate_series(1, 12) r;
    update accounts set annual_cost = 60000 where id like 'bnch%';
    analyze;
  `),
  );
  console.log(
    `generated ${ACCOUNTS} accounts × (10 milestones × 10 tasks, 6 metrics × 12 measurements) in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
  );

  const bigAccounts = (
    await db.execute<{ id: string }>(sql`select id from accounts where id like 'bnch%' order by random()`)
  ).map((row) => row.id);
  await timeLoader(bigAccounts, cookie, 20);
  summarize(
    `plan loader, large data (${ACCOUNTS} accounts, 100 tasks each)`,
    await timeLoader(bigAccounts, cookie, RUNS),
  );
  summarize("value loader, large data", await timeLoader(bigAccounts, cookie, RUNS, "value"));
  summarize("executive summary loader, large data", await timeLoader(bigAccounts, cookie, RUNS, "summary"));

  const statusSamples: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await listPlanStatusByAccount();
    statusSamples.push(performance.now() - started);
  }
  summarize(`account list plan status (all ${ACCOUNTS + 3} accounts)`, statusSamples);
} finally {
  await closeDatabase();
  await pg.stop();
}
