import { type ChildProcess, spawn } from "node:child_process";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "~db/client.server";
import { type RunningPostgres, freePort, startEmbeddedPostgres } from "~db/embedded";
import { ensureDatabase, migrateDatabase } from "~db/migrate";
import { communityTopics } from "~db/schema";
import { createCommunitySpace, createStaff, sessionCookie } from "~db/seed/factories";

/*
 * The server rides out a database crash: a PostgreSQL of its own is stopped with `-m immediate`
 * (no clean shutdown) under a steady write load, then started again. Requests meanwhile get a
 * quick 503, /healthz says 503, and the same process serves again once the database is back.
 */

interface Answer {
  kind: "write" | "health";
  status: number;
  ms: number;
  at: number;
  topicId?: string;
}

const WRITERS = 4;
const REQUEST_LIMIT_MS = 10_000;

let pg: RunningPostgres;
let server: ChildProcess;
let base: string;
let cookie: string;
let spaceId: string;
let serverErrors = "";

/** Polls `check` every 50 ms until it is true; fails after `withinMs`. */
async function until(what: string, check: () => boolean | Promise<boolean>, withinMs: number) {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (server?.exitCode != null)
      throw new Error(`The server exited (${server.exitCode}): ${serverErrors.slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`Timed out after ${withinMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A request that is given up (and counted as hung) after REQUEST_LIMIT_MS. */
async function timed(kind: Answer["kind"], path: string, init: RequestInit = {}): Promise<Answer> {
  const started = Date.now();
  try {
    const response = await fetch(base + path, {
      ...init,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
    });
    await response.arrayBuffer();
    const location = response.headers.get("Location") ?? "";
    const topicId = response.status === 302 ? /^\/community\/topics\/([^/?]+)$/.exec(location)?.[1] : undefined;
    return { kind, status: response.status, ms: Date.now() - started, at: started, topicId };
  } catch {
    return { kind, status: 0, ms: Date.now() - started, at: started };
  }
}

let writeCount = 0;
function postTopic() {
  writeCount += 1;
  const body = new URLSearchParams({
    spaceId,
    kind: "discussion",
    title: `Load topic ${writeCount}`,
    body: "Written during the database restart test.",
    tags: "",
  });
  return timed("write", "/community/new", {
    method: "POST",
    body,
    headers: { Cookie: cookie, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
  });
}

beforeAll(async () => {
  pg = await startEmbeddedPostgres({ persistent: false, quiet: true, durableCommits: true });
  await ensureDatabase(pg.adminUrl, "tandem");
  const url = pg.urlFor("tandem");
  await migrateDatabase(url);
  // This file's own rows live on this cluster, not on the shared test server.
  await closeDatabase();
  process.env.DATABASE_URL = url;
  const staff = await createStaff("admin");
  cookie = await sessionCookie(staff.id);
  spaceId = (await createCommunitySpace()).id;

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["--import", "tsx", "test/support/serve-app.ts"], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (serverErrors += chunk.toString()));
  await until("the server to listen", () => output.includes("listening") || server.exitCode !== null, 30_000);
  expect(server.exitCode, serverErrors).toBeNull();
  // The first request compiles the routes; the test measures the server, not Vite.
  let first: Answer | undefined;
  await until(
    "the first page",
    async () => (first = await timed("write", "/community/new", { headers: { Cookie: cookie } })).status === 200,
    60_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last answer ${JSON.stringify(first)}; server said: ${serverErrors}`);
  });
  expect((await timed("health", "/healthz")).status).toBe(200);
}, 120_000);

afterAll(async () => {
  server?.kill("SIGTERM");
  await closeDatabase();
  await pg?.stop();
});

describe("a database restart under write load", () => {
  it(
    "answers 503 quickly while the database is down and serves again from the same process",
    { timeout: 60_000 },
    async () => {
      const answers: Answer[] = [];
      let running = true;
      let down = false;
      const writers = Array.from({ length: WRITERS }, async () => {
        while (running) answers.push(await postTopic());
      });
      const health = (async () => {
        while (running) {
          answers.push(await timed("health", "/healthz"));
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const acknowledged = () => answers.filter((answer) => answer.topicId).length;
      const lastHealth = () => answers.filter((answer) => answer.kind === "health").at(-1)?.status;

      try {
        await until("writes before the crash", () => acknowledged() >= 10, 15_000);
        const pid = server.pid;
        const crashedAt = Date.now();
        await pg.stopImmediately();
        down = true;
        await until("/healthz to say 503", () => lastHealth() === 503, 5_000);
        await until(
          "a write refused during the outage",
          () => answers.some((a) => a.kind === "write" && a.at > crashedAt && a.status === 503),
          5_000,
        );
        const restartedAt = Date.now();
        await pg.startAgain();
        down = false;
        await until("/healthz to say 200 again", () => lastHealth() === 200, 10_000);
        const recoveredAt = Date.now();
        const before = acknowledged();
        await until("writes after the restart", () => acknowledged() >= before + 10, 10_000);

        running = false;
        await Promise.all([...writers, health]);

        const outage = answers.filter((answer) => answer.at >= crashedAt && answer.at < recoveredAt);
        const writes = answers.filter((answer) => answer.kind === "write");
        const healthChecks = answers.filter((answer) => answer.kind === "health");
        const refused = writes.filter((answer) => answer.status === 503);
        const ids = writes.flatMap((answer) => (answer.topicId ? [answer.topicId] : []));
        const stored = await db
          .select({ id: communityTopics.id })
          .from(communityTopics)
          .where(inArray(communityTopics.id, ids));
        console.log(
          `Database restart: down ${restartedAt - crashedAt} ms, healthy again ${recoveredAt - restartedAt} ms after the start; ` +
            `${writes.length} writes (${ids.length} acknowledged, ${stored.length} stored, ${refused.length} answered 503, ` +
            `slowest 503 ${Math.max(...refused.map((a) => a.ms))} ms, slowest request ${Math.max(...writes.map((a) => a.ms))} ms); ` +
            `${healthChecks.length} health checks (slowest ${Math.max(...healthChecks.map((a) => a.ms))} ms).`,
        );

        // The same process, still running and serving.
        expect(server.pid).toBe(pid);
        expect(server.exitCode).toBeNull();
        expect(serverErrors).not.toContain("TypeError");
        expect((await timed("health", "/healthz")).status).toBe(200);
        // /healthz said 503 during the outage and 200 after it, each time within a second or so.
        expect(outage.some((answer) => answer.kind === "health" && answer.status === 503)).toBe(true);
        expect(healthChecks.at(-1)!.status).toBe(200);
        // Under load on a shared 2-core machine (2.1 s seen in a full run): the bound tells "answered"
        // from "waited on a dead connection" (tens of seconds), not fast from slow; the unloaded bound (1 s) is checked below.
        expect(Math.max(...healthChecks.map((answer) => answer.ms))).toBeLessThan(5_000);
        // Every write was either acknowledged or refused with 503 — never a 500, never hung.
        expect(new Set(writes.map((answer) => answer.status))).toEqual(new Set([302, 503]));
        expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(REQUEST_LIMIT_MS);
        expect(Math.max(...refused.map((answer) => answer.ms))).toBeLessThan(2_500);
        // Every acknowledged write is there.
        expect(stored.map((row) => row.id).sort()).toEqual([...ids].sort());
      } finally {
        running = false;
        await Promise.all([...writers, health]);
        if (down) await pg.startAgain();
      }
    },
  );

  it("renders the 503 page for a page and JSON for a resource route while the database is down", async () => {
    await pg.stopImmediately();
    try {
      const health = await timed("health", "/healthz");
      expect(health.status).toBe(503);
      expect(health.ms).toBeLessThan(1_000);
      const page = await fetch(`${base}/community/new`, { headers: { Cookie: cookie } });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("Service unavailable");
      const resource = await fetch(`${base}/community/similar?q=restart`, { headers: { Cookie: cookie } });
      expect(resource.status).toBe(503);
      expect(await resource.json()).toMatchObject({ error: { code: "unavailable" } });
    } finally {
      await pg.startAgain();
    }
  });
});
