/**
 * Every queue Tandem's jobs run on, in one place: its name, what its jobs carry, and how it retries.
 * pg-boss keeps the queues in its own schema (`pgboss`) of Tandem's database; `prepareJobStorage`
 * (storage.server.ts) creates and updates them with these settings on every migration.
 */
export const QUEUES = {
  /** Hourly: record `task.overdue` events (plans). One run at a time. */
  overdueTasks: "plans-overdue-tasks",
  /** Daily: drop raw telemetry events past their retention (telemetry). One run at a time. */
  telemetryRetention: "telemetry-retention",
  /**
   * Recompute health scores (health): nightly for every account (no accountId), and per account
   * after a change that feeds its score (singletonKey = the account id, so bursts coalesce).
   */
  healthRecompute: "health-recompute",
  /**
   * Start the condition playbooks' runs and advance every due run (interventions): on a schedule,
   * and right after overdue tasks are recorded. One run at a time; two at once would be safe anyway.
   */
  playbooksAdvance: "interventions-playbooks-advance",
  /**
   * Hourly: queue the weekly digest of every customer person whose chosen day and hour it now is in
   * their time zone (mail). One run at a time; a (person, week) row makes each digest once anyway.
   */
  weeklyDigest: "mail-weekly-digest",
  /** One job per outbox message: deliver it (mail). */
  sendMail: "mail-send",
  /** Where a job lands once its retries are used up, so failures stay visible after archiving. */
  deadLetters: "dead-letters",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** What a job on each queue carries. Kept small: ids, never whole rows (they may change before it runs). */
export interface JobData {
  [QUEUES.overdueTasks]: Record<string, never>;
  [QUEUES.telemetryRetention]: Record<string, never>;
  [QUEUES.sendMail]: { messageId: string };
  [QUEUES.weeklyDigest]: Record<string, never>;
  [QUEUES.playbooksAdvance]: Record<string, never>;
  [QUEUES.healthRecompute]: { accountId?: string };
  [QUEUES.deadLetters]: Record<string, unknown>;
}

export interface QueueSettings {
  /**
   * `singleton`: at most one job active at a time per singletonKey (or per queue without one) —
   * for work that must not run twice concurrently. `stately`: besides, at most one waiting per
   * singletonKey — a second request while one waits is dropped (it will see the same change).
   */
  policy: "standard" | "singleton" | "stately";
  /** Attempts after the first; each waits `retryDelay` seconds, doubled every time with backoff. */
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  /** A job still active after this long is failed (and retried): a worker that died holding it. */
  expireInSeconds: number;
  deadLetter?: QueueName;
}

export const QUEUE_SETTINGS: Record<QueueName, QueueSettings> = {
  [QUEUES.overdueTasks]: {
    policy: "singleton",
    retryLimit: 2,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    deadLetter: QUEUES.deadLetters,
  },
  [QUEUES.telemetryRetention]: {
    policy: "singleton",
    retryLimit: 2,
    retryDelay: 300,
    retryBackoff: true,
    expireInSeconds: 30 * 60,
    deadLetter: QUEUES.deadLetters,
  },
  [QUEUES.playbooksAdvance]: {
    policy: "singleton",
    retryLimit: 2,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    deadLetter: QUEUES.deadLetters,
  },
  [QUEUES.weeklyDigest]: {
    policy: "singleton",
    retryLimit: 2,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    deadLetter: QUEUES.deadLetters,
  },
  [QUEUES.healthRecompute]: {
    policy: "stately",
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    deadLetter: QUEUES.deadLetters,
  },
  // 6 attempts: pg-boss waits 30–60 s after the first, doubling each time (with jitter), so the last
  // comes 15–30 minutes after the first. A longer SMTP outage leaves the email failed, retryable at /jobs.
  [QUEUES.sendMail]: {
    policy: "singleton",
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 5 * 60,
    deadLetter: QUEUES.deadLetters,
  },
  [QUEUES.deadLetters]: { policy: "standard", retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60 },
};

/** Cron schedules (UTC), created by every process that runs schedules; pg-boss sends each slot once. */
export const SCHEDULES: { queue: QueueName; cron: string }[] = [
  { queue: QUEUES.overdueTasks, cron: "0 * * * *" },
  // A few minutes after the overdue tasks, whose events start runs.
  { queue: QUEUES.playbooksAdvance, cron: "10 * * * *" },
  // Quiet hours for most vendors' traffic; dropping a month's partition is quick either way.
  { queue: QUEUES.telemetryRetention, cron: "30 3 * * *" },
  // On the hour: a person's "08:00" is never sent before 08:00 their time (half-hour zones get it at :30).
  { queue: QUEUES.weeklyDigest, cron: "0 * * * *" },
  // After midnight UTC, so the time-driven measures (days since, windows) move on to the new day.
  { queue: QUEUES.healthRecompute, cron: "15 0 * * *" },
];

/** The queues the Jobs page lists, in this order. */
export const LISTED_QUEUES: QueueName[] = [
  QUEUES.sendMail,
  QUEUES.overdueTasks,
  QUEUES.playbooksAdvance,
  QUEUES.weeklyDigest,
  QUEUES.telemetryRetention,
  QUEUES.healthRecompute,
  QUEUES.deadLetters,
];
