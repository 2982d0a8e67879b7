import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** What a domain function that only reads or writes accepts: the database or an open transaction. */
export type Executor = Database | Transaction;

/*
 * Timeouts, so that a request fails fast (and answers 503) while the database is away instead of
 * waiting for it: a connection attempt gives up after 2 s, a statement after 10 s (the server
 * cancels it), a transaction left idle after 15 s. postgres.js waits before reconnecting with a
 * backoff that grows with every failed attempt up to 20 s — after a 5-second outage requests then
 * queued for 10 s and more behind a connection that was only waiting — so ours stays under 0.5 s.
 */
const CONNECT_TIMEOUT_S = 2;
const RECONNECT_BACKOFF_MAX_S = 0.5;
const IDLE_CONNECTION_S = 60;
const statementTimeoutMs = () => Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 10_000);
/** /healthz must answer within a second, database up or not. */
const HEALTH_CHECK_TIMEOUT_MS = 800;

let connection: { sql: postgres.Sql; db: Database } | undefined;
let healthConnection: postgres.Sql | undefined;

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start Tandem with `npm start` or `npm run dev`, which start an embedded PostgreSQL when no DATABASE_URL is given.",
    );
  }
  return url;
}

function connect() {
  if (!connection) {
    const sql = postgres(databaseUrl(), {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connect_timeout: CONNECT_TIMEOUT_S,
      idle_timeout: IDLE_CONNECTION_S,
      backoff: (retries) => Math.min(0.05 * 2 ** retries, RECONNECT_BACKOFF_MAX_S),
      connection: {
        statement_timeout: statementTimeoutMs(),
        idle_in_transaction_session_timeout: 15_000,
      },
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

/**
 * Whether the database answers, within HEALTH_CHECK_TIMEOUT_MS. It has a connection of its own,
 * so a busy pool doesn't make a healthy database look down, and a dead one is told at once.
 */
export async function pingDatabase(): Promise<boolean> {
  healthConnection ??= postgres(databaseUrl(), {
    max: 1,
    connect_timeout: 1,
    idle_timeout: IDLE_CONNECTION_S,
    backoff: () => 0,
    // It only runs `select 1`: no array types to learn, so a new connection answers in one round trip.
    fetch_types: false,
    connection: { statement_timeout: HEALTH_CHECK_TIMEOUT_MS },
    onnotice: () => {},
  });
  const sql = healthConnection;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_CHECK_TIMEOUT_MS);
  });
  const answered = sql`select 1`.then(
    () => true,
    () => false,
  );
  try {
    const ok = await Promise.race([answered, timedOut]);
    // A connection that didn't answer in time may be stuck on a dead socket: start the next check afresh.
    if (!ok && healthConnection === sql) {
      healthConnection = undefined;
      void sql.end({ timeout: 0 }).catch(() => {});
    }
    return ok;
  } finally {
    clearTimeout(timer);
  }
}

export async function closeDatabase() {
  const closing: Promise<void>[] = [];
  if (connection) {
    closing.push(connection.sql.end({ timeout: 5 }));
    connection = undefined;
  }
  if (healthConnection) {
    closing.push(healthConnection.end({ timeout: 1 }));
    healthConnection = undefined;
  }
  await Promise.all(closing);
}
