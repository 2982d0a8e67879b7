import type PgBoss from "pg-boss";
import type { Transporter } from "nodemailer";
import { reactToEvents } from "~/domain/events/reactions.server";
import { recomputeHealth } from "~/domain/health/recompute.server";
import { recordExpiredOverrides } from "~/domain/health/overrides.server";
import { advancePlaybookRuns, startConditionRuns } from "~/domain/interventions/runs.server";
import { deliverOutboxMessage, smtpTransport } from "~/domain/mail/delivery.server";
import { sendWeeklyDigests } from "~/domain/mail/digest.server";
import { recordOverdueTasks } from "~/domain/plans/overdue-tasks.server";
import { applyTelemetryRetention } from "~/domain/telemetry/retention.server";
import { connectBoss, prepareQueues } from "./connection.server";
import { QUEUES, SCHEDULES, type JobData, type QueueName } from "./queues";

type Log = Pick<Console, "error" | "log">;
type Handler<Q extends QueueName> = (job: PgBoss.JobWithMetadata<JobData[Q]>) => Promise<void>;
type Handlers = { [Q in QueueName]?: Handler<Q> };

/** What each queue's worker does. Every handler is safe to run again: a retry repeats nothing done. */
function defaultHandlers(options: { transport: Transporter | null; log: Log }): Handlers {
  return {
    [QUEUES.overdueTasks]: async () => {
      const { recorded, eventIds } = await recordOverdueTasks(new Date());
      if (recorded > 0) options.log.log(`Recorded ${recorded} overdue task event(s).`);
      // After commit, as every event's reactions: the overdue playbooks start their runs.
      await reactToEvents(eventIds);
    },
    [QUEUES.playbooksAdvance]: async () => {
      const now = new Date();
      const started = await startConditionRuns(now);
      const { steps, resolved, failed } = await advancePlaybookRuns(now);
      if (started + steps + resolved + failed > 0)
        options.log.log(
          `Playbooks: ${started} run(s) started, ${steps} step(s) done, ${resolved} resolved` +
            // A failed run stays due: the next advance tries it again.
            (failed > 0 ? `, ${failed} failed (left due, see the errors above).` : "."),
        );
    },
    [QUEUES.weeklyDigest]: async () => {
      const { queued } = await sendWeeklyDigests(new Date());
      if (queued > 0) options.log.log(`Queued ${queued} weekly digest(s).`);
    },
    [QUEUES.telemetryRetention]: async () => {
      await applyTelemetryRetention(new Date());
    },
    [QUEUES.healthRecompute]: async (job) => {
      const accountIds = job.data.accountId ? [job.data.accountId] : undefined;
      // The nightly run (every account) also logs the overrides that ran out yesterday.
      if (!accountIds) await recordExpiredOverrides(new Date());
      const { accounts, gradeChanges } = await recomputeHealth({ accountIds });
      if (!accountIds)
        options.log.log(`Recomputed the health of ${accounts} account(s), ${gradeChanges} grade change(s).`);
    },
    [QUEUES.sendMail]: async (job) => {
      await deliverOutboxMessage(job.data.messageId, {
        transport: options.transport,
        finalAttempt: job.retryCount >= job.retryLimit,
      });
    },
  };
}

export interface JobRunner {
  boss: PgBoss;
  /** Stops polling, waits for the jobs in progress (up to `timeoutMs`), then closes pg-boss's pool. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts pg-boss on `url` with a worker per queue and the cron schedules: inside `npm start`
 * (WORKERS=inline) or in `npm run worker`. Any number of runners may share one database; pg-boss
 * hands each job to one of them (row locks with SKIP LOCKED) and sends each cron slot once.
 *
 * `transport` is where mail goes (null: the dev outbox); tests pass their own SMTP server's.
 */
export async function startJobRunner(options: {
  url: string;
  schedules?: boolean;
  transport?: Transporter | null;
  pollingIntervalSeconds?: number;
  log?: Log;
}): Promise<JobRunner> {
  const log = options.log ?? console;
  const schedules = options.schedules ?? true;
  const boss = connectBoss(options.url, { schedule: schedules });
  boss.on("error", (error) => log.error("Jobs (pg-boss) reported an error:", error));
  await boss.start();
  await prepareQueues(boss);

  const handlers = defaultHandlers({
    transport: options.transport === undefined ? smtpTransport() : options.transport,
    log,
  });
  for (const queue of Object.keys(handlers) as QueueName[]) {
    const handler = handlers[queue] as Handler<QueueName>;
    // Email is waited for by a person; the hourly job can be picked up a few seconds late.
    const pollingIntervalSeconds = options.pollingIntervalSeconds ?? (queue === QUEUES.sendMail ? 1 : 5);
    const polling = { pollingIntervalSeconds, includeMetadata: true as const };
    await boss.work<JobData[QueueName]>(queue, polling, async ([job]) => {
      if (job) await handler(job);
    });
  }

  if (schedules) {
    for (const { queue, cron } of SCHEDULES) await boss.schedule(queue, cron, {}, { tz: "UTC" });
    // The hourly job also runs at start, as the timer before it did; a burst of starts sends one.
    await boss.send(QUEUES.overdueTasks, {}, { singletonKey: "on-start", singletonSeconds: 60 });
  }

  return {
    boss,
    async stop(timeoutMs = 20_000) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}
