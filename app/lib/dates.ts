import { z } from "zod";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written as YYYY-MM-DD (so "2026-02-30" is not). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

/**
 * The one schema of a form's calendar date ("YYYY-MM-DD", a real date — what `<input type="date">`
 * posts). `invalid` is the message key of a wrong or missing date; `required: false` reads an empty
 * field as null.
 */
export function calendarDate(options: { invalid?: string; required?: true }): z.ZodEffects<z.ZodString, string>;
export function calendarDate(options: {
  invalid?: string;
  required: false;
}): z.ZodType<string | null, z.ZodTypeDef, unknown>;
export function calendarDate({ invalid = "date.invalid", required = true }: { invalid?: string; required?: boolean }) {
  const date = z.string({ required_error: invalid }).trim().refine(isCalendarDate, invalid);
  if (required) return date;
  return z.preprocess((value) => (value === "" || value === undefined ? null : value), date.nullable());
}
