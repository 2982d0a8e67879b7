import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const OUTBOX_STATUSES = ["queued", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Every email the portal sends. A row is written in the same transaction as the change that causes
 * it (status `queued`), and the mail job (app/domain/mail/delivery.server.ts) delivers it: through
 * SMTP when SMTP_URL is set, else to the dev outbox admins read at /outbox.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: text("id").primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    /** Set on mail a person may opt out of (community notifications): the List-Unsubscribe target. */
    unsubscribeUrl: text("unsubscribe_url"),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** How it was delivered; null until it is. */
    transport: text("transport", { enum: ["outbox", "smtp"] }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbox_messages_created_idx").on(t.createdAt), index("outbox_messages_to_idx").on(t.to)],
);
