import { DAY_MS } from "./time";
/**
 * Dates and numbers are formatted with Intl in the person's locale; times in an explicit time zone
 * (the account's on account pages, the person's elsewhere) so server and browser render the same.
 */
export function formatDate(isoDate: string, locale: string): string {
  // A calendar date (e.g. a renewal date) has no time zone; format it as UTC so it never shifts a day.
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

export function formatDateTime(value: Date | string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(value));
}

/**
 * The calendar day an instant fell on in a time zone ("Dec 2, 2026" for a sign-off at 7:21 in
 * Sydney), never the UTC day its ISO string starts with.
 */
export function formatInstantDate(value: Date | string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(value));
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Whole days from `today` to `isoDate` (negative when past), both calendar dates. */
export function daysUntil(isoDate: string, today: string): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** Today's calendar date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A money amount in the account's currency, whole units unless asked for cents. */
export function formatMoney(value: number, currency: string, locale: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A measured figure: up to four decimals, as stored, without trailing zeros. */
export function formatFigure(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
}

/** A share (0.42) as a whole percentage in the locale ("42%"). */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** A calendar date as a short day ("Mar 4"), for chart axes. */
export function formatShortDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/**
 * Items as a list in the person's language ("a, b and c"; "甲、乙和丙"), never joined with ", ".
 * `plain` lists have no "and" ("a, b, c"; "甲、乙、丙") — for tags and labels rather than a sentence
 * (Intl's narrow conjunction; its "unit" type drops the separator in Chinese altogether).
 */
export function formatList(items: readonly string[], locale: string, kind: "sentence" | "plain" = "sentence"): string {
  return new Intl.ListFormat(locale, { style: kind === "plain" ? "narrow" : "long", type: "conjunction" }).format(
    items,
  );
}

/** "in 3 days", "yesterday", "3 天后", "昨天": a signed amount of a unit, in the person's language. */
export function formatRelative(amount: number, unit: Intl.RelativeTimeFormatUnit, locale: string): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(amount, unit);
}
