import { z } from "zod";
import { textField } from "~/lib/forms";

export const PULSE_GRADES = ["green", "yellow", "red"] as const;
export const TOUCH_KINDS = ["call", "meeting", "email", "qbr", "executive_sponsor"] as const;
export const PULSE_NOTE_MAX = 1000;
export const TOUCH_NOTE_MAX = 2000;
/** How long a pulse counts in the sentiment measure. */
export const PULSE_DAYS = 30;
/** A touch is logged for the past or today; this far back at most. */
export const TOUCH_MAX_AGE_DAYS = 366;

/** The staff account list's health filter: a grade, or "none" (no score yet). */
export const HEALTH_GRADE_FILTERS = ["red", "yellow", "green", "none"] as const;
export type HealthGradeFilter = (typeof HEALTH_GRADE_FILTERS)[number];
/** The list's "dropped ≥ 10 points in 30 days" filter. */
export const HEALTH_DROP_POINTS = 10;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day (no 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export const PulseSchema = z.object({
  // The account the form was shown for: a pulse posted to one account's page for another is refused.
  accountId: z.string({ required_error: "health:errors.wrongAccount" }).min(1, "health:errors.wrongAccount").max(40),
  grade: z.enum(PULSE_GRADES, { errorMap: () => ({ message: "health:errors.pulseGrade" }) }),
  note: textField({ max: PULSE_NOTE_MAX, tooLong: "health:errors.pulseNoteTooLong" }),
});

export const TouchSchema = z.object({
  accountId: z.string({ required_error: "health:errors.wrongAccount" }).min(1, "health:errors.wrongAccount").max(40),
  kind: z.enum(TOUCH_KINDS, { errorMap: () => ({ message: "health:errors.touchKind" }) }),
  occurredOn: z
    .string({ required_error: "health:errors.touchDate" })
    .trim()
    .refine(isCalendarDay, "health:errors.touchDate"),
  note: textField({ max: TOUCH_NOTE_MAX, tooLong: "health:errors.touchNoteTooLong" }),
});

export type PulseInput = z.infer<typeof PulseSchema>;
export type TouchInput = z.infer<typeof TouchSchema>;
