import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { accounts, users } from "./people";

/** `skipped`: not sent because the recipient turned its kind off while it waited (quiet hours). */
export const OUTBOX_STATUSES = ["queued", "sent", "failed", "skipped"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * What an email is, for the person's preferences. `security` (sign-in links, password resets,
 * invitations) ignores them; `conversation` (a comment in a thread the person is part of) is
 * answered mail and carries no opt-out; the other four are turned off per person and wait out
 * quiet hours.
 */
export const MAIL_KINDS = [
  "security",
  "conversation",
  "reminders",
  "champion",
  "community",
  "digest",
  "task_assigned",
  "task_comment",
  "signoff_waiting",
  "ask_waiting",
  "case_study_review",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export const OPTIONAL_MAIL_KINDS = [
  "reminders",
  "champion",
  "community",
  "digest",
  "task_assigned",
  "task_comment",
  "signoff_waiting",
  "ask_waiting",
  "case_study_review",
] as const;
export type OptionalMailKind = (typeof OPTIONAL_MAIL_KINDS)[number];

/**
 * What a person is told about, each through the channel they choose (notification_preferences.channels):
 * `task_due` is a playbook's due-tomorrow / overdue reminder (mail kind `reminders`), `community` the
 * community's replies and mentions; the others are the bell's items of plans and advocacy.
 */
export const NOTIFICATION_KINDS = [
  "task_assigned",
  "task_comment",
  "task_due",
  "signoff_waiting",
  "ask_waiting",
  "case_study_review",
  "community",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** `digest`: not on its own, only in the weekly digest (which lists open tasks and asks). */
export const CHANNELS = ["app_email", "app", "email", "digest", "off"] as const;
export type Channel = (typeof CHANNELS)[number];

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
    kind: text("kind", { enum: MAIL_KINDS }),
    /** The person it is for, when known: their preferences decided whether and when it goes. */
    recipientId: text("recipient_id").references(() => users.id, { onDelete: "set null" }),
    /** Held until then (the end of the recipient's quiet hours); null: at once. */
    sendAfter: timestamp("send_after", { withTimezone: true }),
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

/**
 * One row per person who changed their notification settings; no row means the defaults (every
 * kind on, no quiet hours). Quiet hours are minutes after midnight in the person's own time zone
 * (users.time_zone); both null when off.
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The person's customer account; null for vendor staff. */
    accountId: text("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    emailReminders: boolean("email_reminders").notNull().default(true),
    emailChampion: boolean("email_champion").notNull().default(true),
    emailCommunity: boolean("email_community").notNull().default(true),
    emailDigest: boolean("email_digest").notNull().default(true),
    /** The channel of each notification kind the person changed; the others keep DEFAULT_CHANNELS. */
    channels: jsonb("channels").$type<Partial<Record<NotificationKind, Channel>>>().notNull().default({}),
    quietStartMinute: smallint("quiet_start_minute"),
    quietEndMinute: smallint("quiet_end_minute"),
    /** The weekly digest's day (ISO: 1 = Monday … 7 = Sunday) and hour (0–23), in the person's time zone. */
    digestDay: smallint("digest_day").notNull().default(1),
    digestHour: smallint("digest_hour").notNull().default(8),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notification_preferences_account_idx").on(t.accountId),
    check("notification_preferences_digest_day", sql`${t.digestDay} between 1 and 7`),
    check("notification_preferences_digest_hour", sql`${t.digestHour} between 0 and 23`),
    check(
      "notification_preferences_quiet_hours",
      sql`(${t.quietStartMinute} is null and ${t.quietEndMinute} is null)
       or (${t.quietStartMinute} between 0 and 1439 and ${t.quietEndMinute} between 0 and 1439
           and ${t.quietStartMinute} <> ${t.quietEndMinute})`,
    ),
  ],
);

export type NotificationPreferences = typeof notificationPreferences.$inferSelect;

/**
 * Secrets the mail area keeps in the database so every process and restart agrees on them (the
 * session secret may be random per process): `unsubscribe` signs the one-click unsubscribe links.
 * A row is created on first use.
 */
export const mailSecrets = pgTable("mail_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per person and week a digest was written for (the week's Monday in their time zone): the
 * hourly job inserts it in the transaction that queues the mail, so a restart, a second worker or a
 * later run in the same week finds it and sends nothing again.
 */
export const mailDigests = pgTable(
  "mail_digests",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Digests go to customer people only; kept for sharding by account like every tenant row. */
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    weekStart: date("week_start").notNull(),
    messageId: text("message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.weekStart] })],
);

/** What a digest line is about: a bell kind the person chose to hear of in the digest, or a playbook's word. */
export const DIGEST_LINE_KINDS = ["task_comment", "signoff_waiting", "case_study_review", "playbook"] as const;
export type DigestLineKind = (typeof DIGEST_LINE_KINDS)[number];

/**
 * Lines waiting for a person's next weekly digest: notices whose channel is "digest only", and what
 * a "tell the champion in the digest" step says. `week_start` is set when a digest carries the line.
 */
export const digestLines = pgTable(
  "digest_lines",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: DIGEST_LINE_KINDS }).notNull(),
    /** Interpolation values of the kind's text; a playbook line carries its reason, worded for the reader. */
    params: jsonb("params").$type<Record<string, string>>().notNull().default({}),
    href: text("href").notNull(),
    /** The playbook run that asked for the line: it is left out once the run's reason is gone. */
    runId: text("run_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    weekStart: date("week_start"),
  },
  (t) => [
    index("digest_lines_pending_idx")
      .on(t.userId, t.createdAt)
      .where(sql`${t.weekStart} is null`),
  ],
);
