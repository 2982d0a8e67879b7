import { DAY_MS } from "~/lib/time";

/** The chart's span, and the windows of weekly and monthly active users. */
export const USAGE_DAYS = 90;
export const WEEK_DAYS = 7;
export const MONTH_DAYS = 30;
/** No activity for this long and a person has "gone quiet". */
export const QUIET_DAYS = 14;
/** How many days before today the usage reads go back: the chart's first day's MAU window starts there. */
export const LOOKBACK_DAYS = USAGE_DAYS - 1 + MONTH_DAYS - 1;

/** A calendar day (YYYY-MM-DD) `days` after `day` (before when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface ActivePoint {
  day: string;
  daily: number;
  weekly: number;
  monthly: number;
}

/**
 * DAU, WAU and MAU for each of the `USAGE_DAYS` days ending `today`, from each product user's active
 * days given as offsets from `addDays(today, -LOOKBACK_DAYS)` (0 … LOOKBACK_DAYS). A user counts in
 * a window when their latest active day on or before the window's end falls inside it.
 */
export function activeSeries(today: string, activeDays: readonly (readonly number[])[]): ActivePoint[] {
  const span = LOOKBACK_DAYS + 1;
  const daily = new Array<number>(span).fill(0);
  const weekly = new Array<number>(span).fill(0);
  const monthly = new Array<number>(span).fill(0);
  const seen = new Uint8Array(span);
  for (const days of activeDays) {
    seen.fill(0);
    for (const offset of days) if (offset >= 0 && offset < span) seen[offset] = 1;
    let latest = -Infinity;
    for (let d = 0; d < span; d++) {
      if (seen[d]) {
        latest = d;
        daily[d]! += 1;
      }
      if (d - latest < WEEK_DAYS) weekly[d]! += 1;
      if (d - latest < MONTH_DAYS) monthly[d]! += 1;
    }
  }
  const first = span - USAGE_DAYS;
  const start = addDays(today, -LOOKBACK_DAYS);
  return Array.from({ length: USAGE_DAYS }, (_, i) => ({
    day: addDays(start, first + i),
    daily: daily[first + i]!,
    weekly: weekly[first + i]!,
    monthly: monthly[first + i]!,
  }));
}

/** Monthly active ÷ licensed seats, as a share (may pass 1 when more people use it than pay for it). */
export function utilisation(monthlyActive: number, licensedSeats: number): number {
  return licensedSeats > 0 ? monthlyActive / licensedSeats : 0;
}

/** The share of key features in use; null when there are none to use. */
export function breadth(inUse: number, features: number): number | null {
  return features > 0 ? inUse / features : null;
}

/** The change from the previous period as a share of it; null when there was nothing before. */
export function trend(current: number, previous: number): number | null {
  return previous > 0 ? (current - previous) / previous : null;
}
