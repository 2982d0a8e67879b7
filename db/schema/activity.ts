import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { accounts, users } from "./people";

/** The audit trail: who changed what, when, old → new. Written in the same transaction as the change. */
export const activity = pgTable(
  "activity",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").references(() => accounts.id),
    actorId: text("actor_id").references(() => users.id),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("activity_account_idx").on(t.accountId, t.createdAt), index("activity_actor_idx").on(t.actorId)],
);
