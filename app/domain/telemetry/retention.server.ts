import { sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { readEnv } from "~/lib/env.server";

/** Monthly partitions are named so by telemetry_ensure_partition (migration 0013). */
const PARTITION_NAME = /^telemetry_events_(\d{4})_(\d{2})$/;

/** The instant before which raw events are past retention: `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * Drops the raw telemetry past retention (TELEMETRY_RETENTION_MONTHS, 13 by default): every
 * monthly partition whose whole month is older than the cutoff, and the older rows of the default
 * partition. Dropping a partition is instant and leaves no dead rows, unlike a DELETE. The daily
 * rollups and the messageIds (duplicates are recognised forever) are kept. Run hourly by the
 * server's job; safe to run any number of times.
 */
export async function applyTelemetryRetention(
  now: Date,
  months: number = readEnv("TELEMETRY_RETENTION_MONTHS"),
): Promise<{ droppedPartitions: string[]; deletedRows: number }> {
  const cutoff = retentionCutoff(now, months);
  const partitions = await db.execute<{ name: string }>(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'telemetry_events'::regclass`);
  const expired = partitions
    .map((row) => row.name)
    .filter((name) => {
      const match = PARTITION_NAME.exec(name);
      if (!match) return false;
      const end = Date.UTC(Number(match[1]), Number(match[2]), 1); // the first instant of the next month
      return end <= cutoff.getTime();
    })
    .sort();
  return db.transaction(async (tx) => {
    for (const name of expired) await tx.execute(sql`drop table if exists ${sql.identifier(name)}`);
    const deleted = await tx.execute(
      sql`delete from telemetry_events_default where received_at < ${cutoff.toISOString()}::timestamptz`,
    );
    return { droppedPartitions: expired, deletedRows: deleted.count };
  });
}
