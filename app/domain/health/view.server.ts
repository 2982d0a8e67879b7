import { and, asc, desc, eq, gte, inArray, lte, max, sql } from "drizzle-orm";
import { churnedAccountIds, isChurned } from "~/domain/revenue/status.server";
import { db } from "~db/client.server";
import { healthCurrent, healthSnapshots, healthTouches } from "~db/schema";
import { activeOverride } from "./overrides.server";
import { hasSnapshotToday, recomputeHealth, snapshotDay } from "./recompute.server";
import { getTimeline } from "./timeline.server";
import { arrowWindow, changesAgainst, type TrendRange, trendWindow } from "./trend";

type Scope = { id: string; timeZone: string };

/** The scores filed in the weeks the arrows compare against (up to 7 and 30 days ago): one query. */
async function pastScores(accountId: string, today: string) {
  const window = arrowWindow(today);
  const rows = await db
    .select({ day: healthSnapshots.day, overall: healthSnapshots.overall })
    .from(healthSnapshots)
    .where(
      and(
        eq(healthSnapshots.accountId, accountId),
        gte(healthSnapshots.day, window.from),
        lte(healthSnapshots.day, window.to),
      ),
    );
  return new Map(rows.map((row) => [row.day, row.overall]));
}

/**
 * The staff account header: the latest snapshot's score and grade, the change against 7 and 30
 * days ago, and the override that counts today (shown beside the computed score): three queries.
 */
export async function getHealthBadge(account: Scope, now = new Date()) {
  const today = snapshotDay(now);
  const [[row], past, override, churned] = await Promise.all([
    db
      .select({ overall: healthSnapshots.overall, grade: healthSnapshots.grade })
      .from(healthSnapshots)
      .where(eq(healthSnapshots.accountId, account.id))
      .orderBy(desc(healthSnapshots.day))
      .limit(1),
    pastScores(account.id, today),
    activeOverride(account, now),
    isChurned(account.id),
  ]);
  // A churned account's health is "churned", whatever its last score said.
  if (churned) return { overall: null, grade: null, changes: null, override: null, churned: true };
  return {
    overall: row?.overall ?? null,
    grade: row?.grade ?? null,
    changes: changesAgainst(row?.overall ?? null, today, past),
    override: override ? { grade: override.grade, expiresOn: override.expiresOn } : null,
    churned: false,
  };
}

export interface HealthSummary {
  overall: number | null;
  grade: "red" | "yellow" | "green" | null;
  /** The score 30 days before the latest (null without one): the trend. */
  overallBefore: number | null;
  churned: boolean;
  lastTouchOn: string | null;
}

/** Each given account's last logged touch (a call, a QBR, an email…): day by account id, one query. */
export async function lastTouches(accountIds: readonly string[]): Promise<Map<string, string>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .select({ accountId: healthTouches.accountId, last: max(healthTouches.occurredOn) })
    .from(healthTouches)
    .where(inArray(healthTouches.accountId, [...accountIds]))
    .groupBy(healthTouches.accountId);
  return new Map(rows.flatMap((row) => (row.last ? [[row.accountId, row.last] as const] : [])));
}

/**
 * For lists of many accounts (the renewals): each one's latest score and grade, its score 30
 * days before (health_current's drop_30: the same rule as the arrows, trend.ts `scoreOn`),
 * whether it churned, and its last touch. Three queries whatever the number.
 */
export async function healthSummaries(accountIds: readonly string[]): Promise<Map<string, HealthSummary>> {
  const result = new Map<string, HealthSummary>();
  if (accountIds.length === 0) return result;
  const ids = [...accountIds];
  const [current, churned, touches] = await Promise.all([
    db
      .select({
        accountId: healthCurrent.accountId,
        overall: healthCurrent.overall,
        grade: healthCurrent.grade,
        drop30: healthCurrent.drop30,
      })
      .from(healthCurrent)
      .where(inArray(healthCurrent.accountId, ids)),
    churnedAccountIds(ids),
    lastTouches(ids),
  ]);
  const currentBy = new Map(current.map((row) => [row.accountId, row]));
  for (const id of ids) {
    const isGone = churned.has(id);
    const row = currentBy.get(id);
    const overall = isGone ? null : (row?.overall ?? null);
    result.set(id, {
      overall,
      grade: isGone ? null : (row?.grade ?? null),
      overallBefore: overall === null || row?.drop30 == null ? null : overall + row.drop30,
      churned: isGone,
      lastTouchOn: touches.get(id) ?? null,
    });
  }
  return result;
}

/**
 * Everything the staff Health tab shows: today's snapshot (computed on the first view of the day
 * when the nightly run hasn't filed it yet), the trend (90 days or 12 months), the change against 7
 * and 30 days ago, the pulse and a page of
 * touches. Staff-only: it carries the pulse and notes.
 */
export async function getAccountHealth(accountId: string, options: { page: number; range?: TrendRange; now?: Date }) {
  const now = options.now ?? new Date();
  // The score card is the read API's answer too (getCurrentHealth), so the two always agree.
  const current = await getCurrentHealth(accountId, now);
  const today = snapshotDay(now);
  const window = trendWindow(options.range ?? "90d", today);
  const [history, timeline, past] = await Promise.all([
    db
      .select({ day: healthSnapshots.day, overall: healthSnapshots.overall, grade: healthSnapshots.grade })
      .from(healthSnapshots)
      .where(
        and(
          eq(healthSnapshots.accountId, accountId),
          gte(healthSnapshots.day, window.from),
          // 12 months: one day a week, today's weekday, so the chart stays ~50 points.
          sql`(${today}::date - ${healthSnapshots.day}) % ${window.everyDays} = 0`,
        ),
      )
      .orderBy(asc(healthSnapshots.day))
      .limit(window.points),
    getTimeline(accountId, options.page, now),
    pastScores(accountId, today),
  ]);
  return {
    current,
    changes: changesAgainst(current?.overall ?? null, today, past),
    trend: history.map((row) => ({ day: row.day, overall: row.overall, grade: row.grade })),
    ...timeline,
  };
}

/**
 * The account's health now, as the Health tab's score card shows it: today's snapshot (computed
 * first if the nightly run hasn't filed it), or the latest one (a churned account is no longer
 * scored), or null. What the read API answers, so the API and the page agree.
 */
export async function getCurrentHealth(accountId: string, now = new Date()) {
  if (!(await hasSnapshotToday(accountId, now))) await recomputeHealth({ accountIds: [accountId], now });
  const [latest] = await db
    .select({
      day: healthSnapshots.day,
      overall: healthSnapshots.overall,
      grade: healthSnapshots.grade,
      coverage: healthSnapshots.coverage,
      measures: healthSnapshots.measures,
      modelVersion: healthSnapshots.modelVersion,
      computedAt: healthSnapshots.computedAt,
    })
    .from(healthSnapshots)
    .where(and(eq(healthSnapshots.accountId, accountId), lte(healthSnapshots.day, snapshotDay(now))))
    .orderBy(desc(healthSnapshots.day))
    .limit(1);
  if (!latest) return null;
  return { ...latest, computedAt: latest.computedAt.toISOString() };
}
