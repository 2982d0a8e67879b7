import { z } from "zod";
import { textField } from "~/lib/forms";
import { calendarDate } from "~/lib/dates";
import { CURRENCIES } from "./currencies";
import { CHURN_REASONS, LEDGER_KINDS, MAX_ARR } from "./ledger";
import { FORECAST_CALLS, RENEWAL_OUTCOMES } from "./forecast";

const NOTE_MAX = 1000;

const day = (message: string) => calendarDate({ invalid: message });

/** A money amount typed by a person: "12,000" and "12000.50" alike; never negative. */
const amount = (required: boolean) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.trim().replace(/[,\s_]/g, "") : value),
    z
      .string({ required_error: "revenue:errors.amountInvalid" })
      .regex(/^-?\d+(\.\d{1,2})?$/, "revenue:errors.amountInvalid")
      .transform(Number)
      .refine((n) => n >= 0, "revenue:errors.amountNegative")
      .refine((n) => n <= MAX_ARR, "revenue:errors.too_large")
      .refine((n) => !required || n > 0, "revenue:errors.amount_required"),
  );

const accountId = z
  .string({ required_error: "revenue:errors.wrongAccount" })
  .min(1, "revenue:errors.wrongAccount")
  .max(40);

export const SubscriptionSchema = z
  .object({
    accountId,
    planName: textField({ max: 120 }),
    currency: z
      .string({ required_error: "revenue:errors.currency" })
      .trim()
      .toUpperCase()
      .pipe(z.enum(CURRENCIES, { errorMap: () => ({ message: "revenue:errors.currency" }) })),
    termMonths: z.coerce
      .number({ invalid_type_error: "revenue:errors.term" })
      .int("revenue:errors.term")
      .min(1, "revenue:errors.term")
      .max(120, "revenue:errors.term"),
    startDate: day("revenue:errors.date"),
    renewalDate: day("revenue:errors.date"),
    arr: amount(true),
    note: textField({ max: NOTE_MAX }),
  })
  .refine((input) => input.renewalDate > input.startDate, {
    message: "revenue:errors.renewalBeforeStart",
    path: ["renewalDate"],
  });

export const EntrySchema = z
  .object({
    accountId,
    kind: z.enum(LEDGER_KINDS, { errorMap: () => ({ message: "revenue:errors.kind" }) }),
    effectiveOn: day("revenue:errors.date"),
    amount: z.preprocess((value) => (value === undefined || value === "" ? "0" : value), amount(false)),
    churnReason: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.enum(CHURN_REASONS, { errorMap: () => ({ message: "revenue:errors.churnReason" }) }).optional(),
    ),
    note: textField({ max: NOTE_MAX }),
  })
  .refine((input) => input.kind !== "churn" || input.churnReason !== undefined, {
    message: "revenue:errors.churnReason",
    path: ["churnReason"],
  });

export const ForecastSchema = z.object({
  accountId,
  forecast: z.enum(FORECAST_CALLS, { errorMap: () => ({ message: "revenue:errors.forecast" }) }),
  note: textField({ max: NOTE_MAX }),
  version: z.coerce.number().int().min(1),
});

export const CloseRenewalSchema = z
  .object({
    accountId,
    outcome: z.enum(RENEWAL_OUTCOMES, { errorMap: () => ({ message: "revenue:errors.outcome" }) }),
    newArr: z.preprocess((value) => (value === undefined || value === "" ? "0" : value), amount(false)),
    churnReason: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.enum(CHURN_REASONS, { errorMap: () => ({ message: "revenue:errors.churnReason" }) }).optional(),
    ),
    note: textField({ max: NOTE_MAX }),
    version: z.coerce.number().int().min(1),
  })
  .refine((input) => input.outcome !== "churned" || input.churnReason !== undefined, {
    message: "revenue:errors.churnReason",
    path: ["churnReason"],
  });

export type ForecastInput = z.infer<typeof ForecastSchema>;
export type CloseRenewalInput = z.infer<typeof CloseRenewalSchema>;
export type SubscriptionInput = z.infer<typeof SubscriptionSchema>;
export type EntryInput = z.infer<typeof EntrySchema>;
