/**
 * `npm run bench:http`: the key pages of the production build under load with 10,000 accounts ×
 * 100 tasks (issue 10, item 6). Generates the data set (scripts/bench/http-data.ts) into a throwaway
 * embedded PostgreSQL, starts server/prod.ts on 127.0.0.1 (WORKERS=off), signs in as the CSM who owns
 * half the accounts and is assignee of every vendor task, and runs autocannon (8 connections,
 * BENCH_SECONDS each) on every page interleaved with the trivial page `/login` — trivial, page,
 * trivial, page, …, trivial — so each page is compared with the trivial runs right around it on the
 * same machine load. Prints a table (scripts/bench/http-report.ts) with req/s, p95, both as ratios to
 * the trivial page, statuses, HTML bytes and the gzipped JS the page loads, flagging each row that
 * misses ≥ 0.5× the trivial page's req/s or p95 ≤ 2× its p95; and the server's cold start.
 *
 * BENCH_ACCOUNTS (10000), BENCH_TASKS (100 per account), BENCH_SECONDS (10 per run),
 * BENCH_PAGES (comma list of page names; default all), BENCH_QUERY (the account search, "globex"),
 * BENCH_KEEP=1 (keep the generated database in .cache/bench-http/ and reuse it next time),
 * BENCH_PORT (4291, the server), BENCH_DB_PORT (PostgreSQL; default any free port).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { startEmbeddedPostgres } from "../../db/embedded";
import { ensureDatabase, migrateDatabase } from "../../db/migrate";
import { benchId, generateBenchData, TOPICS } from "./http-data";
import { type PageResult, type Run, formatTable, quantile, scriptAssets, toRow } from "./http-report";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 8;
const PORT = Number(process.env.BENCH_PORT ?? 4291);
const DB_PORT = process.env.BENCH_DB_PORT ? Number(process.env.BENCH_DB_PORT) : undefined;
const KEEP = process.env.BENCH_KEEP === "1";
const QUERY = process.env.BENCH_QUERY ?? "globex";
/** A page whose single request takes longer is not put under load: 8 connections of it would run for minutes. */
const PROBE_LIMIT_MS = Number(process.env.BENCH_PROBE_LIMIT_MS ?? 30_000);
const TRIVIAL = "/login";
const DATABASE = "bench_http";
const CSM_EMAIL = "bench-csm@bench.example";
const origin = `http://127.0.0.1:${PORT}`;
const cacheDir = resolve(".cache/bench-http");
const markerFile = join(cacheDir, "generated.json");

// The bench signs in as the CSM of even accounts; account 2 is theirs, with a plan of TASKS tasks.
const account = benchId("bacc", 2);
const PAGES: { name: string; label: string; path: string }[] = [
  { name: "portfolio", label: "portfolio (mine, by ARR at risk)", path: "/portfolio" },
  { name: "portfolio-team", label: "portfolio, everyone's", path: "/portfolio?csm=" },
  { name: "portfolio-teamview", label: "portfolio team view", path: "/portfolio?view=team" },
  { name: "renewals", label: "renewals (next 180 days)", path: "/revenue/renewals" },
  { name: "retention", label: "retention, this quarter", path: "/revenue/retention" },
  { name: "work-queue", label: "work queue", path: "/work-queue" },
  { name: "accounts", label: "account list, page 1", path: "/accounts" },
  { name: "accounts-search", label: `account list, ?q=${QUERY}`, path: `/accounts?q=${encodeURIComponent(QUERY)}` },
  { name: "plan", label: `plan page (${TASKS} tasks)`, path: `/accounts/${account}/plan` },
  { name: "value", label: "value page", path: `/accounts/${account}/value` },
  { name: "summary", label: "executive summary", path: `/accounts/${account}/plan/summary` },
  { name: "my-tasks", label: "My tasks", path: "/my-tasks" },
  { name: "advocacy", label: "advocacy pipeline", path: "/advocacy" },
  { name: "community", label: "community index", path: "/community" },
];

const wanted = process.env.BENCH_PAGES?.split(",")
  .map((name) => name.trim())
  .filter(Boolean);
const unknown = wanted?.filter((name) => !PAGES.some((page) => page.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown BENCH_PAGES: ${unknown.join(", ")}. Pages: ${PAGES.map((page) => page.name).join(", ")}`);
  process.exit(1);
}
const pages = wanted ? PAGES.filter((page) => wanted.includes(page.name)) : PAGES;

if (!existsSync("build/server/index.js")) {
  console.error("No production build: run `npx remix vite:build` first (npm run bench:http does).");
  process.exit(1);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
let server: ChildProcess | undefined;
const serverAlive = () => server !== undefined && server.exitCode === null && server.signalCode === null;

/** Whether the kept database holds this very data set (same size, generation finished). */
function keptDataMatches(): boolean {
  if (!KEEP || !existsSync(markerFile)) return false;
  const marker = JSON.parse(readFileSync(markerFile, "utf8")) as { accounts?: number; tasks?: number };
  return marker.accounts === ACCOUNTS && marker.tasks === TASKS;
}

async function startServer(databaseUrl: string): Promise<number> {
  const spawnedAt = performance.now();
  // node --import tsx (not the tsx CLI), as npm start runs it, so the pid is the server's own.
  server = spawn(process.execPath, ["--import", "tsx", "server/prod.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      WORKERS: "off",
      SEED: "false",
      SMTP_URL: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (!serverAlive()) throw new Error(`The server exited (${server.exitCode ?? server.signalCode}) while starting.`);
    try {
      if ((await fetch(`${origin}/healthz`)).status === 200) return performance.now() - spawnedAt;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`The server did not answer ${origin}/healthz within 120 s.`);
}

async function stopServer() {
  const running = server;
  if (!running || !serverAlive()) return;
  const exited = new Promise((done) => running.once("exit", done));
  running.kill("SIGTERM");
  await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
  if (serverAlive()) running.kill("SIGKILL");
}

/**
 * Waits until the server answers the trivial page quickly again, so requests autocannon abandoned
 * at the end of a run don't weigh on the next one. Bounded: after two minutes the bench goes on.
 * Not /healthz: its database check gives up after 800 ms on a busy server, and ending that
 * connection while it was still connecting once took the server down with it.
 */
async function settle() {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline && serverAlive()) {
    const started = performance.now();
    try {
      await fetch(`${origin}${TRIVIAL}`, { signal: AbortSignal.timeout(5_000) });
      quick = performance.now() - started < 250 ? quick + 1 : 0;
    } catch {
      quick = 0;
    }
  }
}

async function load(path: string, cookie?: string, duration = SECONDS): Promise<Run> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url: `${origin}${path}`,
        connections: CONNECTIONS,
        duration,
        timeout: Math.max(10, SECONDS),
        headers: cookie ? { cookie } : {},
      },
      (error, finished) => (error ? fail(error) : done(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  const elapsed = (performance.now() - started) / 1000;
  await settle();
  return {
    responses: latencies.length,
    seconds: elapsed,
    p95Ms: quantile(latencies, 0.95),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const assetSizes = new Map<string, number>();

/** Gzipped bytes of the JS a page loads (each asset fetched once per bench, shared chunks counted per page). */
async function jsGzBytes(html: string): Promise<number> {
  let total = 0;
  for (const asset of scriptAssets(html)) {
    let size = assetSizes.get(asset);
    if (size === undefined) {
      const response = await fetch(`${origin}${asset}`);
      size = response.ok ? gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length : 0;
      assetSizes.set(asset, size);
    }
    total += size;
  }
  return total;
}

/** One request on a quiet server: the page's HTML and JS sizes, and whether it can go under load. */
async function probe(path: string, cookie: string) {
  const started = performance.now();
  try {
    const response = await fetch(`${origin}${path}`, {
      headers: { cookie },
      redirect: "manual",
      signal: AbortSignal.timeout(PROBE_LIMIT_MS),
    });
    const html = await response.text();
    const ms = performance.now() - started;
    return { status: response.status, ms, html };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, html: "", error: String(error) };
  }
}

const pg = await startEmbeddedPostgres(
  KEEP
    ? { persistent: true, dataDir: join(cacheDir, "postgres"), quiet: true, port: DB_PORT }
    : { persistent: false, quiet: true, port: DB_PORT },
);
try {
  const reuse = keptDataMatches();
  if (KEEP && !reuse) {
    // A kept database of another size (or a generation cut short) is started over.
    rmSync(markerFile, { force: true });
    const admin = (await import("postgres")).default(pg.adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.end();
  }
  await ensureDatabase(pg.adminUrl, DATABASE);
  const databaseUrl = pg.urlFor(DATABASE);
  await migrateDatabase(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  const { closeDatabase } = await import("../../db/client.server");
  const { createStaff, findUser, sessionCookie } = await import("../../db/seed/factories");

  try {
    let csm;
    if (reuse) {
      csm = await findUser(CSM_EMAIL);
      console.log(`Reusing the generated database in ${cacheDir} (BENCH_KEEP=1).`);
    } else {
      csm = await createStaff("csm", { email: CSM_EMAIL, name: "Casey Bench" });
      console.log(`Generating ${ACCOUNTS.toLocaleString("en")} accounts × ${TASKS} tasks, ${TOPICS} topics…`);
      const took = await generateBenchData(databaseUrl, { accounts: ACCOUNTS, tasks: TASKS, csmId: csm.id });
      console.log(`Generated in ${took.toFixed(1)} s.`);
      if (KEEP) {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(markerFile, JSON.stringify({ accounts: ACCOUNTS, tasks: TASKS, generatedAt: new Date() }));
      }
    }
    const cookie = await sessionCookie(csm.id);

    const coldStart = await startServer(databaseUrl);
    console.log(`Server cold start (spawn → first 200 on /healthz): ${seconds(coldStart)}`);

    // Warm-up: the JIT, the connection pool; the first runs of a fresh process are slower.
    await load(TRIVIAL, undefined, Math.min(SECONDS, 5));
    const results: PageResult[] = [];
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per run, trivial page ${TRIVIAL} between pages:`);
    let trivialBefore = await load(TRIVIAL);
    console.log(`  ${TRIVIAL.padEnd(40)} ${(trivialBefore.responses / trivialBefore.seconds).toFixed(1)} req/s`);
    for (const page of pages) {
      const first = await probe(page.path, cookie);
      const note =
        first.status === 0
          ? `one request: no answer in ${seconds(first.ms)}`
          : first.ms > PROBE_LIMIT_MS
            ? `one request: ${first.status} in ${seconds(first.ms)}`
            : first.status !== 200
              ? `one request: ${first.status}`
              : undefined;
      const htmlBytes = first.html ? Buffer.byteLength(first.html) : null;
      const js = first.status === 200 ? await jsGzBytes(first.html) : null;
      let run: Run | undefined;
      let crashed: string | undefined;
      if (first.status !== 0 && first.ms <= PROBE_LIMIT_MS) {
        await probe(page.path, cookie);
        run = await load(page.path, cookie);
      }
      if (!serverAlive()) {
        crashed = `the server exited (${server?.exitCode ?? server?.signalCode}) and was restarted`;
        await startServer(databaseUrl);
      } else if (!run) {
        // The abandoned request may still be running: start again rather than measure beside it.
        await stopServer();
        await startServer(databaseUrl);
      }
      const trivialAfter = await load(TRIVIAL);
      const pageRate = run ? `${(run.responses / run.seconds).toFixed(1)} req/s` : "not loaded";
      console.log(
        `  ${page.path.slice(0, 40).padEnd(40)} ${pageRate}${note ? ` (${note})` : ""}${crashed ? ` (${crashed})` : ""}`,
      );
      console.log(`  ${TRIVIAL.padEnd(40)} ${(trivialAfter.responses / trivialAfter.seconds).toFixed(1)} req/s`);
      results.push({
        label: page.label,
        path: page.path,
        run,
        trivialBefore,
        trivialAfter,
        htmlBytes,
        jsGzBytes: js,
        note: [note, crashed].filter(Boolean).join("; ") || undefined,
      });
      trivialBefore = trivialAfter;
    }

    const trivialProbe = await probe(TRIVIAL, "");
    console.log(
      `\n${ACCOUNTS.toLocaleString("en")} accounts × ${TASKS} tasks; ${TRIVIAL}: ` +
        `${Buffer.byteLength(trivialProbe.html).toLocaleString("en")} B HTML, ` +
        `${((await jsGzBytes(trivialProbe.html)) / 1024).toFixed(1)} KB JS gz; ratios against the mean of the ` +
        `${TRIVIAL} runs just before and after each page. Targets: req/s ≥ 0.5× trivial, p95 ≤ 2× trivial, all 2xx.\n`,
    );
    console.log(formatTable(results.map(toRow)));
    console.log(`\nServer cold start: ${seconds(coldStart)} (target ≤ 15 s for npm start).`);
  } finally {
    await stopServer();
    await closeDatabase();
  }
} finally {
  await pg.stop();
}
