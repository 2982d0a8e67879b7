import { and, eq, inArray, max } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { healthCurrent, healthTouches, type HealthGrade } from "~db/schema";

/*
 * What interventions' playbooks read of health (qbr_overdue, health_grade_dropped): one query each
 * for any number of accounts.
 */

/** Each account's latest QBR touch (the account's calendar day); absent: none logged. */
export async function lastQbrDates(
  accountIds: readonly string[],
  executor: Executor = db,
): Promise<Map<string, string>> {
  if (accountIds.length === 0) return new Map();
  const rows = await executor
    .select({ accountId: healthTouches.accountId, last: max(healthTouches.occurredOn) })
    .from(healthTouches)
    .where(and(eq(healthTouches.kind, "qbr"), inArray(healthTouches.accountId, [...new Set(accountIds)])))
    .groupBy(healthTouches.accountId);
  return new Map(rows.flatMap((row) => (row.last ? [[row.accountId, row.last] as const] : [])));
}

/** Each account's current computed grade; absent: no grade yet. */
export async function currentGrades(
  accountIds: readonly string[],
  executor: Executor = db,
): Promise<Map<string, HealthGrade>> {
  if (accountIds.length === 0) return new Map();
  const rows = await executor
    .select({ accountId: healthCurrent.accountId, grade: healthCurrent.grade })
    .from(healthCurrent)
    .where(inArray(healthCurrent.accountId, [...new Set(accountIds)]));
  return new Map(rows.flatMap((row) => (row.grade ? [[row.accountId, row.grade] as const] : [])));
}
