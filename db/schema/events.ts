import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { accounts, users } from "./people";

/**
 * Domain events other areas react to (advocacy listens to milestone.achieved, health reads
 * task.overdue…). The payload's shape per type is declared in app/domain/events/types.ts.
 */
export const events = pgTable(
  "events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    accountId: text("account_id").references(() => accounts.id),
    actorId: text("actor_id").references(() => users.id),
    subjectId: text("subject_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("events_type_idx").on(t.type, t.occurredAt),
    index("events_account_idx").on(t.accountId, t.occurredAt),
    // "Has this task's overdue event been recorded?" and "what happened to this milestone?"
    index("events_subject_idx").on(t.subjectId, t.type),
  ],
);
