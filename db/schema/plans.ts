import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { accounts, segments, users } from "./people";

export const taskSide = pgEnum("task_side", ["customer", "vendor"]);
export const taskStatus = pgEnum("task_status", ["todo", "in_progress", "blocked", "done"]);

/** The shape of a plan template: everything dated by its offset from the plan's start date. */
export interface TemplateDefinition {
  outcomes: { key: string; title: string; why: string; successCriteria: string; dayOffset: number }[];
  milestones: { key: string; title: string; description: string; dayOffset: number; outcomeKey: string | null }[];
  tasks: { milestoneKey: string; title: string; notes: string; side: "customer" | "vendor"; dayOffset: number }[];
}

export const planTemplates = pgTable(
  "plan_templates",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    segmentId: text("segment_id").references(() => segments.id),
    definition: jsonb("definition").$type<TemplateDefinition>().notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("plan_templates_name_idx").on(sql`lower(${t.name})`),
    index("plan_templates_segment_idx").on(t.segmentId),
  ],
);

/** A joint success plan of one account. An account may have several; one is current. */
export const plans = pgTable(
  "plans",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    name: text("name").notNull(),
    templateId: text("template_id").references(() => planTemplates.id),
    startDate: date("start_date").notNull(),
    isCurrent: boolean("is_current").notNull().default(true),
    createdById: text("created_by_id").references(() => users.id),
    /**
     * When someone on the customer's side first opened the plan page: the "Review your plan" first
     * step. Set once, never bumps `version`.
     */
    customerOpenedAt: timestamp("customer_opened_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plans_account_idx").on(t.accountId),
    uniqueIndex("plans_one_current_idx")
      .on(t.accountId)
      .where(sql`${t.isCurrent}`),
  ],
);

/** A business result the customer bought for. `account_id` is repeated on every plan row so each query can scope by it. */
export const outcomes = pgTable(
  "outcomes",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    title: text("title").notNull(),
    why: text("why").notNull().default(""),
    successCriteria: text("success_criteria").notNull().default(""),
    ownerId: text("owner_id").references(() => users.id),
    targetDate: date("target_date"),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outcomes_plan_idx").on(t.planId),
    index("outcomes_account_idx").on(t.accountId),
    index("outcomes_owner_idx").on(t.ownerId),
  ],
);

/**
 * A milestone. Achieving it is a joint sign-off: the vendor side (CSM) and the customer side
 * (champion) each sign, in either order; it is achieved when both have.
 */
export const milestones = pgTable(
  "milestones",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    outcomeId: text("outcome_id").references(() => outcomes.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    targetDate: date("target_date").notNull(),
    position: integer("position").notNull().default(0),
    vendorSignedById: text("vendor_signed_by_id").references(() => users.id),
    vendorSignedAt: timestamp("vendor_signed_at", { withTimezone: true }),
    customerSignedById: text("customer_signed_by_id").references(() => users.id),
    customerSignedAt: timestamp("customer_signed_at", { withTimezone: true }),
    rating: integer("rating"),
    ratingComment: text("rating_comment"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("milestones_plan_idx").on(t.planId, t.targetDate),
    index("milestones_account_idx").on(t.accountId),
    index("milestones_outcome_idx").on(t.outcomeId),
    check("milestones_rating_range", sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

export const tasks = pgTable(
  "tasks",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    milestoneId: text("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    notes: text("notes").notNull().default(""),
    side: taskSide("side").notNull(),
    assigneeId: text("assignee_id").references(() => users.id),
    dueDate: date("due_date"),
    status: taskStatus("status").notNull().default("todo"),
    blockedReason: text("blocked_reason"),
    /** Vendor-only: never sent to customer people. */
    internal: boolean("internal").notNull().default(false),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedById: text("completed_by_id").references(() => users.id),
    /** A course (content/courses/<slug>) the task's trainees must finish; the task completes itself when they all have. */
    courseSlug: text("course_slug"),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("tasks_plan_idx").on(t.planId),
    index("tasks_course_idx")
      .on(t.courseSlug)
      .where(sql`${t.courseSlug} is not null`),
    index("tasks_milestone_idx").on(t.milestoneId),
    index("tasks_account_idx").on(t.accountId),
    // My tasks and the calendar feed walk a person's open tasks by due date (undated last), with or
    // without a side filter: keyset pages read ~50 index entries however many tasks the person has.
    index("tasks_assignee_open_due_idx")
      .on(t.assigneeId, sql`coalesce(${t.dueDate}, '9999-12-31'::date)`, t.id)
      .where(sql`${t.status} <> 'done'`),
    index("tasks_assignee_open_side_due_idx")
      .on(t.assigneeId, t.side, sql`coalesce(${t.dueDate}, '9999-12-31'::date)`, t.id)
      .where(sql`${t.status} <> 'done'`),
    // Filtered to one account, the walk must not skip past the person's tasks elsewhere.
    index("tasks_assignee_open_account_due_idx")
      .on(t.assigneeId, t.accountId, sql`coalesce(${t.dueDate}, '9999-12-31'::date)`, t.id)
      .where(sql`${t.status} <> 'done'`),
    // Filtered to one status (say, the few blocked ones), likewise.
    index("tasks_assignee_open_status_due_idx")
      .on(t.assigneeId, t.status, sql`coalesce(${t.dueDate}, '9999-12-31'::date)`, t.id)
      .where(sql`${t.status} <> 'done'`),
    check("tasks_internal_vendor_only", sql`not ${t.internal} or ${t.side} = 'vendor'`),
    check("tasks_blocked_has_reason", sql`${t.status} <> 'blocked' or ${t.blockedReason} is not null`),
  ],
);

/**
 * The time-independent facts behind each account's plan health, one row per account with a
 * current plan, so the account list can filter and sort 10,000 accounts by plan status without
 * aggregating every milestone. Kept by statement triggers on plans, milestones and tasks (migration
 * accounts_plan_rollup), so every writer's transaction updates it with its change; the health
 * itself (what "today" makes of these dates) is derived when read, so it never goes stale.
 * See docs/decisions/0011-plan-status-rollup.md.
 */
export const planStatusRollups = pgTable("plan_status_rollups", {
  accountId: text("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  planId: text("plan_id")
    .notNull()
    .references(() => plans.id, { onDelete: "cascade" }),
  milestones: integer("milestones").notNull(),
  achieved: integer("achieved").notNull(),
  /** The earliest target of a milestone not yet signed off by both sides. */
  firstOpenTarget: date("first_open_target"),
  /** The earliest target of such a milestone that still has a task not done. */
  firstOpenWorkTarget: date("first_open_work_target"),
});

export const commentSubject = pgEnum("comment_subject", ["milestone", "task"]);

export const comments = pgTable(
  "comments",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    subjectType: commentSubject("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    internal: boolean("internal").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("comments_subject_idx").on(t.subjectType, t.subjectId), index("comments_plan_idx").on(t.planId)],
);

export type Plan = typeof plans.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type TaskSide = (typeof taskSide.enumValues)[number];
export type TaskStatus = (typeof taskStatus.enumValues)[number];
