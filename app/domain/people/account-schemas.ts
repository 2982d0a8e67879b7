import { z } from "zod";
import { isId } from "~/lib/ids";
import { HEALTH_GRADE_FILTERS } from "~/domain/health/schemas";
import { MAX_USE_CASE_LENGTH, MAX_USE_CASES, normalizeUseCases } from "./rules";

const IdSchema = z.string().refine(isId, "id.invalid");
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const CurrencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "account.currencyInvalid")
  .refine((code) => {
    try {
      new Intl.NumberFormat("en", { style: "currency", currency: code });
      return true;
    } catch {
      return false;
    }
  }, "account.currencyInvalid");

/** What the customer uses the product for: comma-separated text on the form, a clean list after. */
export const UseCasesSchema = z.preprocess(
  (value) => {
    if (value === undefined || value === null) return [];
    if (typeof value === "string") return normalizeUseCases(value);
    if (Array.isArray(value) && value.every((item) => typeof item === "string")) return normalizeUseCases(value);
    return value;
  },
  z
    .array(z.string())
    .max(MAX_USE_CASES, "account.tooManyUseCases")
    // On the list, not each item: the form shows one message under its one text field.
    .refine((list) => list.every((useCase) => useCase.length <= MAX_USE_CASE_LENGTH), "account.useCaseTooLong"),
);

/** The commercial details of a customer account, as staff enter them. */
export const AccountInputSchema = z.object({
  name: z.string().trim().min(1, "account.nameRequired").max(120, "account.nameTooLong"),
  segmentId: IdSchema,
  industry: z.string().trim().min(1, "account.industryRequired").max(80, "field.tooLong"),
  region: z.string().trim().min(1, "account.regionRequired").max(80, "field.tooLong"),
  licensedSeats: z.coerce
    .number({ invalid_type_error: "account.seatsInvalid" })
    .int("account.seatsInvalid")
    .min(1, "account.seatsInvalid")
    .max(100_000, "account.seatsInvalid"),
  renewalDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "account.renewalInvalid")
    .refine((value) => !Number.isNaN(Date.parse(value)), "account.renewalInvalid"),
  csmId: z.preprocess(blankToUndefined, IdSchema.optional()).transform((value) => value ?? null),
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "account.timeZoneInvalid"),
  currency: z.preprocess((value) => value ?? "USD", CurrencySchema),
  useCases: UseCasesSchema,
  /**
   * The vendor's own id for the customer; telemetry's groupId names the account by it. Blank clears
   * it; absent (a form without the field) leaves it as it is.
   */
  externalId: z.preprocess(blankToNull, z.string().trim().max(100, "account.externalIdInvalid").nullish()),
});
export type AccountInput = z.infer<typeof AccountInputSchema>;

/** Longer searches are cut to this: no company name is longer, and a trigram search stays cheap. */
export const MAX_ACCOUNT_SEARCH_LENGTH = 200;

export const ACCOUNT_SORTS = [
  "renewal_asc",
  "renewal_desc",
  "name",
  "plan_status",
  "active_desc",
  "active_asc",
  "health_worst",
  "health_best",
  "exposure",
] as const;
export const PLAN_STATUS_FILTERS = ["on_track", "at_risk", "stalled", "completed", "none"] as const;
/** Renewal windows: renewal date already passed, or within the next 30 / 90 / 180 days. */
export const RENEWAL_WINDOWS = ["overdue", "30", "90", "180"] as const;

/** The account list's URL: every value that can't be used is dropped (the list shows more), never a 400. */
export const AccountListQuerySchema = z.object({
  q: z
    .preprocess(
      (value) => (typeof value === "string" ? value.trim().slice(0, MAX_ACCOUNT_SEARCH_LENGTH).trim() : value),
      z.preprocess(blankToUndefined, z.string().optional()),
    )
    .catch(undefined),
  segment: z.preprocess(blankToUndefined, IdSchema.optional()).catch(undefined),
  csm: z.preprocess(blankToUndefined, IdSchema.optional()).catch(undefined),
  plan: z.preprocess(blankToUndefined, z.enum(PLAN_STATUS_FILTERS).optional()).catch(undefined),
  renewal: z.preprocess(blankToUndefined, z.enum(RENEWAL_WINDOWS).optional()).catch(undefined),
  grade: z.preprocess(blankToUndefined, z.enum(HEALTH_GRADE_FILTERS).optional()).catch(undefined),
  /** "1": only accounts whose health score dropped HEALTH_DROP_POINTS or more in 30 days. */
  dropped: z
    .preprocess((value) => value === "1" || value === "on" || value === true, z.boolean())
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  sort: z.enum(ACCOUNT_SORTS).catch("renewal_asc"),
});
export type AccountListQuery = z.infer<typeof AccountListQuerySchema>;

/** The field of the account form a refusal of `createAccount`/`updateAccount` is about (others go above the form). */
export const ACCOUNT_ERROR_FIELD: Partial<Record<string, string>> = {
  name_taken: "name",
  external_id_taken: "externalId",
  unknown_segment: "segmentId",
  unknown_csm: "csmId",
  email_taken: "championEmail",
  seats_full: "licensedSeats",
};
