/**
 * `npm run bench:jobs`: one full evaluation of every playbook over 10,000 generated accounts, as the
 * jobs run it — the overdue job (`recordOverdueTasks` and the reactions to its events), then the
 * playbooks job (`startConditionRuns`, `advancePlaybookRuns`) — and the same again 3 and 7
 * simulated days later, when the playbooks' later steps come due; then the weekly digest for every
 * customer person. On a throwaway embedded PostgreSQL. Target (issue 13): each evaluation ≤ 60 s.
 *
 * Every account has a segment (of 3), a CSM (of BENCH_CSMS), a champion and a member, a current plan
 * with one milestone and 5 tasks; every other account has one overdue task (10% of tasks); renewal
 * dates are spread over the next year; 1 account in 10 has had no sign-in for 40 days (1 in 20:
 * never). The default playbooks are the demo's (app/domain/interventions/default-playbooks.ts).
 *
 * BENCH_ACCOUNTS (10,000), BENCH_CSMS (50). BENCH_REUSE=1 keeps the cluster in .data/bench-jobs and
 * the generated data in a template database: the next run with the same knobs starts from a copy of
 * it (at the same simulated Monday) instead of generating again.
 */
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { startEmbeddedPostgres } from "../../db/embedded";
import { ensureDatabase, migrateDatabase } from "../../db/migrate";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const CSMS = Number(process.env.BENCH_CSMS ?? 50);
const REUSE = process.env.BENCH_REUSE === "1";
const TARGET_S = 60;
const DAY_MS = 86_400_000;
const TEMPLATE = "bench_jobs_generated";
/** What the kept data was generated with; another value generates again. */
const DATA_KEY = `v1 accounts=${ACCOUNTS} csms=${CSMS}`;

const pg = await startEmbeddedPostgres(
  // Kept, yet as fast (and as crash-unsafe) as a throwaway cluster: the numbers stay comparable.
  REUSE
    ? { persistent: true, fastWrites: true, dataDir: ".data/bench-jobs", quiet: true }
    : { persistent: false, quiet: true },
);

/** With BENCH_REUSE: a fresh copy of the kept data and the Monday it was generated for, else null. */
async function copyKeptData(): Promise<Date | null> {
  const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists bench_jobs`);
    const [kept] = await admin<{ note: string | null }[]>`
      select shobj_description(oid, 'pg_database') as note from pg_database where datname = ${TEMPLATE}`;
    const [key, at] = (kept?.note ?? "").split(" @ ");
    if (key !== DATA_KEY || !at) return null;
    await admin.unsafe(`create database bench_jobs template ${TEMPLATE}`);
    return new Date(at);
  } finally {
    await admin.end();
  }
}

/** Keeps the generated data (bench_jobs, before any evaluation) as the template later runs copy. */
async function keepData(at: Date) {
  const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${TEMPLATE}`);
    await admin.unsafe(`create database ${TEMPLATE} template bench_jobs`);
    await admin.unsafe(`comment on database ${TEMPLATE} is '${DATA_KEY} @ ${at.toISOString()}'`);
  } finally {
    await admin.end();
  }
}

const keptAt = REUSE ? await copyKeptData() : null;
await ensureDatabase(pg.adminUrl, "bench_jobs");
process.env.DATABASE_URL = pg.urlFor("bench_jobs");
await migrateDatabase(process.env.DATABASE_URL);
// Generating the data takes longer than the server's statement timeout for requests.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "0";

const { db, closeDatabase } = await import("../../db/client.server");
const { sql } = await import("drizzle-orm");
const { createSegment, createStaff } = await import("../../db/seed/factories");
const { seedDemoInterventions } = await import("../../db/seed/demo-interventions");
const { recordOverdueTasks } = await import("../../app/domain/plans/overdue-tasks.server");
const { reactToEvents } = await import("../../app/domain/events/reactions.server");
const { startConditionRuns, advancePlaybookRuns } = await import("../../app/domain/interventions/runs.server");
const { sendWeeklyDigests } = await import("../../app/domain/mail/digest.server");

/** The coming Monday at 09:00 UTC: every customer person's digest (default Monday 08:00, UTC) is due. */
function comingMonday(from: Date): Date {
  const at = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), 9));
  const isoDay = at.getUTCDay() === 0 ? 7 : at.getUTCDay();
  return new Date(at.getTime() + ((8 - isoDay) % 7 || 7) * DAY_MS);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

async function counts() {
  const [row] = await db.execute<{
    events: number;
    runs: number;
    steps: number;
    sent: number;
    capped: number;
    skipped: number;
    mails: number;
    notices: number;
    work_items: number;
  }>(sql`
    select (select count(*) from events where type = 'task.overdue')::int as events,
           (select count(*) from playbook_runs)::int as runs,
           (select count(*) from playbook_run_steps)::int as steps,
           (select count(*) from playbook_run_steps where outcome = 'sent')::int as sent,
           (select count(*) from playbook_run_steps where outcome = 'capped')::int as capped,
           (select count(*) from playbook_run_steps where outcome = 'skipped')::int as skipped,
           (select count(*) from outbox_messages)::int as mails,
           (select count(*) from intervention_notices)::int as notices,
           (select count(*) from work_items)::int as work_items`);
  return row!;
}

const n = (value: number) => value.toLocaleString("en");
const s = (seconds: number) => `${seconds.toFixed(1).padStart(5)} s`;

/** One full evaluation at `at`, as the overdue job and then the playbooks job do it. */
async function evaluate(label: string, at: Date) {
  const before = await counts();
  const overdue = await timed(() => recordOverdueTasks(at));
  const reactions = await timed(() => reactToEvents(overdue.value.eventIds));
  const conditions = await timed(() => startConditionRuns(at));
  const advance = await timed(() => advancePlaybookRuns(at));
  const after = await counts();
  const total = overdue.seconds + reactions.seconds + conditions.seconds + advance.seconds;
  console.log(`${label} (${at.toISOString()}):`);
  console.log(`  recordOverdueTasks       ${s(overdue.seconds)}  ${n(overdue.value.recorded)} task.overdue events`);
  console.log(
    `  reactToEvents            ${s(reactions.seconds)}  ${n(after.runs - before.runs - conditions.value)} overdue runs started`,
  );
  console.log(
    `  startConditionRuns       ${s(conditions.seconds)}  ${n(conditions.value)} renewal / quiet runs started`,
  );
  console.log(
    `  advancePlaybookRuns      ${s(advance.seconds)}  ${n(advance.value.steps)} steps done (${n(after.sent - before.sent)} sent, ` +
      `${n(after.capped - before.capped)} capped, ${n(after.skipped - before.skipped)} skipped), ` +
      `${n(advance.value.resolved)} resolved, ${n(after.mails - before.mails)} mails queued, ` +
      `${n(after.notices - before.notices)} reminders, ${n(after.work_items - before.work_items)} work items`,
  );
  console.log(`  total                    ${s(total)}  target ≤ ${TARGET_S} s: ${total <= TARGET_S ? "PASS" : "FAIL"}`);
  return total;
}

/** The accounts, people, plans and tasks, in bulk SQL (see the header). */
async function generate(now: Date) {
  const segments = [await createSegment(), await createSegment(), await createSegment()];
  await createStaff("admin");
  await db.transaction((tx) => seedDemoInterventions(tx));
  const hex = (expr: string) => `translate(lpad(to_hex(${expr}), 12, '0'), '0123456789abcdef', 'abcdefghijklmnop')`;
  const today = `'${now.toISOString().slice(0, 10)}'::date`;
  const at = `'${now.toISOString()}'::timestamptz`;
  const generated = performance.now();
  await db.execute(
    sql.raw(`
    insert into users (id, email, name, staff_role, last_sign_in_at)
    select 'bcsm' || ${hex("c")}, 'csm' || c || '@bench-vendor.example', 'CSM ' || c, 'csm', ${at} - interval '1 day'
    from generate_series(1, ${CSMS}) c;
    insert into accounts (id, name, segment_id, industry, region, licensed_seats, renewal_date, csm_id, created_at, external_id)
    select 'bnch' || ${hex("i")}, 'Bench Account ' || i,
           (array['${segments.map((segment) => segment.id).join("','")}'])[1 + i % 3], 'Retail', 'EMEA', 50,
           ${today} + (i % 365), 'bcsm' || ${hex(`1 + i % ${CSMS}`)}, ${at} - interval '400 days', 'bench-' || i
    from generate_series(1, ${ACCOUNTS}) i;
    -- A champion (j = 1) and a member per account. 1 account in 10 has been quiet for 40 days, 1 in 20 never signed in.
    insert into users (id, email, name, account_id, account_role, last_sign_in_at, created_at)
    select 'bppl' || ${hex("i * 10 + j")}, 'person' || j || '@bench' || i || '.example', 'Person ' || i || '.' || j,
           'bnch' || ${hex("i")}, (case when j = 1 then 'champion' else 'member' end)::account_role,
           case when i % 20 = 0 then null
                when i % 10 = 0 then ${at} - interval '40 days'
                else ${at} - ((i + j) % 14) * interval '1 day' end,
           ${at} - interval '400 days'
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 2) j;
    insert into plans (id, account_id, name, start_date, is_current)
    select 'plan' || ${hex("i")}, 'bnch' || ${hex("i")}, 'Bench plan', ${today} - 60, true
    from generate_series(1, ${ACCOUNTS}) i;
    insert into milestones (id, plan_id, account_id, title, target_date)
    select 'mile' || ${hex("i")}, 'plan' || ${hex("i")}, 'bnch' || ${hex("i")}, 'Go live', ${today} + 30
    from generate_series(1, ${ACCOUNTS}) i;
    -- Task 1 of every other account is overdue (1 to 10 days); task 2 falls due within the next week,
    -- so the later evaluations find new overdue tasks too. Customer tasks are the champion's, vendor tasks the CSM's.
    insert into tasks (id, plan_id, account_id, milestone_id, title, side, assignee_id, due_date, position)
    select 'task' || ${hex("i * 10 + k")}, 'plan' || ${hex("i")}, 'bnch' || ${hex("i")}, 'mile' || ${hex("i")},
           'Task ' || k, side::task_side,
           case when side = 'customer' then 'bppl' || ${hex("i * 10 + 1")} else 'bcsm' || ${hex(`1 + i % ${CSMS}`)} end,
           case when k = 1 and i % 2 = 0 then ${today} - (1 + i % 10)
                when k = 2 then ${today} + (1 + i % 7)
                else ${today} + 7 * k + i % 20 end,
           k
    from generate_series(1, ${ACCOUNTS}) i, generate_series(1, 5) k,
         lateral (select case when (i + k) % 4 = 0 then 'vendor' else 'customer' end as side) x;
    analyze;
  `),
  );
  const [tasks] = await db.execute<{ tasks: number; overdue: number }>(sql`
    select count(*)::int as tasks, count(*) filter (where due_date < ${now.toISOString().slice(0, 10)}::date)::int as overdue
    from tasks`);
  console.log(
    `generated ${n(ACCOUNTS)} accounts (3 segments, ${CSMS} CSMs, ${n(ACCOUNTS * 2)} customer people), ` +
      `${n(tasks!.tasks)} tasks (${n(tasks!.overdue)} overdue) in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
  );
}

try {
  const now = keptAt ?? comingMonday(new Date());
  if (keptAt) {
    console.log(`reused the data generated for ${now.toISOString()} (BENCH_REUSE, ${DATA_KEY})`);
  } else {
    await generate(now);
    if (REUSE) {
      // The template is copied from bench_jobs, which nobody may be connected to meanwhile.
      await closeDatabase();
      await keepData(now);
    }
  }

  const totals = [
    await evaluate("evaluation 1", now),
    await evaluate("evaluation 2, 3 days later", new Date(now.getTime() + 3 * DAY_MS)),
    await evaluate("evaluation 3, 7 days later", new Date(now.getTime() + 7 * DAY_MS)),
  ];

  const mailsBefore = (await counts()).mails;
  const digest = await timed(() => sendWeeklyDigests(now));
  const mailsAfter = (await counts()).mails;
  console.log(
    `sendWeeklyDigests (${now.toISOString()}): ${s(digest.seconds)}  ${n(digest.value.queued)} digests queued ` +
      `(${n(mailsAfter - mailsBefore)} mails), ${n(digest.value.nothingToSay)} with nothing to say`,
  );
  const worst = Math.max(...totals);
  console.log(
    `slowest evaluation ${worst.toFixed(1)} s over ${n(ACCOUNTS)} accounts; target ≤ ${TARGET_S} s: ${worst <= TARGET_S ? "PASS" : "FAIL"}`,
  );
} finally {
  await closeDatabase();
  await pg.stop();
}
