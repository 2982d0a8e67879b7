import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { closeDatabase } from "~db/client.server";
import { databaseUrl } from "./database-url";

/**
 * Runs before each test file: a fresh database cloned from the migrated template, so files run in
 * parallel and never see each other's rows. The app's client connects lazily, so pointing
 * DATABASE_URL here before any test touches `db` is enough.
 */
const { adminUrl, template } = inject("testDatabase");

/*
 * Test files share a worker's module graph (`isolate: false` in vitest.config.ts: half the run's
 * time was re-importing the app for every file), so one file's environment changes must not reach
 * the next: each file starts from the environment the worker started with.
 */
const shared = globalThis as { tandemBaseEnv?: Record<string, string | undefined> };
shared.tandemBaseEnv ??= { ...process.env };
for (const key of Object.keys(process.env)) if (!(key in shared.tandemBaseEnv)) delete process.env[key];
Object.assign(process.env, shared.tandemBaseEnv);
const name = `t_${randomBytes(8).toString("hex")}`;

async function onServer(statement: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}

await onServer(`create database "${name}" template "${template}"`);
process.env.DATABASE_URL = databaseUrl(adminUrl, name);
// Mail goes to the outbox table, never to a real SMTP server a developer may have configured.
delete process.env.SMTP_URL;

afterAll(async () => {
  await closeDatabase();
  await onServer(`drop database if exists "${name}" with (force)`);
});
