import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { accounts, users } from "./people";
import { outcomes, plans } from "./plans";

/** Which way is better: `up` (more revenue, more users) or `down` (fewer days, lower cost). */
export const metricDirection = pgEnum("metric_direction", ["up", "down"]);
/** The period a metric's value is measured over, so one unit of improvement can be counted per year. */
export const valuePeriod = pgEnum("value_period", ["week", "month", "quarter", "year"]);

/**
 * A value metric of an outcome: where the customer started (baseline), where it wants to be
 * (target), and optionally what one unit of improvement is worth in money per period, from which
 * the plan's ROI is computed.
 */
export const valueMetrics = pgTable(
  "value_metrics",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    outcomeId: text("outcome_id")
      .notNull()
      .references(() => outcomes.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    direction: metricDirection("direction").notNull(),
    baseline: numeric("baseline", { precision: 18, scale: 4, mode: "number" }).notNull(),
    target: numeric("target", { precision: 18, scale: 4, mode: "number" }).notNull(),
    /** Money one unit of improvement is worth per `valuePeriod`, in the account's currency; null: not a money metric. */
    moneyPerUnit: numeric("money_per_unit", { precision: 18, scale: 4, mode: "number" }),
    valuePeriod: valuePeriod("value_period"),
    position: integer("position").notNull().default(0),
    createdById: text("created_by_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("value_metrics_plan_idx").on(t.planId),
    index("value_metrics_account_idx").on(t.accountId),
    index("value_metrics_outcome_idx").on(t.outcomeId),
    check("value_metrics_money_has_period", sql`(${t.moneyPerUnit} is null) = (${t.valuePeriod} is null)`),
    check("value_metrics_money_not_negative", sql`${t.moneyPerUnit} is null or ${t.moneyPerUnit} >= 0`),
  ],
);

/** One reading of a metric on a day. */
export const measurements = pgTable(
  "measurements",
  {
    id: text("id").primaryKey(),
    metricId: text("metric_id")
      .notNull()
      .references(() => valueMetrics.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    measuredOn: date("measured_on").notNull(),
    value: numeric("value", { precision: 18, scale: 4, mode: "number" }).notNull(),
    note: text("note").notNull().default(""),
    recordedById: text("recorded_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("measurements_metric_idx").on(t.metricId, t.measuredOn),
    index("measurements_account_idx").on(t.accountId),
    index("measurements_recorded_by_idx").on(t.recordedById),
  ],
);

export type ValueMetric = typeof valueMetrics.$inferSelect;
export type Measurement = typeof measurements.$inferSelect;
export type MetricDirection = (typeof metricDirection.enumValues)[number];
export type ValuePeriod = (typeof valuePeriod.enumValues)[number];
