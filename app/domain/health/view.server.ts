import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { healthSnapshots } from "~db/schema";
import { activeOverride } from "./overrides.server";
import { hasSnapshotToday, recomputeHealth, snapshotDay } from "./recompute.server";
import { getTimeline } from "./timeline.server";
import { arrowDays, changesAgainst, type TrendRange, trendWindow } from "./trend";

type Scope = { id: string; timeZone: string };

/** The scores filed on the days the arrows compare against (7 and 30 days ago): one query. */
async function pastScores(accountId: string, today: string) {
  const rows = await db
    .select({ day: healthSnapshots.day, overall: healthSnapshots.overall })
    .from(healthSnapshots)
    .where(and(eq(healthSnapshots.accountId, accountId), inArray(healthSnapshots.day, arrowDays(today))));
  return new Map(rows.map((row) => [row.day, row.overall]));
}

/**
 * The staff account header: the latest snapshot's score and grade, the change against 7 and 30
 * days ago, and the override that counts today (shown beside the computed score): three queries.
 */
export async function getHealthBadge(account: Scope, now = new Date()) {
  const today = snapshotDay(now);
  const [[row], past, override] = await Promise.all([
    db
      .select({ overall: healthSnapshots.overall, grade: healthSnapshots.grade })
      .from(healthSnapshots)
      .where(eq(healthSnapshots.accountId, account.id))
      .orderBy(desc(healthSnapshots.day))
      .limit(1),
    pastScores(account.id, today),
    activeOverride(account, now),
  ]);
  return {
    overall: row?.overall ?? null,
    grade: row?.grade ?? null,
    changes: changesAgainst(row?.overall ?? null, today, past),
    override: override ? { grade: override.grade, expiresOn: override.expiresOn } : null,
  };
}

/**
 * Everything the staff Health tab shows: today's snapshot (computed on the first view of the day
 * when the nightly run hasn't filed it yet), the trend (90 days or 12 months), the change against 7
 * and 30 days ago, the pulse and a page of
 * touches. Staff-only: it carries the pulse and notes.
 */
export async function getAccountHealth(accountId: string, options: { page: number; range?: TrendRange; now?: Date }) {
  const now = options.now ?? new Date();
  if (!(await hasSnapshotToday(accountId, now))) await recomputeHealth({ accountIds: [accountId], now });
  const today = snapshotDay(now);
  const window = trendWindow(options.range ?? "90d", today);
  const [history, timeline, past] = await Promise.all([
    db
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
  const latest = history[history.length - 1] ?? null;
  return {
    current: latest
      ? {
          day: latest.day,
          overall: latest.overall,
          grade: latest.grade,
          coverage: latest.coverage,
          measures: latest.measures,
          modelVersion: latest.modelVersion,
          computedAt: latest.computedAt.toISOString(),
        }
      : null,
    changes: changesAgainst(latest?.overall ?? null, today, past),
    trend: history.map((row) => ({ day: row.day, overall: row.overall, grade: row.grade })),
    ...timeline,
  };
}
