import { DAY_MS } from "~/lib/time";

/** The chart's span, and the windows of weekly and monthly active users. */
export const USAGE_DAYS = 90;
export const MONTH_DAYS = 30;
/** No activity for this long and a person has "gone quiet". */
export const QUIET_DAYS = 14;

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
 * The chart's `USAGE_DAYS` days ending `today` from the stored aggregate rows (DAU, WAU and MAU per
 * day, counted by the database): a day without a row had nobody in its 30-day window, so it is 0.
 */
export function seriesOf(today: string, rows: readonly ActivePoint[]): ActivePoint[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return Array.from({ length: USAGE_DAYS }, (_, i) => {
    const day = addDays(today, i - (USAGE_DAYS - 1));
    const row = byDay.get(day);
    return { day, daily: row?.daily ?? 0, weekly: row?.weekly ?? 0, monthly: row?.monthly ?? 0 };
  });
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
