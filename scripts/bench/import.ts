/**
 * `npm run bench:import`: the CSV import of 10,000 accounts (every one with an ARR, a CSM and a
 * segment) on a throwaway embedded PostgreSQL — the dry run, the import, a re-import of the same
 * file (all unchanged) and a second file changing every account's ARR (10,000 expansion entries),
 * then 30,000 people for those accounts. Target (issue 15 item 6): dry run + import ≤ 30 s.
 *
 * BENCH_ACCOUNTS (10,000).
 */
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "../../db/embedded";
import { ensureDatabase, migrateDatabase } from "../../db/migrate";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const TARGET_S = 30;
const TODAY = "2026-06-01";

const pg = await startEmbeddedPostgres({ persistent: false, quiet: true });
await ensureDatabase(pg.adminUrl, "bench_import");
process.env.DATABASE_URL = pg.urlFor("bench_import");
await migrateDatabase(process.env.DATABASE_URL);

const { closeDatabase, db } = await import("../../db/client.server");
const { sql } = await import("drizzle-orm");
const { actorOf, createSegment, createStaff } = await import("../../db/seed/factories");
const { ACCOUNT_COLUMNS, PEOPLE_COLUMNS } = await import("../../app/domain/imports/columns");
const { dryRunImport, runImport } = await import("../../app/domain/imports/import.server");

const n = (value: number) => value.toLocaleString("en");
const seconds = (since: number) => (performance.now() - since) / 1000;

try {
  const segments = [await createSegment(), await createSegment(), await createSegment()];
  const csm = await createStaff("csm");
  const admin = await createStaff("admin");
  const actor = actorOf(admin) as Parameters<typeof runImport>[0];
  const accountsFile = (arr: (i: number) => number) =>
    new TextEncoder().encode(
      "\uFEFF" +
        [
          ACCOUNT_COLUMNS.join(","),
          ...Array.from(
            { length: ACCOUNTS },
            (_, i) =>
              `"Bench Account ${i}, Inc.",crm-${i},${segments[i % 3]!.name},Software,EMEA,${10 + (i % 90)},${csm.email},` +
              `${arr(i)},EUR,2026-01-01,2027-01-01`,
          ),
        ].join("\r\n") +
        "\r\n",
    );
  const first = accountsFile((i) => 1000 + i);
  const grown = accountsFile((i) => 2000 + i);
  console.log(`generated ${n(ACCOUNTS)} account rows (${(first.length / 1024 / 1024).toFixed(1)} MB)`);

  const timed = async <T>(label: string, run: () => Promise<T>, describe: (result: T) => string) => {
    const started = performance.now();
    const result = await run();
    const s = seconds(started);
    console.log(`${label.padEnd(40)} ${s.toFixed(1).padStart(5)} s  ${describe(result)}`);
    return { result, s };
  };
  const counts = (report: { counts: Record<string, number>; problemCount: number; written: boolean }) =>
    `${n(report.counts.create!)} new, ${n(report.counts.update!)} updated, ${n(report.counts.unchanged!)} unchanged, ` +
    `${n(report.problemCount)} problems${report.written ? ", written" : ""}`;
  const outcome = (o: Awaited<ReturnType<typeof runImport>>) => (o.ok ? counts(o.report) : o.error);

  const dry = await timed("dry run (10,000 new accounts)", () => dryRunImport("accounts", first, TODAY), counts);
  const real = await timed("import", () => runImport(actor, "accounts", first, TODAY), outcome);
  await timed("re-import of the same file", () => runImport(actor, "accounts", first, TODAY), outcome);
  await timed("import changing every ARR", () => runImport(actor, "accounts", grown, TODAY), outcome);

  const peopleFile = new TextEncoder().encode(
    [
      PEOPLE_COLUMNS.join(","),
      ...Array.from({ length: ACCOUNTS * 3 }, (_, k) => {
        const i = Math.floor(k / 3);
        return `crm-${i},person${k % 3}@bench${i}.example,Person ${k},${k % 3 === 0 ? "champion" : "member"},`;
      }),
    ].join("\n"),
  );
  await timed("dry run (30,000 people)", () => dryRunImport("people", peopleFile, TODAY), counts);
  await timed("import people", () => runImport(actor, "people", peopleFile, TODAY), outcome);

  const [rows] = await db.execute<{ accounts: number; subscriptions: number; entries: number; people: number }>(sql`
    select (select count(*) from accounts)::int as accounts, (select count(*) from revenue_subscriptions)::int as subscriptions,
           (select count(*) from revenue_ledger_entries)::int as entries,
           (select count(*) from users where account_id is not null)::int as people`);
  const total = dry.s + real.s;
  console.log(
    `${n(rows!.accounts)} accounts, ${n(rows!.subscriptions)} subscriptions, ${n(rows!.entries)} ledger entries, ` +
      `${n(rows!.people)} people; dry run + import ${total.toFixed(1)} s; target ≤ ${TARGET_S} s: ` +
      `${total <= TARGET_S ? "PASS" : "FAIL"}`,
  );
} finally {
  await closeDatabase();
  await pg.stop();
}
