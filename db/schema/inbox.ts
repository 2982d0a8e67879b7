import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { accounts, users } from "./people";

/** What an in-app item is about; its text is the i18n key `notifications.kind.<kind>`. */
export const INBOX_ITEM_KINDS = [
  "task_assigned",
  "task_comment",
  "signoff_waiting",
  "ask_waiting",
  "case_study_review",
] as const;
export type InboxItemKind = (typeof INBOX_ITEM_KINDS)[number];

/**
 * In-app notifications from plans and advocacy (a task given to you, a comment on your task, a
 * milestone waiting for your sign-off, an ask, a case study to review): written in the same
 * transaction as the change, read by the bell (~/domain/inbox). The text is rendered from `kind`
 * and `params` in the reader's language.
 */
export const inboxItems = pgTable(
  "inbox_items",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: INBOX_ITEM_KINDS }).notNull(),
    /** Interpolation values of the kind's text: { title, actorName }. */
    params: jsonb("params").$type<Record<string, string>>().notNull().default({}),
    href: text("href").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("inbox_items_user_idx").on(t.userId, t.createdAt)],
);
