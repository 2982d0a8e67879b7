import { addDays } from "~/domain/telemetry/usage";

/*
 * The arrows against 7 and 30 days ago and the trend's two ranges. Pure: the snapshots come in,
 * the changes go out.
 */

export const ARROW_DAYS = [7, 30] as const;
export type ArrowDays = (typeof ARROW_DAYS)[number];

/** A change against a past day: the points gained or lost, or no data (no snapshot or no score then, or none now). */
export type Change = { days: ArrowDays; delta: number } | { days: ArrowDays; delta: null };

export function changesAgainst(
  current: number | null,
  today: string,
  past: ReadonlyMap<string, number | null>,
): Change[] {
  return ARROW_DAYS.map((days) => {
    const then = past.get(addDays(today, -days)) ?? null;
    return { days, delta: current === null || then === null ? null : current - then };
  });
}

/** The days the arrows compare against. */
export function arrowDays(today: string): string[] {
  return ARROW_DAYS.map((days) => addDays(today, -days));
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
