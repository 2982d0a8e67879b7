import { type AnyColumn, type SQL, and, gte, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { healthCurrent } from "~db/schema";
import { UNSCORED_RISK } from "./risk";
import { HEALTH_DROP_POINTS, type HealthGradeFilter } from "./schemas";

/**
 * Health as the staff account list reads it: each account's latest score, grade and 30-day drop
 * from health_current (kept by triggers on the snapshots), as a subquery the list joins and
 * conditions it filters by, so the list stays one query and people never reads health's tables.
 */

// Built without a connection, so importing this module never needs the database.
const qb = new QueryBuilder();

/** Per account with a snapshot: `overall`, `grade`, `drop30`. Left-join it on `accountId`. */
export function currentHealthSubquery() {
  return qb
    .select({
      accountId: healthCurrent.accountId,
      overall: sql<number | null>`${healthCurrent.overall}`.as("health_overall"),
      grade: sql<"red" | "yellow" | "green" | null>`${healthCurrent.grade}`.as("health_grade"),
      drop30: sql<number | null>`${healthCurrent.drop30}`.as("health_drop_30"),
    })
    .from(healthCurrent)
    .as("health_now");
}

export type CurrentHealth = ReturnType<typeof currentHealthSubquery>;

/**
 * The list's order key for "worst first" (ascending) and "best first" (descending): accounts without
 * a score sort after every scored one in both directions, and the key is never null, so keyset
 * cursors compare it like any number.
 */
export function healthSortKey(health: CurrentHealth, direction: "worst" | "best"): SQL<number> {
  return direction === "worst"
    ? sql<number>`coalesce(${health.overall}, 101)`.mapWith(Number)
    : sql<number>`coalesce(${health.overall}, -1)`.mapWith(Number);
}

/** `healthRisk` (risk.ts) in SQL, over the joined subquery: 0 … 1, never null. */
export function healthRiskExpression(health: CurrentHealth): SQL<number> {
  return sql<number>`case when ${health.overall} is null then ${sql.raw(String(UNSCORED_RISK))}
    else least(1, greatest(0, (100 - ${health.overall} + greatest(0, coalesce(${health.drop30}, 0)))::numeric / 100)) end`.mapWith(
    Number,
  );
}

/** Accounts in a grade ("none": no score yet), for a WHERE on the outer query's account id. */
export function healthGradeCondition(accountId: AnyColumn, grade: HealthGradeFilter): SQL {
  if (grade === "none") {
    return notInArray(
      accountId,
      qb.select({ id: healthCurrent.accountId }).from(healthCurrent).where(isNotNull(healthCurrent.overall)),
    );
  }
  return inArray(
    accountId,
    qb
      .select({ id: healthCurrent.accountId })
      .from(healthCurrent)
      .where(sql`${healthCurrent.grade} = ${grade}`),
  );
}

/** Accounts whose score fell by HEALTH_DROP_POINTS or more over the last 30 days. */
export function healthDroppedCondition(accountId: AnyColumn): SQL {
  return inArray(
    accountId,
    qb
      .select({ id: healthCurrent.accountId })
      .from(healthCurrent)
      .where(and(gte(healthCurrent.drop30, HEALTH_DROP_POINTS))),
  );
}
