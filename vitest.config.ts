import { defineConfig } from "vitest/config";
import { aliases } from "./vite.aliases";

// Kept apart from vite.config.ts so the Remix plugin is not loaded for tests.
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    // One PostgreSQL for the run and a migrated template; each test file clones its own database.
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/database-per-file.ts"],
    // Vitest's default on 2 cores is one worker, but a test file mostly waits on PostgreSQL (its own
    // process): two workers overlap those waits (measured: 84 s → 46 s for 20 integration files).
    maxWorkers: 2,
    // A worker keeps its imported modules from one test file to the next (measured: 141 s → 65 s for
    // the whole run); each file still gets its own database and a clean environment
    // (test/support/database-per-file.ts), and shuffled orders pass.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Tests read mail from the outbox table; the console copy of each message is only noise here.
    onConsoleLog: (log) => !(log.includes("[outbox]") || log.includes("locize.com")),
  },
});
