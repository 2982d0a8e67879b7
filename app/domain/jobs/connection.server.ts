import { sql, type SQL } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Executor } from "~db/client.server";
import { QUEUE_SETTINGS, type QueueName } from "./queues";

/** pg-boss's tables live in this schema of Tandem's own database; pg-boss creates and migrates it. */
export const JOBS_SCHEMA = "pgboss";

/**
 * Lets pg-boss run its SQL on one of our executors — the database or an open transaction — so a
 * job is written in the same transaction as the change that needs it: rolled back together, and
 * invisible to workers until commit. pg-boss speaks `$1`-style SQL; drizzle's `sql` template binds
 * each placeholder as a parameter.
 */
export function executorDb(executor: Executor): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const chunks: SQL[] = [];
      const parts = text.split(/\$(\d+)/);
      parts.forEach((part, i) => {
        if (i % 2 === 0) {
          if (part) chunks.push(sql.raw(part));
        } else {
          chunks.push(sql`${toParameter(values[Number(part) - 1])}`);
        }
      });
      const rows = await executor.execute(sql.join(chunks));
      return { rows: [...rows] };
    },
  };
}

// postgres.js refuses undefined, and sends objects as text only once serialized (pg-boss casts to
// jsonb). drizzle would spread an array into a list of parameters: it goes as one array literal.
function toParameter(value: unknown) {
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    return `{${value.map((item) => `"${String(item).replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value)) {
    return JSON.stringify(value);
  }
  return value;
}

let commands: PgBoss | undefined;

/**
 * A pg-boss that is never started and has no connection of its own: it only sends and retries jobs
 * through an executor passed with each call. Importing the jobs module (in a route, in a test)
 * therefore starts nothing — no pool, no timers, no schema migration.
 */
export function jobCommands(): PgBoss {
  commands ??= new PgBoss({
    schema: JOBS_SCHEMA,
    db: { executeSql: () => Promise.reject(new Error("Pass an executor ({ db }) with every job command")) },
    supervise: false,
    schedule: false,
    migrate: false,
  });
  return commands;
}

/** A pg-boss with its own small pool on DATABASE_URL, for workers, schedules and maintenance. */
export function connectBoss(url: string, options: { schedule: boolean; supervise?: boolean; migrate?: boolean }) {
  return new PgBoss({
    connectionString: url,
    schema: JOBS_SCHEMA,
    application_name: "tandem-jobs",
    max: 4,
    // Failed jobs stay retryable from the Jobs page for a week before pg-boss archives them.
    archiveFailedAfterSeconds: 7 * 24 * 60 * 60,
    schedule: options.schedule,
    supervise: options.supervise ?? true,
    migrate: options.migrate ?? true,
  });
}

/** Creates every queue, or brings an existing one's settings up to date. Idempotent. */
export async function prepareQueues(boss: PgBoss) {
  // Dead-letter targets first: a queue's deadLetter must name a queue that exists.
  const names = (Object.keys(QUEUE_SETTINGS) as QueueName[]).sort(
    (a, b) => Number(Boolean(QUEUE_SETTINGS[a].deadLetter)) - Number(Boolean(QUEUE_SETTINGS[b].deadLetter)),
  );
  for (const name of names) {
    const settings = { name, ...QUEUE_SETTINGS[name] };
    await boss.createQueue(name, settings);
    await boss.updateQueue(name, settings);
  }
}

/**
 * Creates (or migrates) pg-boss's schema and the queues, on a connection of its own that is closed
 * again. Part of every migration (db/migrate.ts), so test databases cloned from the migrated
 * template, and any server, have the queues before the first job is sent.
 */
export async function prepareJobStorage(url: string) {
  const boss = connectBoss(url, { schedule: false, supervise: false });
  boss.on("error", (error) => console.error("pg-boss:", error));
  await boss.start();
  try {
    await prepareQueues(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
