/**
 * Lengths of time in milliseconds, for arithmetic on instants (`Date.getTime()`). A day here is 24
 * hours of UTC time: calendar dates in an account's time zone go through the date helpers instead.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The instant `days` 24-hour days after `at` (negative: before). */
export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
