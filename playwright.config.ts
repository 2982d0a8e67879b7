import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { DATABASE_URL_FILE } from "./test/e2e/support/database";

/**
 * Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download.
 * Browsers can't be downloaded on machines without internet, hence the Debian package.
 */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (found) return found;
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu), " +
      "or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium/Chrome binary.",
  );
}

const PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  // Generous waits: on 2 cores the server, two browsers and argon2 share the CPU.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    // The specs read English; the language specs ask for Chinese themselves (test/e2e/settings/language.spec.ts).
    locale: "en-US",
    // An action waiting on something that never appears fails here, naming its locator, instead of
    // hanging until the test's timeout.
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: findChromium(),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  // The production build on a throwaway embedded PostgreSQL with the demo data. The server writes
  // that database's URL to DATABASE_URL_FILE, where the specs' fixtures find it to create their own
  // rows (webServer starts before globalSetup, so it can't be handed a database made there).
  webServer: {
    command: "tsx server/prod.ts",
    url: `${BASE_URL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      TANDEM_EPHEMERAL_DB: "1",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      TANDEM_DATABASE_URL_FILE: DATABASE_URL_FILE,
      SMTP_URL: "",
      // Small fixture courses of our own, so the flows don't depend on the seed courses' wording.
      CONTENT_DIR: process.env.E2E_CONTENT_DIR ?? "test/fixtures/content",
      MDX_CACHE_DIR: ".cache/mdx-e2e",
    },
  },
});
