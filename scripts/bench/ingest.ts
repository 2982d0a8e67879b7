/**
 * `npm run bench:ingest`: events per second sustained through POST /api/v1/batch. Starts the
 * production server (server/prod.ts, the build in build/) on 127.0.0.1 with a throwaway embedded
 * PostgreSQL and no demo data, creates a write key and an account, then BENCH_CONNECTIONS clients
 * post batches of BENCH_BATCH distinct events (fresh messageIds in every request) for
 * BENCH_SECONDS. Reports events/s (counted in the database), p50/p95 per batch, errors and non-2xx
 * answers, and the server process's resident memory sampled from /proc under load.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

const PORT = Number(process.env.BENCH_PORT ?? 4290);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const USERS = 200;
const EVENTS = ["Report Viewed", "Dashboard Shared", "Export Created", "Alert Configured", "Query Run"];
const origin = `http://127.0.0.1:${PORT}`;

if (!existsSync("build/server/index.js")) {
  console.error("No production build: run `npx remix vite:build` first (npm run bench:ingest does).");
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "tandem-bench-ingest-"));
const urlFile = join(work, "database-url");
let server: ChildProcess | undefined;

function rssOf(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** User + system CPU seconds a process has used (/proc/<pid>/stat, in clock ticks of 1/100 s). */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** A process and all its descendants (the server's embedded PostgreSQL and its backends). */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

/** CPU seconds of the server's PostgreSQL processes (backends come and go; those alive now). */
function databaseCpu(root: number): number {
  return processTree(root)
    .filter((pid) => pid !== root)
    .reduce((sum, pid) => sum + cpuOf(pid), 0);
}

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined)
      throw new Error("The server exited while starting.");
    try {
      if ((await fetch(`${origin}/healthz`)).ok && existsSync(urlFile)) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The server did not answer /healthz within 120 s.");
}

function quantile(sorted: number[], q: number) {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

let runId = 0;
function batchBody(groupId: string): string {
  runId += 1;
  const now = Date.now();
  const batch = Array.from({ length: BATCH }, (_, index) => ({
    type: "track",
    messageId: `bench-${runId}-${index}-${randomUUID()}`,
    userId: `bench-user-${(runId * 7 + index) % USERS}`,
    event: EVENTS[index % EVENTS.length],
    properties: { plan: "pro", index },
    context: { groupId },
    timestamp: new Date(now - index * 1000).toISOString(),
  }));
  return JSON.stringify({ batch, sentAt: new Date(now).toISOString() });
}

try {
  // node --import tsx (not the tsx CLI) so the pid we sample is the server's own process.
  server = spawn(process.execPath, ["--import", "tsx", "server/prod.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      TANDEM_EPHEMERAL_DB: "1",
      TANDEM_DATABASE_URL_FILE: urlFile,
      DATABASE_URL: "",
      SEED: "false",
      SMTP_URL: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(Date.now() + 120_000);
  process.env.DATABASE_URL = readFileSync(urlFile, "utf8").trim();

  const { db, closeDatabase } = await import("../../db/client.server");
  const { sql } = await import("drizzle-orm");
  const { createAccount } = await import("../../db/seed/factories");
  const { createApiKey } = await import("../../app/domain/telemetry/api-keys.server");
  const groupId = `bench-crm-${randomUUID()}`;
  await createAccount({ externalId: groupId, name: `Bench account ${groupId}` });
  const { key } = await createApiKey({ name: "Bench", createdById: null });
  const authorization = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

  // Warm-up: the partitions of this month and the next, the server's first compile of each path.
  for (let i = 0; i < 3; i++) {
    const response = await fetch(`${origin}/api/v1/batch`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: batchBody(groupId),
    });
    if (!response.ok) throw new Error(`Warm-up batch answered ${response.status}: ${await response.text()}`);
  }
  const [before] = await db.execute<{ n: number }>(sql`select count(*)::int as n from telemetry_message_ids`);

  const latencies: number[] = [];
  const rss: number[] = [];
  const sampler = setInterval(() => {
    const mb = rssOf(server!.pid!);
    if (mb !== null) rss.push(mb);
  }, 250);
  const started = Date.now();
  const cpuBefore = cpuOf(server.pid!);
  const dbCpuBefore = databaseCpu(server.pid!);
  const clientCpuBefore = process.cpuUsage();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${origin}/api/v1/batch`,
        connections: CONNECTIONS,
        duration: SECONDS,
        timeout: 30,
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        requests: [{ setupRequest: (request) => ({ ...request, body: batchBody(groupId) }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(Math.round(responseTime)));
  });
  const elapsed = (Date.now() - started) / 1000;
  const serverCpu = cpuOf(server.pid!) - cpuBefore;
  const dbCpu = databaseCpu(server.pid!) - dbCpuBefore;
  const clientUsage = process.cpuUsage(clientCpuBefore);
  const clientCpu = (clientUsage.user + clientUsage.system) / 1e6;
  clearInterval(sampler);
  // Let the batches autocannon stopped waiting for finish, so the count and shutdown see a quiet server.
  await new Promise((resolve) => setTimeout(resolve, 3000));

  const [after] = await db.execute<{ n: number }>(sql`select count(*)::int as n from telemetry_message_ids`);
  const [rollup] = await db.execute<{ n: number }>(
    sql`select coalesce(sum(events), 0)::int as n from telemetry_daily_accounts`,
  );
  const accepted = Number(after!.n) - Number(before!.n);
  const sorted = latencies.sort((a, b) => a - b);
  const sortedRss = [...rss].sort((a, b) => a - b);
  const line = (label: string, value: string) => console.log(`${label.padEnd(38)} ${value}`);
  console.log(`\nPOST /api/v1/batch — ${CONNECTIONS} concurrent clients, batches of ${BATCH} events, ${SECONDS} s`);
  line("batches answered 2xx", String(result["2xx"]));
  line("non-2xx answers", String(result.non2xx));
  line("errors / timeouts", `${result.errors} / ${result.timeouts}`);
  line("events accepted (in the database)", String(accepted));
  line("events/s sustained (2xx × batch)", ((result["2xx"] * BATCH) / elapsed).toFixed(0));
  line("per batch p50 / p95 / max", `${quantile(sorted, 0.5)} / ${quantile(sorted, 0.95)} / ${sorted.at(-1) ?? 0} ms`);
  line(
    "server RSS under load (median/max)",
    `${quantile(sortedRss, 0.5).toFixed(0)} / ${(sortedRss.at(-1) ?? 0).toFixed(0)} MB`,
  );
  line(
    "CPU used: server / PostgreSQL / bench",
    `${serverCpu.toFixed(1)} s / ${dbCpu.toFixed(1)} s / ${clientCpu.toFixed(1)} s in ${elapsed.toFixed(1)} s`,
  );
  // The machine may be shared: CPU per event says what 2 cores of our own would sustain.
  const perThousand = ((serverCpu + dbCpu + clientCpu) / (result["2xx"] * BATCH)) * 1000;
  line(
    "CPU per 1,000 events (all three)",
    `${perThousand.toFixed(3)} s → ~${(2000 / perThousand).toFixed(0)} events/s if 2 cores were ours alone`,
  );
  line("daily rollup total (all events)", String(rollup!.n));
  await closeDatabase();
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  rmSync(work, { recursive: true, force: true });
}
