import { z } from "zod";
import { textField } from "~/lib/forms";

export const PULSE_GRADES = ["green", "yellow", "red"] as const;
export const TOUCH_KINDS = ["call", "meeting", "email", "qbr", "executive_sponsor"] as const;
const PULSE_NOTE_MAX = 1000;
const TOUCH_NOTE_MAX = 2000;
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

/** How long an override counts unless the CSM says otherwise, and the longest it may. */
export const OVERRIDE_DEFAULT_DAYS = 30;
export const OVERRIDE_MAX_DAYS = 180;
const OVERRIDE_REASON_MAX = 1000;

export const OverrideSchema = z.object({
  accountId: z.string({ required_error: "health:errors.wrongAccount" }).min(1, "health:errors.wrongAccount").max(40),
  grade: z.enum(PULSE_GRADES, { errorMap: () => ({ message: "health:errors.overrideGrade" }) }),
  // The reason is the point of the record: an override nobody can explain later is a black box.
  reason: textField({
    max: OVERRIDE_REASON_MAX,
    required: "health:errors.overrideReason",
    tooLong: "health:errors.overrideReasonTooLong",
  }),
  expiresOn: z
    .string({ required_error: "health:errors.overrideDate" })
    .trim()
    .refine(isCalendarDay, "health:errors.overrideDate"),
});

export const EndOverrideSchema = z.object({
  overrideId: z.string({ required_error: "health:errors.unknown_override" }).min(1).max(40),
});

export type OverrideInput = z.infer<typeof OverrideSchema>;
/** The model editor's choice: "default" (every segment without its own) or a segment id. */
export const DEFAULT_MODEL = "default";
/** Accounts per grade in the editor's preview ("none": no score). */
export type GradeCounts = Record<"red" | "yellow" | "green" | "none", number>;

/**
 * Measures a customer may be shown on their home. Sentiment is never one: it carries the CSM pulse.
 */
export const CUSTOMER_MEASURE_CHOICES = ["adoption", "plan", "skills", "engagement", "community"] as const;
export type CustomerMeasure = (typeof CUSTOMER_MEASURE_CHOICES)[number];

const weight = z.coerce
  .number({ invalid_type_error: "health:models.errors.weightWhole" })
  .int("health:models.errors.weightWhole")
  .min(0, "health:models.errors.weightNegative")
  .max(100, "health:models.errors.weightWhole");
const threshold = z.coerce
  .number({ invalid_type_error: "health:models.errors.thresholdWhole" })
  .int("health:models.errors.thresholdWhole")
  .min(1, "health:models.errors.thresholdRange")
  .max(100, "health:models.errors.thresholdRange");
const required = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

/** A draft model from the editor: six whole weights summing to 100 and 0 < red < green ≤ 100. */
export const ModelDraftSchema = z
  .object({
    /** "default" or a segment id. */
    segment: z.string().min(1).max(40),
    weights: z.object({
      adoption: required(weight),
      plan: required(weight),
      skills: required(weight),
      sentiment: required(weight),
      engagement: required(weight),
      community: required(weight),
    }),
    redBelow: required(threshold),
    greenFrom: required(threshold),
    customerMeasures: z
      .preprocess(
        (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
        z.array(z.enum(CUSTOMER_MEASURE_CHOICES, { errorMap: () => ({ message: "field.invalid" }) })).max(5),
      )
      .transform((list) => [...new Set(list)]),
  })
  .superRefine((draft, ctx) => {
    const sum = Object.values(draft.weights).reduce((total, value) => total + value, 0);
    if (sum !== 100) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["weights"], message: "health:models.errors.weightsSum" });
    }
    if (draft.redBelow >= draft.greenFrom) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["greenFrom"], message: "health:models.errors.overlap" });
    }
  });
export type ModelDraft = z.infer<typeof ModelDraftSchema>;
