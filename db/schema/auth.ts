import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts, users } from "./people";

/** Lucia's session table. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const tokenPurpose = pgEnum("token_purpose", ["magic_link", "password_reset"]);

/** Single-use emailed links. Only a SHA-256 of the token is stored. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("auth_tokens_user_idx").on(t.userId)],
);

/**
 * Every sign-in attempt and emailed-link request, kept for rate limiting. Recorded for unknown
 * emails too, so limits don't reveal which addresses have accounts.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    kind: text("kind", { enum: ["password", "email_link"] }).notNull(),
    succeeded: boolean("succeeded").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.createdAt),
    index("sign_in_attempts_ip_idx").on(t.ip, t.createdAt),
  ],
);

/**
 * A person's secret calendar feed (`/calendar/<token>.ics`), fetched by calendar apps without a
 * session. Only a SHA-256 of the token is stored, like the emailed links: a leaked table lists no
 * usable feed. Revoked rows stay (revoked_at set) so "last used" survives a reset; at most one row
 * per person is active.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The customer's account, so every feed row of a tenant can be found and scoped by it. Null for
    // vendor staff: their feed spans the accounts they work with and belongs to no single tenant.
    accountId: text("account_id").references(() => accounts.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feeds_one_active_idx")
      .on(t.userId)
      .where(sql`${t.revokedAt} is null`),
    index("calendar_feeds_account_idx").on(t.accountId),
  ],
);

export type CalendarFeed = typeof calendarFeeds.$inferSelect;
