import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { accounts, segments, users } from "./people";

/**
 * Account health (issue 14): the scoring models, the daily snapshot of every account's score, and
 * the two inputs staff record by hand, the CSM pulse and the touches. The other measures' inputs
 * are read from their owning areas through exported batch functions; see app/domain/health/.
 */

export const healthGrade = pgEnum("health_grade", ["red", "yellow", "green"]);
export const touchKind = pgEnum("health_touch_kind", ["call", "meeting", "email", "qbr", "executive_sponsor"]);

/** The six measures' weights of one model version: whole numbers summing to 100 (checked in the domain). */
export interface HealthWeights {
  adoption: number;
  plan: number;
  skills: number;
  sentiment: number;
  engagement: number;
  community: number;
}

/**
 * A scoring model: per segment (null: the default for every segment without its own), the weight of
 * each measure and the grade thresholds. Workspace configuration, not a tenant's data, so no
 * account_id. Rows are never updated: every save is a new version, so a snapshot's version always
 * names the weights that scored it.
 */
export const healthModels = pgTable(
  "health_models",
  {
    id: text("id").primaryKey(),
    segmentId: text("segment_id").references(() => segments.id),
    version: integer("version").notNull(),
    weights: jsonb("weights").$type<HealthWeights>().notNull(),
    /** A score below this is red. */
    redBelow: integer("red_below").notNull().default(50),
    /** A score from this up is green; between the two, yellow. */
    greenFrom: integer("green_from").notNull().default(75),
    /** The measures the account's customers see on their home ("How your rollout is going"); never sentiment (the CSM pulse). */
    customerMeasures: text("customer_measures")
      .array()
      .notNull()
      .default(sql`'{adoption,plan,skills,engagement}'::text[]`),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("health_models_segment_version_idx").on(sql`coalesce(${t.segmentId}, '')`, t.version),
    check(
      "health_models_thresholds",
      sql`0 < ${t.redBelow} and ${t.redBelow} < ${t.greenFrom} and ${t.greenFrom} <= 100`,
    ),
  ],
);

/** How much of the model an overall score rests on: "based on 4 of 6 measures, 70% of the weight". */
export interface HealthCoverage {
  measures: number;
  of: number;
  /** Percent of the model's weight that had data (0–100). */
  weight: number;
}

/** One measure as it was scored: its score (null: no data), the model's weight, and the inputs shown with it. */
export interface SnapshotMeasure {
  key: string;
  score: number | null;
  weight: number;
  inputs: Record<string, unknown>;
}

/**
 * One account's health on one UTC day, recomputed (upserted) whenever something feeding it changes
 * and every night. Overall and grade are null when no measure has data.
 */
export const healthSnapshots = pgTable(
  "health_snapshots",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    day: date("day").notNull(),
    modelId: text("model_id")
      .notNull()
      .references(() => healthModels.id),
    modelVersion: integer("model_version").notNull(),
    overall: integer("overall"),
    grade: healthGrade("grade"),
    coverage: jsonb("coverage").$type<HealthCoverage>().notNull(),
    measures: jsonb("measures").$type<SnapshotMeasure[]>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.day] }),
    check("health_snapshots_overall_range", sql`${t.overall} is null or ${t.overall} between 0 and 100`),
  ],
);

/**
 * Each account's latest score and grade and how far it fell over 30 days, one row per account with
 * a snapshot: what the staff account list sorts and filters 10,000 accounts by without reading the
 * snapshots' history. Kept by statement triggers on health_snapshots (migration 0027), so every
 * writer of snapshots — the recompute, the demo seed, a test — keeps it current.
 */
export const healthCurrent = pgTable(
  "health_current",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => accounts.id),
    /** The latest snapshot's day. */
    day: date("day").notNull(),
    overall: integer("overall"),
    grade: healthGrade("grade"),
    /** The score of the snapshot 30 days before the latest (up to a week earlier if that day is missing) minus the latest; null when either is missing. */
    drop30: integer("drop_30"),
  },
  (t) => [
    // Worst first / best first: the list's order key, with no-data accounts last either way.
    index("health_current_worst_idx").on(sql`coalesce(${t.overall}, 101)`, t.accountId),
    index("health_current_grade_idx").on(t.grade),
    index("health_current_drop_idx").on(t.drop30),
  ],
);

/**
 * The CSM's read of an account (green / yellow / red with a note). Staff-only: never sent to a
 * customer loader. It counts in the sentiment measure until `expires_at`; stale, it is "no data".
 */
export const healthPulses = pgTable(
  "health_pulses",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    grade: healthGrade("grade").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("health_pulses_account_idx").on(t.accountId, t.createdAt)],
);

/** A touch staff logged on the account's timeline: a call, a meeting, an email, a QBR, an executive sponsor meeting. */
export const healthTouches = pgTable(
  "health_touches",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    kind: touchKind("kind").notNull(),
    /** The account's calendar day it happened. */
    occurredOn: date("occurred_on").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("health_touches_account_idx").on(t.accountId, t.occurredOn)],
);

/**
 * A grade a CSM set by hand, with the reason, beside the computed score (which keeps being computed
 * and filed). It counts through `expires_on` (a day of the account's calendar) and then simply ends:
 * no job or rule deletes or rewrites it. Ending it early, or replacing it with a new one, fills
 * `ended_at` and is logged. Staff-only: never sent to a customer loader.
 */
export const healthOverrides = pgTable(
  "health_overrides",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    grade: healthGrade("grade").notNull(),
    reason: text("reason").notNull(),
    /** The last day of the account's calendar it counts. */
    expiresOn: date("expires_on").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedById: text("ended_by_id").references(() => users.id),
    /** When the nightly job logged that it ran out (it ends by the calendar; the log says so once). */
    expiryRecordedAt: timestamp("expiry_recorded_at", { withTimezone: true }),
  },
  (t) => [
    index("health_overrides_account_idx").on(t.accountId, t.createdAt),
    check("health_overrides_reason", sql`length(trim(${t.reason})) > 0`),
  ],
);

export type HealthModel = typeof healthModels.$inferSelect;
export type HealthOverride = typeof healthOverrides.$inferSelect;
export type HealthSnapshot = typeof healthSnapshots.$inferSelect;
export type HealthGrade = (typeof healthGrade.enumValues)[number];
export type TouchKind = (typeof touchKind.enumValues)[number];
