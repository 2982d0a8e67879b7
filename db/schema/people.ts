import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const staffRole = pgEnum("staff_role", ["admin", "csm", "marketing"]);
export const accountRole = pgEnum("account_role", ["champion", "member"]);

/** Customer segments chosen by need; plan templates (later) attach to them. */
export const segments = pgTable("segments", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    segmentId: text("segment_id")
      .notNull()
      .references(() => segments.id),
    industry: text("industry").notNull(),
    region: text("region").notNull(),
    licensedSeats: integer("licensed_seats").notNull(),
    renewalDate: date("renewal_date").notNull(),
    csmId: text("csm_id").references((): AnyPgColumn => users.id),
    timeZone: text("time_zone").notNull().default("UTC"),
    /**
     * ISO 4217 code of the account's money amounts (value per unit). What the customer pays is the
     * revenue area's subscription ARR (migration 0028 moved the old annual cost there).
     */
    currency: text("currency").notNull().default("USD"),
    /**
     * What the customer uses the product for ("Financial reporting", "Embedded dashboards"): the
     * reference directory is searched by it. Normalised on the way in (trimmed, no duplicates).
     */
    useCases: text("use_cases")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * The vendor's own id for this customer (its CRM or billing id): product telemetry names the
     * account by it (`groupId`). Unique when set.
     */
    externalId: text("external_id"),
    /** Bumped on every edit: a form posted against an older version is refused, not silently applied. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("accounts_name_lower_idx").on(sql`lower(${t.name})`),
    uniqueIndex("accounts_external_id_idx").on(t.externalId),
    index("accounts_segment_idx").on(t.segmentId),
    index("accounts_csm_idx").on(t.csmId),
    index("accounts_renewal_idx").on(t.renewalDate),
    // Keyset pages ordered by name (the "name" sort, the CSV exports' 1,000-row pages): no sort of every account.
    index("accounts_name_id_idx").on(t.name, t.id),
    // The account list's search: ILIKE '%term%' (prefix and substring) through trigrams (pg_trgm, migration 0020).
    index("accounts_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    index("accounts_use_cases_idx").using("gin", t.useCases),
    check("accounts_seats_positive", sql`${t.licensedSeats} > 0`),
    check("accounts_use_cases_few", sql`cardinality(${t.useCases}) <= 10`),
  ],
);

/**
 * Everyone who can sign in. A person is either vendor staff (staff_role) or belongs to exactly one
 * customer account (account_id + account_role) — the check constraint keeps it that way.
 */
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    staffRole: staffRole("staff_role"),
    accountId: text("account_id").references((): AnyPgColumn => accounts.id),
    accountRole: accountRole("account_role"),
    title: text("title").notNull().default(""),
    /**
     * Staff only: where customers book a meeting with them (an http(s) URL, shown on the customer's
     * "Your CSM" card). Null when unset.
     */
    meetingUrl: text("meeting_url"),
    locale: text("locale").notNull().default("en"),
    timeZone: text("time_zone").notNull().default("UTC"),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    index("users_account_idx").on(t.accountId),
    check("users_meeting_url_short", sql`char_length(${t.meetingUrl}) <= 500`),
    check(
      "users_staff_xor_customer",
      sql`(${t.staffRole} is not null and ${t.accountId} is null and ${t.accountRole} is null)
       or (${t.staffRole} is null and ${t.accountId} is not null and ${t.accountRole} is not null)`,
    ),
  ],
);

/** A pending invitation: staff (staff_role) or into a customer account (account_id + role). */
export const invitations = pgTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    staffRole: staffRole("staff_role"),
    accountId: text("account_id").references(() => accounts.id),
    accountRole: accountRole("account_role"),
    // The invitee's language, when the inviter knows it: their invitation email and, once they
    // accept, their users.locale. Null: the email goes in the inviter's language and the account
    // takes the language of the browser that accepts.
    locale: text("locale"),
    invitedById: text("invited_by_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("invitations_account_idx").on(t.accountId),
    index("invitations_email_idx").on(sql`lower(${t.email})`),
    index("invitations_invited_by_idx").on(t.invitedById),
    check(
      "invitations_staff_xor_customer",
      sql`(${t.staffRole} is not null and ${t.accountId} is null and ${t.accountRole} is null)
       or (${t.staffRole} is null and ${t.accountId} is not null and ${t.accountRole} is not null)`,
    ),
  ],
);

export type Account = typeof accounts.$inferSelect;
export type User = typeof users.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type StaffRole = (typeof staffRole.enumValues)[number];
export type AccountRole = (typeof accountRole.enumValues)[number];
