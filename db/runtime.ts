import { ensureDatabase, migrateDatabase } from "./migrate";
import { startEmbeddedPostgres } from "./embedded";

export interface DatabaseRuntime {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The database the app runs on: DATABASE_URL when set, else an embedded PostgreSQL (persistent in
 * .data/, or a throwaway one for e2e runs). Either way it is migrated before it is returned.
 */
export async function startDatabase(options: { ephemeral?: boolean } = {}): Promise<DatabaseRuntime> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await migrateDatabase(configured);
    return { url: configured, embedded: false, stop: async () => {} };
  }
  const pg = await startEmbeddedPostgres({ persistent: !options.ephemeral });
  try {
    await ensureDatabase(pg.adminUrl, "tandem");
    const url = pg.urlFor("tandem");
    await migrateDatabase(url);
    return { url, embedded: true, stop: () => pg.stop() };
  } catch (error) {
    await pg.stop();
    throw error;
  }
}
