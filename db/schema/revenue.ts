import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { accounts, users } from "./people";

/**
 * Renewals and revenue (issue 15): each account's subscription and the ledger of its ARR changes.
 * The ledger is the only source of ARR history; `subscriptions.arr` is its running sum, kept in the
 * same transaction as every entry so lists read one number.
 */

export const ledgerKind = pgEnum("revenue_ledger_kind", ["new", "renewal", "expansion", "contraction", "churn"]);
export const forecastCall = pgEnum("revenue_forecast_call", ["commit", "likely", "at_risk", "will_churn"]);

/** One subscription per account (slice 1: no overlapping subscriptions can exist). */
export const subscriptions = pgTable(
  "revenue_subscriptions",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    planName: text("plan_name").notNull().default(""),
    /** ISO 4217, from the fixed list in app/domain/revenue/currencies.ts; every entry is in it. */
    currency: text("currency").notNull(),
    termMonths: integer("term_months").notNull().default(12),
    startDate: date("start_date").notNull(),
    renewalDate: date("renewal_date").notNull(),
    /** The ledger's running sum (denormalised). 0 with `churnedOn` set: the account churned. */
    arr: numeric("arr", { precision: 14, scale: 2, mode: "number" }).notNull().default(0),
    churnedOn: date("churned_on"),
    /** The CSM's renewal forecast; null until someone calls it. */
    forecast: forecastCall("forecast"),
    forecastNote: text("forecast_note").notNull().default(""),
    forecastById: text("forecast_by_id").references(() => users.id),
    forecastAt: timestamp("forecast_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("revenue_subscriptions_account_idx").on(t.accountId),
    index("revenue_subscriptions_renewal_idx").on(t.renewalDate, t.id),
    check("revenue_subscriptions_arr_not_negative", sql`${t.arr} >= 0`),
    check("revenue_subscriptions_term", sql`${t.termMonths} between 1 and 120`),
    check("revenue_subscriptions_dates", sql`${t.renewalDate} > ${t.startDate}`),
  ],
);

/**
 * A dated ARR change. Entries are appended in date order (none before the account's latest), so
 * `arr_after` — the running sum after this entry — stays true and "ARR on a day" is one lookup.
 */
export const ledgerEntries = pgTable(
  "revenue_ledger_entries",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => subscriptions.id),
    kind: ledgerKind("kind").notNull(),
    effectiveOn: date("effective_on").notNull(),
    arrDelta: numeric("arr_delta", { precision: 14, scale: 2, mode: "number" }).notNull(),
    arrAfter: numeric("arr_after", { precision: 14, scale: 2, mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    /** For churn: one of CHURN_REASONS. */
    churnReason: text("churn_reason"),
    note: text("note").notNull().default(""),
    recordedById: text("recorded_by_id").references(() => users.id),
    /** Orders entries of one day. */
    sequence: integer("sequence").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("revenue_ledger_account_sequence_idx").on(t.accountId, t.sequence),
    index("revenue_ledger_effective_idx").on(t.effectiveOn, t.accountId),
    check("revenue_ledger_arr_after_not_negative", sql`${t.arrAfter} >= 0`),
    check(
      "revenue_ledger_delta_sign",
      sql`(${t.kind} = 'new' and ${t.arrDelta} >= 0)
       or (${t.kind} = 'expansion' and ${t.arrDelta} > 0)
       or (${t.kind} in ('contraction', 'churn') and ${t.arrDelta} < 0)
       or (${t.kind} = 'renewal')`,
    ),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type LedgerKind = (typeof ledgerKind.enumValues)[number];
export type ForecastCall = (typeof forecastCall.enumValues)[number];
