/**
 * `npm run bench:health`: a full health recompute (`recomputeHealth()`, as the nightly job runs it)
 * over 10,000 generated accounts with data behind every measure that has cheap inputs — a current
 * plan (2 milestones, 6 tasks, some done), a champion and two members with sign-ins, NPS answers,
 * touches and CSM pulses — on a throwaway embedded PostgreSQL. Telemetry, training and community
 * inputs are left empty (those measures score "no data"; their queries still run). Timed twice:
 * the first files today's snapshots, the second upserts over them. Target (issue 14): ≤ 60 s.
 *
 * BENCH_ACCOUNTS (10,000).
 */
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "../../db/embedded";
import { ensureDatabase, migrateDatabase } from "../../db/migrate";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const TARGET_S = 60;

const pg = await startEmbeddedPostgres({ persistent: false, quiet: true });
await ensureDatabase(pg.adminUrl, "bench_health");
process.env.DATABASE_URL = pg.urlFor("bench_health");
await migrateDatabase(process.env.DATABASE_URL);
// Generating the data takes longer than the server's statement timeout for requests.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "0";

const { db, closeDatabase } = await import("../../db/client.server");
const { sql } = await import("drizzle-orm");
const { createSegment, createStaff } = await import("../../db/seed/factories");
const { recomputeHealth } = await import("../../app/domain/health/recompute.server");

const n = (value: number) => value.toLocaleString("en");

try {
  const segments = [await createSegment(), await createSegment(), await createSegment()];
  const csm = await createStaff("csm");
  const hex = (expr: string) => `translate(lpad(to_hex(${expr}), 12, '0'), '0123456789abcdef', 'abcdefghijklmnop')`;
  const generated = performance.now();
  await db.execute(
    sql.raw(`
    insert into accounts (id, name, segment_id, industry, region, licensed_seats, renewal_date, csm_id, created_at, external_id)
    select 'bnch' || ${hex("i")}, 'Bench Account ' || i,
           (array['${segments.map((segment) => segment.id).join("','")}'])[1 + i % 3], 'Retail', 'EMEA', 50,
           current_date + (i % 365), '${csm.id}', now() - interval '400 days', 'bench-' || i
    from generate_series(1, ${ACCOUNTS}) i;
    insert into users (id, email, name, account_id, account_role, last_sign_in_at)
    select 'bppl' || ${hex("i * 10 + j")}, 'person' || j || '@bench' || i || '.example', 'Person ' || i || '.' || j,
           'bnch' || ${hex("i")}, (case when j = 1 then 'champion' else 'member' end)::account_role,
           case when (i + j) % 4 = 0 then null else now() - ((i * j) % 60) * interval '1 day' end
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 3) j;
    insert into plans (id, account_id, name, start_date, is_current)
    select 'plan' || ${hex("i")}, 'bnch' || ${hex("i")}, 'Bench plan', current_date - 60, true
    from generate_series(1, ${ACCOUNTS}) i;
    insert into milestones (id, plan_id, account_id, title, target_date, position, vendor_signed_at, customer_signed_at)
    select 'mile' || ${hex("i * 10 + m")}, 'plan' || ${hex("i")}, 'bnch' || ${hex("i")}, 'Milestone ' || m,
           current_date - 30 + m * (10 + i % 30), m,
           case when m = 1 and i % 2 = 0 then now() end, case when m = 1 and i % 2 = 0 then now() end
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 2) m;
    insert into tasks (id, plan_id, account_id, milestone_id, title, side, status, due_date, position, completed_at)
    select 'task' || ${hex("(i * 10 + m) * 10 + k")}, 'plan' || ${hex("i")}, 'bnch' || ${hex("i")}, 'mile' || ${hex("i * 10 + m")},
           'Task ' || m || '.' || k, (case when k % 2 = 0 then 'customer' else 'vendor' end)::task_side,
           (case when m = 1 and (i % 2 = 0 or k < 3) then 'done' else 'todo' end)::task_status,
           current_date - 20 + m * 10 + k * (i % 5), k,
           case when m = 1 and (i % 2 = 0 or k < 3) then now() - interval '5 days' end
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 2) m, generate_series(1, 3) k;
    -- An NPS answer from 2 of every 3 people within the year, a second (earlier) one from some.
    insert into nps_responses (id, account_id, user_id, score, created_at)
    select 'bnps' || ${hex("(i * 10 + j) * 10 + r")}, 'bnch' || ${hex("i")}, 'bppl' || ${hex("i * 10 + j")},
           (i * 7 + j * 3 + r) % 11, now() - ((i + j) % 300 + r * 30) * interval '1 day'
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 3) j, generate_series(0, 1) r
    where (i + j) % 3 <> 0 and (r = 0 or i % 4 = 0);
    insert into health_touches (id, account_id, author_id, kind, occurred_on)
    select 'btch' || ${hex("i * 10 + t")}, 'bnch' || ${hex("i")}, '${csm.id}',
           (array['call', 'meeting', 'email', 'qbr', 'executive_sponsor'])[1 + (i + t) % 5]::health_touch_kind,
           current_date - ((i * t) % 90)
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 3) t;
    -- A pulse on most accounts: some fresh, some expired (no data).
    insert into health_pulses (id, account_id, author_id, grade, created_at, expires_at)
    select 'bpls' || ${hex("i")}, 'bnch' || ${hex("i")}, '${csm.id}',
           (array['red', 'yellow', 'green'])[1 + i % 3]::health_grade,
           now() - (i % 40) * interval '1 day', now() - (i % 40) * interval '1 day' + interval '30 days'
    from generate_series(1, ${ACCOUNTS}) i
    where i % 5 <> 0;
    analyze;
  `),
  );
  const [rows] = await db.execute<{ tasks: number; nps: number; touches: number; pulses: number }>(sql`
    select (select count(*) from tasks)::int as tasks, (select count(*) from nps_responses)::int as nps,
           (select count(*) from health_touches)::int as touches, (select count(*) from health_pulses)::int as pulses`);
  console.log(
    `generated ${n(ACCOUNTS)} accounts (${n(ACCOUNTS * 3)} people, ${n(rows!.tasks)} tasks, ${n(rows!.nps)} NPS answers, ` +
      `${n(rows!.touches)} touches, ${n(rows!.pulses)} pulses) in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
  );

  const passes = [];
  for (const label of ["first recompute (files today's snapshots)", "second recompute (upserts them)"]) {
    const started = performance.now();
    const result = await recomputeHealth();
    const seconds = (performance.now() - started) / 1000;
    passes.push(seconds);
    console.log(
      `${label.padEnd(44)} ${seconds.toFixed(1).padStart(5)} s  ${n(result.accounts)} accounts, ` +
        `${n(Math.round(result.accounts / seconds))} accounts/s, ${n(result.gradeChanges)} grade changes`,
    );
  }
  const [snapshots] = await db.execute<{ snapshots: number; graded: number }>(
    sql`select count(*)::int as snapshots, count(grade)::int as graded from health_snapshots`,
  );
  const worst = Math.max(...passes);
  console.log(
    `${n(snapshots!.snapshots)} snapshots (${n(snapshots!.graded)} with a grade); slowest recompute ${worst.toFixed(1)} s ` +
      `over ${n(ACCOUNTS)} accounts; target ≤ ${TARGET_S} s: ${worst <= TARGET_S ? "PASS" : "FAIL"}`,
  );
} finally {
  await closeDatabase();
  await pg.stop();
}
