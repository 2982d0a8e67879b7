import { randomBytes } from "node:crypto";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { type RunningPostgres, startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { databaseUrl } from "./database-url";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where each test file clones its own database from (see database-per-file.ts). */
    testDatabase: { adminUrl: string; template: string };
  }
}

/**
 * Runs once per `vitest run`: one PostgreSQL (embedded and throwaway, or the server behind
 * DATABASE_URL), with one migrated template database that every test file clones.
 */
export default async function setup(project: TestProject) {
  const configured = process.env.DATABASE_URL;
  let cluster: RunningPostgres | undefined;
  let adminUrl: string;
  let template: string;
  if (configured) {
    adminUrl = configured;
    // A shared server may run several test runs at once: the template gets a name of its own.
    template = `tandem_template_${process.pid}_${randomBytes(4).toString("hex")}`;
  } else {
    cluster = await startEmbeddedPostgres({ persistent: false, quiet: true });
    adminUrl = cluster.adminUrl;
    template = "tandem_template";
  }

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const dropTemplate = async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
  };
  try {
    await admin.unsafe(`create database "${template}"`);
    await migrateDatabase(databaseUrl(adminUrl, template));
  } catch (error) {
    if (configured) await dropTemplate().catch(() => {});
    await admin.end();
    await cluster?.stop();
    throw error;
  }
  project.provide("testDatabase", { adminUrl, template });

  return async () => {
    try {
      if (configured) await dropTemplate();
    } finally {
      await admin.end();
      await cluster?.stop();
    }
  };
}
