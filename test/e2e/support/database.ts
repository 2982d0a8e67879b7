import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const port = Number(process.env.E2E_PORT ?? 4173);

/**
 * Where the e2e server (server/boot.ts, given TANDEM_DATABASE_URL_FILE) writes the URL of its
 * throwaway database before it answers /healthz, so it is there before any spec starts. One file
 * per port: runs on other ports never read each other's.
 */
export const DATABASE_URL_FILE = fileURLToPath(new URL(`../../../.cache/e2e/database-url-${port}`, import.meta.url));

/** The e2e server's database: E2E_DATABASE_URL when the server runs on an external PostgreSQL, else its own. */
export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  try {
    return readFileSync(DATABASE_URL_FILE, "utf8").trim();
  } catch {
    throw new Error(
      `The e2e server wrote no database URL to ${DATABASE_URL_FILE}. Run the specs with \`npx playwright test\`, ` +
        "which starts the server, or set E2E_DATABASE_URL to the database of the server you started.",
    );
  }
}
