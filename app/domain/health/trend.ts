import { addDays } from "~/domain/telemetry/usage";

/*
 * The arrows against 7 and 30 days ago and the trend's two ranges. Pure: the snapshots come in,
 * the changes go out.
 */

const ARROW_DAYS = [7, 30] as const;
type ArrowDays = (typeof ARROW_DAYS)[number];

/** A change against a past day: the points gained or lost, or no data (no snapshot or no score then, or none now). */
export type Change = { days: ArrowDays; delta: number } | { days: ArrowDays; delta: null };

/**
 * The one rule for "the score N days ago", everywhere health compares with the past (the arrows,
 * the Renewals trend, the list's "dropped" filter through health_current's drop_30, migration
 * 0027): the latest snapshot filed in the week up to that day, so a missed nightly run doesn't
 * erase the comparison. Its score, or null (no snapshot that week, or no score on it).
 */
const LOOKBACK_DAYS = 7;

export function scoreOn(past: ReadonlyMap<string, number | null>, day: string): number | null {
  for (let back = 0; back < LOOKBACK_DAYS; back++) {
    const filed = addDays(day, -back);
    if (past.has(filed)) return past.get(filed) ?? null;
  }
  return null;
}

export function changesAgainst(
  current: number | null,
  today: string,
  past: ReadonlyMap<string, number | null>,
): Change[] {
  return ARROW_DAYS.map((days) => {
    const then = scoreOn(past, addDays(today, -days));
    return { days, delta: current === null || then === null ? null : current - then };
  });
}

/** The days whose snapshots the arrows may read: the week up to each arrow's day (first, last). */
export function arrowWindow(today: string): { from: string; to: string } {
  const oldest = Math.max(...ARROW_DAYS);
  const newest = Math.min(...ARROW_DAYS);
  return { from: addDays(today, -(oldest + LOOKBACK_DAYS - 1)), to: addDays(today, -newest) };
}

export const TREND_RANGES = ["90d", "12m"] as const;
export type TrendRange = (typeof TREND_RANGES)[number];

/**
 * Which days the chart shows: every day of the last 90, or one day a week (today's weekday) of
 * the last 12 months, so the chart and its table stay about 50 points long.
 */
export function trendWindow(range: TrendRange, today: string): { from: string; everyDays: number; points: number } {
  return range === "90d"
    ? { from: addDays(today, -89), everyDays: 1, points: 90 }
    : { from: addDays(today, -364), everyDays: 7, points: 53 };
}
