import { serverEnv } from "../app/lib/env.server";
import { startJobRunner } from "../app/domain/jobs/runner.server";
import { migrateDatabase } from "../db/migrate";

/**
 * `npm run worker`: a process that only runs jobs (workers and cron schedules), beside web
 * processes started with WORKERS=off — or beside inline ones: pg-boss gives each job to one worker.
 * It needs the web server's database, so DATABASE_URL must be set (an embedded PostgreSQL belongs
 * to the `npm start` that started it).
 */
const url = serverEnv.DATABASE_URL;
if (!url) {
  console.error(
    "npm run worker needs DATABASE_URL: the PostgreSQL server your web processes use (postgres://user:pass@host:5432/db).",
  );
  process.exit(1);
}
await migrateDatabase(url);
const runner = await startJobRunner({ url });
console.log("Tandem worker is running jobs. Ctrl-C stops it after the jobs in progress.");

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the worker…`);
  setTimeout(() => process.exit(1), 30_000).unref();
  await runner.stop();
  const { closeDatabase } = await import("../db/client.server");
  await closeDatabase();
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
