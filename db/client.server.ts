import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** What a domain function that only reads or writes accepts: the database or an open transaction. */
export type Executor = Database | Transaction;

let connection: { sql: postgres.Sql; db: Database } | undefined;

function connect() {
  if (!connection) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. Start Tandem with `npm start` or `npm run dev`, which start an embedded PostgreSQL when no DATABASE_URL is given.",
      );
    }
    const sql = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connect_timeout: 5,
      onnotice: () => {},
    });
    connection = { sql, db: drizzle(sql, { schema }) };
  }
  return connection;
}

/**
 * The one database handle. It connects on first use, so the server can start an embedded
 * PostgreSQL and set DATABASE_URL before anything touches it.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = connect().db;
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export async function pingDatabase(): Promise<boolean> {
  try {
    await connect().sql`select 1`;
    return true;
  } catch {
    return false;
  }
}

export async function closeDatabase() {
  if (connection) {
    const { sql } = connection;
    connection = undefined;
    await sql.end({ timeout: 5 });
  }
}
