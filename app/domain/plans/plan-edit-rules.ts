import { z } from "zod";
import type { FieldErrorCodes } from "~/lib/forms";
import { calendarDate, isCalendarDate } from "~/lib/dates";

/**
 * What a plan's pieces may look like when people edit them: the input schemas shared by the
 * editing functions (which parse whatever they are given) and the forms, the answers they give,
 * and the old → new changes the activity log records. Pure, so it tests without a database.
 * Field error codes are keys under `plans:edit.fields`.
 */

const TITLE_MAX = 200;
const PLAN_NAME_MAX = 120;
const TEXT_MAX = 2000;

const title = z
  .string({ required_error: "title.required" })
  .trim()
  .min(1, "title.required")
  .max(TITLE_MAX, "title.tooLong");
const text = z.string().trim().max(TEXT_MAX, "text.tooLong").default("");
const blankToNull = (value: string) => (value === "" ? null : value);
const optionalDate = calendarDate({ invalid: "date.invalid", required: false });
const requiredDate = z
  .string({ required_error: "date.required" })
  .trim()
  .min(1, "date.required")
  .refine(isCalendarDate, "date.invalid");
const optionalId = z.string().trim().max(40, "id.invalid").default("").transform(blankToNull);
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

/** The version a form was rendered with, sent back so a stale edit is refused. */
export const VersionSchema = z.coerce
  .number({ invalid_type_error: "version.invalid" })
  .int("version.invalid")
  .min(1, "version.invalid");

export const PlanRenameSchema = z.object({
  name: z.string({ required_error: "name.required" }).trim().min(1, "name.required").max(PLAN_NAME_MAX, "name.tooLong"),
});

export const OutcomeInputSchema = z.object({
  title,
  why: text,
  successCriteria: text,
  ownerId: optionalId,
  targetDate: optionalDate,
});

export const MilestoneInputSchema = z.object({
  title,
  description: text,
  targetDate: requiredDate,
  outcomeId: optionalId,
});

export const TaskInputSchema = z
  .object({
    title,
    notes: text,
    side: z.enum(["customer", "vendor"], { errorMap: () => ({ message: "side.invalid" }) }),
    assigneeId: optionalId,
    dueDate: optionalDate,
    internal: checkbox,
  })
  // The database refuses it too (tasks_internal_vendor_only); saying so here puts it next to the field.
  .refine((task) => !task.internal || task.side === "vendor", { path: ["internal"], message: "internal.vendorOnly" });

/** Input as it comes from a form or any caller: the names are known, the values are checked by the schema. */
type Untrusted<T> = { [K in keyof T]?: unknown };
export type PlanRenameInput = Untrusted<z.input<typeof PlanRenameSchema>>;
export type OutcomeInput = Untrusted<z.input<typeof OutcomeInputSchema>>;
export type MilestoneInput = Untrusted<z.input<typeof MilestoneInputSchema>>;
export type TaskInput = Untrusted<z.input<typeof TaskInputSchema>>;

export type EditError = "not_found" | "forbidden" | "stale" | "invalid" | "has_tasks";
export type EditResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: EditError; fieldErrors?: FieldErrorCodes };

/** The HTTP status of each refusal: another account's ids are unknown ids (404); a stale version is a conflict. */
export const EDIT_STATUS: Record<EditError, 400 | 403 | 404 | 409> = {
  not_found: 404,
  forbidden: 403,
  stale: 409,
  invalid: 400,
  has_tasks: 409,
};

export const editFail = (error: Exclude<EditError, "invalid">) => ({ ok: false as const, error });
export const editInvalid = (fieldErrors: FieldErrorCodes) => ({
  ok: false as const,
  error: "invalid" as const,
  fieldErrors,
});

/** Dates of a plan's pieces may not come before the plan starts ("YYYY-MM-DD" compares as text). */
export function dateErrors(startDate: string, dates: Record<string, string | null>): FieldErrorCodes {
  const errors: FieldErrorCodes = {};
  for (const [field, date] of Object.entries(dates))
    if (date !== null && date < startDate) errors[field] = "date.beforeStart";
  return errors;
}

export const hasErrors = (errors: FieldErrorCodes) => Object.values(errors).some(Boolean);

/** The fields that differ between `before` and `after`, as { field: { from, to } }, for the activity log. */
export function changesOf<T extends Record<string, unknown>>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields)
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  return changes;
}

/** Who may own an outcome: an active person of the plan's account, or an active CSM or admin. */
export function mayOwnOutcome(
  person: { staffRole: string | null; accountId: string | null; active: boolean },
  accountId: string,
): boolean {
  if (!person.active) return false;
  if (person.staffRole !== null) return person.staffRole === "csm" || person.staffRole === "admin";
  return person.accountId === accountId;
}
