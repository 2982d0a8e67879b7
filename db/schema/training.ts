import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts, users } from "./people";
import { tasks } from "./plans";

/**
 * Training progress per person. Courses and lessons live in content/ (MDX), so they are referred
 * to by slug. `account_id` is the learner's account (null for staff trying a course), repeated
 * here so adoption views scope by account without joining people.
 */
export const lessonProgress = pgTable(
  "lesson_progress",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    accountId: text("account_id").references(() => accounts.id),
    courseSlug: text("course_slug").notNull(),
    lessonSlug: text("lesson_slug").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Read and every quiz of the lesson passed. */
    completedAt: timestamp("completed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.courseSlug, t.lessonSlug] }),
    index("lesson_progress_account_idx").on(t.accountId, t.courseSlug),
  ],
);

/** A person's latest attempt at one quiz; `passed_at` stays once they have passed. */
export const quizResults = pgTable(
  "quiz_results",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    courseSlug: text("course_slug").notNull(),
    lessonSlug: text("lesson_slug").notNull(),
    quizId: text("quiz_id").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastAnswers: jsonb("last_answers").$type<number[]>().notNull().default([]),
    lastPassed: boolean("last_passed").notNull().default(false),
    passedAt: timestamp("passed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseSlug, t.lessonSlug, t.quizId] })],
);

/** Ticked items of a lesson's practice checklists. */
export const practiceChecks = pgTable(
  "practice_checks",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    courseSlug: text("course_slug").notNull(),
    lessonSlug: text("lesson_slug").notNull(),
    itemKey: text("item_key").notNull(),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseSlug, t.lessonSlug, t.itemKey] })],
);

/**
 * Issued when a person finishes a course, once per course version. Name and title are copied at
 * issue time: a certificate is a document and does not change when a course is renamed.
 * `code` is random and unguessable; the public verification page looks it up.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: text("id").primaryKey(),
    code: text("code").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    accountId: text("account_id").references(() => accounts.id),
    courseSlug: text("course_slug").notNull(),
    courseVersion: text("course_version").notNull(),
    courseTitle: text("course_title").notNull(),
    personName: text("person_name").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("certificates_code_idx").on(t.code),
    uniqueIndex("certificates_once_per_version_idx").on(t.userId, t.courseSlug, t.courseVersion),
    index("certificates_account_idx").on(t.accountId, t.courseSlug),
  ],
);

/** The people a plan task requires to finish its course (tasks.course_slug). */
export const taskTrainees = pgTable(
  "task_trainees",
  {
    taskId: text("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.userId] }),
    // "Which open tasks wait for this person's course?" when a course is completed.
    index("task_trainees_user_idx").on(t.userId),
    index("task_trainees_account_idx").on(t.accountId),
  ],
);

export type Certificate = typeof certificates.$inferSelect;
