import { mkdirSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { dirname } from "node:path";
import type { ServerBuild } from "@remix-run/node";
import type { ViteDevServer } from "vite";
import { serverEnv } from "../app/lib/env.server";
import { startDatabase } from "../db/runtime";
import { ensureDemoReadKey, isDatabaseEmpty, seedDemo, printDemoLogins } from "../db/seed/demo";
import { createApp } from "./app";
import { startJobRunner, type JobRunner } from "../app/domain/jobs/runner.server";

/**
 * Starts everything `npm start` and `npm run dev` need: the database (embedded unless DATABASE_URL
 * is set), migrations, demo data on an empty database, the HTTP server and — unless WORKERS=off —
 * the job workers and schedules (app/domain/jobs). Stops them all on SIGINT/SIGTERM.
 */
export async function boot(options: { dev: boolean; ephemeralDatabase?: boolean }) {
  const startedAt = Date.now();
  const database = await startDatabase({ ephemeral: options.ephemeralDatabase });
  process.env.DATABASE_URL = database.url;
  // The e2e specs create their own rows in this database (test/e2e/support/database.ts reads it).
  const urlFile = serverEnv.TANDEM_DATABASE_URL_FILE;
  if (urlFile) {
    mkdirSync(dirname(urlFile), { recursive: true });
    writeFileSync(urlFile, database.url);
  }

  const { closeDatabase } = await import("../db/client.server");
  if (serverEnv.SEED && (await isDatabaseEmpty())) {
    await seedDemo();
    printDemoLogins();
  } else if (database.embedded) {
    await ensureDemoReadKey();
    printDemoLogins();
  }

  let vite: ViteDevServer | undefined;
  let app;
  if (options.dev) {
    const { createServer } = await import("vite");
    vite = await createServer({ server: { middlewareMode: true } });
    app = createApp({ vite });
  } else {
    const buildPath = new URL("../build/server/index.js", import.meta.url).href;
    app = createApp({ build: () => import(buildPath) as Promise<ServerBuild> });
  }

  const { PORT: port, HOST: host } = serverEnv;
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(port, host, () => resolve(listening));
  });
  // After migrations and listening. With WORKERS=off, `npm run worker` processes run the jobs.
  const jobs: JobRunner | undefined =
    serverEnv.WORKERS === "inline" ? await startJobRunner({ url: database.url }) : undefined;
  console.log(
    `\nTandem is ready at http://${host === "0.0.0.0" ? "localhost" : host}:${port} (started in ${Date.now() - startedAt} ms)\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Tandem…`);
    // If the database is already gone (its data folder deleted, say), don't hang on the way out.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    server.closeAllConnections();
    // Waits for the jobs in progress (within the 10 s above), so the database closes after them.
    await jobs?.stop(8_000);
    await vite?.close();
    await closeDatabase();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}
