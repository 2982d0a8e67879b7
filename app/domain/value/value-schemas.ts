import { z } from "zod";
import { calendarDate } from "~/lib/dates";
import { isId } from "~/lib/ids";

/** Beyond this a figure is a typo, not a business number. */
const MAX_FIGURE = 1_000_000_000_000;

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** A number as typed into a form: digits with an optional sign, decimal point and thousands separators. */
const figure = (code: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.trim().replace(/[,\s_]/g, "") : value),
    z
      .string({ required_error: "field.required" })
      .min(1, "field.required")
      .regex(/^-?\d+(\.\d{1,4})?$/, code)
      .transform(Number)
      .refine((n) => Number.isFinite(n) && Math.abs(n) <= MAX_FIGURE, "value.figureAbsurd"),
  );

/** A value metric's fields as the champion or CSM types them, before the checks across fields. */
export const MetricFieldsSchema = z.object({
  outcomeId: z.string().refine(isId, "value.outcomeUnknown"),
  name: z.string().trim().min(1, "value.nameRequired").max(120, "field.tooLong"),
  unit: z.string().trim().min(1, "value.unitRequired").max(30, "field.tooLong"),
  direction: z.enum(["up", "down"], { errorMap: () => ({ message: "value.directionInvalid" }) }),
  baseline: figure("value.figureInvalid"),
  target: figure("value.figureInvalid"),
  moneyPerUnit: z.preprocess(blankToNull, figure("value.figureInvalid").nullable().default(null)),
  valuePeriod: z.preprocess(
    blankToNull,
    z
      .enum(["week", "month", "quarter", "year"], { errorMap: () => ({ message: "value.periodInvalid" }) })
      .nullable()
      .default(null),
  ),
});
type MetricFields = z.infer<typeof MetricFieldsSchema>;

/** The checks across a metric's fields: a target better than the baseline, money with its period. */
export function checkMetric(metric: MetricFields, ctx: z.RefinementCtx): void {
  const better = metric.direction === "up" ? metric.target > metric.baseline : metric.target < metric.baseline;
  if (!better)
    ctx.addIssue({
      code: "custom",
      path: ["target"],
      message: metric.direction === "up" ? "value.targetNotAbove" : "value.targetNotBelow",
    });
  if (metric.moneyPerUnit !== null && metric.moneyPerUnit < 0)
    ctx.addIssue({ code: "custom", path: ["moneyPerUnit"], message: "value.moneyNegative" });
  if (metric.moneyPerUnit !== null && metric.valuePeriod === null)
    ctx.addIssue({ code: "custom", path: ["valuePeriod"], message: "value.periodRequired" });
}

/** A period means nothing without money per unit. */
export function tidyMetric<Metric extends MetricFields>(metric: Metric): Metric {
  return { ...metric, valuePeriod: metric.moneyPerUnit === null ? null : metric.valuePeriod };
}

/** A value metric as the champion or CSM defines it. */
export const MetricInputSchema = MetricFieldsSchema.superRefine(checkMetric).transform(tidyMetric);
export type MetricInput = z.infer<typeof MetricInputSchema>;

/** One measurement; whether the date is in the future is checked against the account's calendar. */
export const MeasurementInputSchema = z.object({
  measuredOn: calendarDate({ invalid: "value.dateInvalid" }),
  value: figure("value.figureInvalid"),
  note: z.string().trim().max(500, "field.tooLong").default(""),
});
export type MeasurementInput = z.infer<typeof MeasurementInputSchema>;
