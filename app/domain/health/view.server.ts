import { and, asc, desc, eq, gte } from "drizzle-orm";
import { db } from "~db/client.server";
import { healthSnapshots } from "~db/schema";
import { addDays } from "~/domain/telemetry/usage";
import { hasSnapshotToday, recomputeHealth, snapshotDay } from "./recompute.server";
import { getTimeline } from "./timeline.server";

export const TREND_DAYS = 90;

/** The latest snapshot's score and grade, for the staff account header: one query. */
export async function getHealthBadge(accountId: string) {
  const [row] = await db
    .select({ overall: healthSnapshots.overall, grade: healthSnapshots.grade, coverage: healthSnapshots.coverage })
    .from(healthSnapshots)
    .where(eq(healthSnapshots.accountId, accountId))
    .orderBy(desc(healthSnapshots.day))
    .limit(1);
  return row ?? null;
}

/**
 * Everything the staff Health tab shows: today's snapshot (computed on the first view of the day
 * when the nightly run hasn't filed it yet), the last 90 days of scores, the pulse and a page of
 * touches. Staff-only: it carries the pulse and notes.
 */
export async function getAccountHealth(accountId: string, options: { page: number; now?: Date }) {
  const now = options.now ?? new Date();
  if (!(await hasSnapshotToday(accountId, now))) await recomputeHealth({ accountIds: [accountId], now });
  const today = snapshotDay(now);
  const [history, timeline] = await Promise.all([
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
      .where(and(eq(healthSnapshots.accountId, accountId), gte(healthSnapshots.day, addDays(today, -(TREND_DAYS - 1)))))
      .orderBy(asc(healthSnapshots.day))
      .limit(TREND_DAYS),
    getTimeline(accountId, options.page, now),
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
    trend: history.map((row) => ({ day: row.day, overall: row.overall, grade: row.grade })),
    ...timeline,
  };
}
