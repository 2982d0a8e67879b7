import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "~db/client.server";
import { JOBS_SCHEMA, executorDb, jobCommands } from "./connection.server";
import type { JobData, QueueName } from "./queues";

export interface EnqueueOptions {
  /** With a `singleton` queue: at most one job with this key is active at a time. */
  singletonKey?: string;
  /** Seconds from now, or an instant. */
  startAfter?: number | Date;
}

/**
 * Like `enqueue`, for a `stately` queue where a request equal to one already waiting (same queue
 * and singletonKey) adds nothing: answers null then instead of failing.
 */
export async function enqueueUnlessWaiting<Q extends QueueName>(
  executor: Executor,
  queue: Q,
  data: JobData[Q],
  options: EnqueueOptions & { singletonKey: string },
): Promise<string | null> {
  return jobCommands().send(queue, data as object, { ...options, db: executorDb(executor) });
}

/**
 * Queues a job for domain code, inside the caller's transaction when given one: the job exists
 * exactly when the change that needs it commits. Workers see it after commit and run it once
 * (retried with backoff on failure; see QUEUE_SETTINGS).
 */
async function enqueue<Q extends QueueName>(
  executor: Executor,
  queue: Q,
  data: JobData[Q],
  options: EnqueueOptions = {},
): Promise<string> {
  const id = await jobCommands().send(queue, data as object, { ...options, db: executorDb(executor) });
  // pg-boss answers null when the queue doesn't exist (or a throttle refused): never drop a job silently.
  if (!id) throw new Error(`The ${queue} queue refused a job; has the database been migrated (npm run db:migrate)?`);
  return id;
}

/**
 * `enqueue` for many jobs of one queue in one statement (pg-boss's bulk insert), inside the caller's
 * transaction. pg-boss's insert answers nothing, so the jobs are counted after: a refused one
 * (an unknown queue) throws, like `enqueue`, rather than vanish.
 */
export async function enqueueMany<Q extends QueueName>(
  executor: Executor,
  queue: Q,
  jobs: readonly { data: JobData[Q]; options?: EnqueueOptions }[],
): Promise<string[]> {
  if (jobs.length === 0) return [];
  // One job (a request's single email): `send` answers its id, which spares the count query.
  if (jobs.length === 1) return [await enqueue(executor, queue, jobs[0]!.data, jobs[0]!.options)];
  const ids = jobs.map(() => randomUUID());
  await jobCommands().insert(
    jobs.map(({ data, options = {} }, index) => ({
      id: ids[index],
      name: queue,
      data: data as object,
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      // pg-boss reads a string ending in Z as an instant, anything else as an interval from now.
      ...(options.startAfter === undefined
        ? {}
        : {
            startAfter:
              options.startAfter instanceof Date ? options.startAfter.toISOString() : `${options.startAfter} seconds`,
          }),
    })),
    { db: executorDb(executor) },
  );
  const [row] = await executor.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.raw(JOBS_SCHEMA)}.job where id = any(${`{${ids.join(",")}}`}::uuid[])`,
  );
  if (Number(row?.n) !== ids.length) {
    throw new Error(`The ${queue} queue refused ${ids.length - Number(row?.n)} jobs; has the database been migrated?`);
  }
  return ids;
}
