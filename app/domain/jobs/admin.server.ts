import { sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { JOBS_SCHEMA, executorDb, jobCommands } from "./connection.server";
import { LISTED_QUEUES, type QueueName } from "./queues";

const job = sql.raw(`${JOBS_SCHEMA}.job`);
const listed = sql.join(
  LISTED_QUEUES.map((name) => sql`${name}`),
  sql`, `,
);

export interface QueueCounts {
  queue: QueueName;
  queued: number;
  active: number;
  failed: number;
}

/**
 * Jobs waiting (created or waiting to retry), running and failed, per queue: one grouped query.
 * Completed jobs are archived by pg-boss after a while, failed ones after a week (see connectBoss).
 */
export async function countJobs(): Promise<QueueCounts[]> {
  const rows = await db.execute<{ name: string; queued: number; active: number; failed: number }>(sql`
    select name,
      count(*) filter (where state in ('created', 'retry'))::int as queued,
      count(*) filter (where state = 'active')::int as active,
      count(*) filter (where state = 'failed')::int as failed
    from ${job}
    where name in (${listed}) and state in ('created', 'retry', 'active', 'failed')
    group by name
  `);
  return LISTED_QUEUES.map((queue) => {
    const row = rows.find((r) => r.name === queue);
    return { queue, queued: row?.queued ?? 0, active: row?.active ?? 0, failed: row?.failed ?? 0 };
  });
}

export interface FailedJob {
  id: string;
  queue: QueueName;
  error: string;
  attempts: number;
  failedAt: string | null;
}

/** The latest failed jobs with the error they failed on, newest first, bounded. */
export async function listFailedJobs(limit = 20): Promise<FailedJob[]> {
  const rows = await db.execute<{
    id: string;
    name: QueueName;
    error: string | null;
    retry_count: number;
    completed_on: string | null;
  }>(sql`
    select id::text, name, coalesce(output->>'message', output::text) as error, retry_count,
      completed_on::text
    from ${job}
    where name in (${listed}) and state = 'failed'
    order by completed_on desc nulls last, id
    limit ${limit}
  `);
  return rows.map((row) => ({
    id: row.id,
    queue: row.name,
    error: row.error ?? "",
    attempts: row.retry_count + 1,
    failedAt: row.completed_on ? new Date(row.completed_on).toISOString() : null,
  }));
}

/**
 * Puts a failed job back in its queue to run again. Only a failed job of a listed queue: an id
 * that is unknown, forged or not failed (any more) is "not_found" and changes nothing.
 */
export async function retryFailedJob(id: string): Promise<{ ok: true } | { ok: false; error: "not_found" }> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    return { ok: false, error: "not_found" };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.execute<{ name: QueueName }>(sql`
      select name from ${job} where id = ${id}::uuid and state = 'failed' and name in (${listed}) for update
    `);
    if (!row) return { ok: false as const, error: "not_found" as const };
    await jobCommands().retry(row.name, id, { db: executorDb(tx) });
    return { ok: true as const };
  });
}
