import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts, users } from "./people";

export const WORK_ITEM_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const WORK_ITEM_OUTCOMES = ["resolved", "no_action", "escalated"] as const;
export const PLAYBOOK_RUN_STATUSES = ["open", "resolved", "completed", "stopped"] as const;

/**
 * A playbook's trigger: an event (`task.overdue`, `nps.submitted`, `health.grade_changed`) or a
 * condition the advance job checks, some with a number of days. The shape is validated in
 * app/domain/interventions/playbook-rules.ts; new kinds are added there and in triggers.server.ts.
 */
export type PlaybookTrigger =
  | { kind: "task_overdue" | "nps_detractor" | "health_grade_dropped" | "milestone_at_risk" | "champion_deactivated" }
  | { kind: "renewal_within" | "no_sign_in" | "task_due_soon" | "qbr_overdue"; days: number };

/** What a run is about; its `subjectId` names the occasion (see triggers.server.ts). */
export const PLAYBOOK_SUBJECT_TYPES = [
  "task",
  "renewal",
  "sign_in",
  "milestone",
  "nps",
  "champion",
  "health",
  "qbr",
] as const;
export type PlaybookSubjectType = (typeof PLAYBOOK_SUBJECT_TYPES)[number];

export type PlaybookStepKind =
  "remind_assignee" | "tell_champion" | "tell_champion_digest" | "create_work_item" | "escalate_admin";
/** `delayDays`: days after the run started (first step) or after the step before. */
export interface PlaybookStep {
  kind: PlaybookStepKind;
  delayDays: number;
}

/** What to do when an account's customers don't take the next step (admins edit them at /playbooks). */
export const playbooks = pgTable("playbooks", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  trigger: jsonb("trigger").$type<PlaybookTrigger>().notNull(),
  /** Segments the playbook applies to; empty: every account. */
  segmentIds: text("segment_ids")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  steps: jsonb("steps").$type<PlaybookStep[]>().notNull(),
  enabled: boolean("enabled").notNull().default(true),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One playbook working on one account's reason (`subject`: the overdue task, the renewal date…).
 * `currentStep` counts the steps done; the advance job runs the next one at `nextStepAt`.
 */
export const playbookRuns = pgTable(
  "playbook_runs",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    playbookId: text("playbook_id")
      .notNull()
      .references(() => playbooks.id, { onDelete: "cascade" }),
    subjectType: text("subject_type", { enum: PLAYBOOK_SUBJECT_TYPES }).notNull(),
    subjectId: text("subject_id").notNull(),
    currentStep: integer("current_step").notNull().default(0),
    nextStepAt: timestamp("next_step_at", { withTimezone: true }),
    status: text("status", { enum: PLAYBOOK_RUN_STATUSES }).notNull().default("open"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the reason went away (the task was done): what the playbook page measures. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    // The guardrail: one open run per account + playbook + subject, whoever starts it.
    uniqueIndex("playbook_runs_open_idx")
      .on(t.accountId, t.playbookId, t.subjectId)
      .where(sql`${t.status} = 'open'`),
    index("playbook_runs_due_idx")
      .on(t.nextStepAt)
      .where(sql`${t.status} = 'open'`),
    index("playbook_runs_playbook_idx").on(t.playbookId, t.startedAt),
    index("playbook_runs_subject_idx").on(t.subjectId),
  ],
);

/**
 * Each step a run took: what it did and for whom (`sent`, or `capped` when the person had their
 * week's messages already, `skipped` when nobody fits). The weekly cap counts the `sent` rows.
 */
export const playbookRunSteps = pgTable(
  "playbook_run_steps",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => playbookRuns.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    stepIndex: integer("step_index").notNull(),
    kind: text("kind").$type<PlaybookStepKind>().notNull(),
    outcome: text("outcome", { enum: ["sent", "capped", "skipped", "created"] }).notNull(),
    recipientId: text("recipient_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("playbook_run_steps_run_idx").on(t.runId, t.stepIndex),
    index("playbook_run_steps_recipient_idx").on(t.recipientId, t.at),
  ],
);

/** In-app reminders a playbook sent a person (the bell shows them beside community notifications). */
export const interventionNotices = pgTable(
  "intervention_notices",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    runId: text("run_id").references(() => playbookRuns.id, { onDelete: "cascade" }),
    /** Where the notice leads (the task's page). */
    href: text("href").notNull(),
    title: text("title").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("intervention_notices_user_idx").on(t.userId, t.createdAt)],
);

/** The CSM's work queue: calls to action created by a playbook or by hand, closed with an outcome. */
export const workItems = pgTable(
  "work_items",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    assigneeId: text("assignee_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    priority: text("priority", { enum: WORK_ITEM_PRIORITIES }).notNull().default("normal"),
    dueDate: date("due_date"),
    /** What triggered it: the run that created it, and the thing it is about (e.g. the overdue task). */
    runId: text("run_id").references(() => playbookRuns.id, { onDelete: "set null" }),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    outcome: text("outcome", { enum: WORK_ITEM_OUTCOMES }),
    note: text("note").notNull().default(""),
    createdById: text("created_by_id").references(() => users.id),
    closedById: text("closed_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("work_items_assignee_idx").on(t.assigneeId, t.status, t.dueDate),
    index("work_items_status_idx").on(t.status, t.dueDate),
    index("work_items_account_idx").on(t.accountId, t.status),
    index("work_items_run_idx").on(t.runId),
    // A signal's follow-up is found by what it is about (an NPS answer's follow-up, say).
    index("work_items_subject_idx").on(t.subjectType, t.subjectId),
  ],
);

export type Playbook = typeof playbooks.$inferSelect;
export type PlaybookRun = typeof playbookRuns.$inferSelect;
export type WorkItem = typeof workItems.$inferSelect;
export type WorkItemPriority = (typeof WORK_ITEM_PRIORITIES)[number];
export type WorkItemOutcome = (typeof WORK_ITEM_OUTCOMES)[number];
