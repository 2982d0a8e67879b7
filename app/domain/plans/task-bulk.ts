import { z } from "zod";
import { calendarDate, isCalendarDate } from "~/lib/dates";

/**
 * Editing several tasks at once, the pure half: what a bulk edit may ask and how the plan page's
 * bulk bar posts it. Message codes are keys under `plans:bulk.errors`.
 */

/** The most tasks one bulk edit takes: a plan page's selection, bounded like every list. */
export const BULK_MAX = 100;

/** As `BLOCKED_REASON_MAX` of the single status change (which the bulk edit goes through too). */
const REASON_MAX = 500;

const STATUSES = ["todo", "in_progress", "blocked", "done"] as const;

/**
 * What the domain function takes. Each field left out is kept as it is: `assigneeId` null
 * unassigns, `dueDate` null clears the date. Each task carries the version the person was shown.
 */
export const BulkEditSchema = z
  .object({
    tasks: z
      .array(z.object({ id: z.string().min(1).max(40), version: z.number().int().min(1) }), {
        invalid_type_error: "none",
      })
      .min(1, "none")
      .max(BULK_MAX, "tooMany")
      .refine((list) => new Set(list.map((task) => task.id)).size === list.length, "duplicate"),
    assigneeId: z.string().min(1).max(40).nullable().optional(),
    dueDate: z.string().refine(isCalendarDate, "dueDate").nullable().optional(),
    status: z.enum(STATUSES).optional(),
    blockedReason: z.string().trim().max(REASON_MAX, "reason").optional(),
  })
  .refine((input) => input.assigneeId !== undefined || input.dueDate !== undefined || input.status !== undefined, {
    message: "nothing",
  })
  .refine((input) => input.status !== "blocked" || (input.blockedReason ?? "").length > 0, {
    message: "reason",
    path: ["blockedReason"],
  });
export type BulkEditInput = z.input<typeof BulkEditSchema>;

/** A selected task as the bar posts it: "<id>:<version>". */
const selected = z
  .string()
  .max(60)
  .regex(/^[\w-]{1,40}:\d{1,9}$/, "plans:bulk.errors.malformed")
  .transform((value) => {
    const [id, version] = value.split(":");
    return { id: id!, version: Number(version) };
  });

/** Blank: keep. */
const keep = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === "" || value === undefined ? undefined : value), schema.optional());

/**
 * The bulk bar's form: the checked rows (`tasks`, repeated), and what to set — "" keeps a field,
 * the assignee "none" unassigns. Checked here at the edge with the same bound as the domain's.
 */
export const BulkFormSchema = z
  .object({
    intent: z.literal("bulk"),
    tasks: z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(selected).min(1, "plans:bulk.errors.none").max(BULK_MAX, "plans:bulk.errors.tooMany"),
    ),
    assigneeId: keep(z.string().max(40, "plans:bulk.errors.malformed")),
    dueDate: keep(calendarDate({ invalid: "plans:bulk.errors.dueDate" })),
    status: keep(z.enum(STATUSES, { message: "plans:bulk.errors.malformed" })),
    blockedReason: keep(z.string().trim().max(REASON_MAX, "plans:bulk.errors.reason")),
  })
  .refine((form) => form.assigneeId !== undefined || form.dueDate !== undefined || form.status !== undefined, {
    message: "plans:bulk.errors.nothing",
    path: [""],
  })
  .refine((form) => form.status !== "blocked" || (form.blockedReason ?? "").length > 0, {
    message: "plans:bulk.errors.reason",
    path: ["blockedReason"],
  })
  .transform((form): BulkEditInput => ({
    tasks: form.tasks,
    ...(form.assigneeId !== undefined ? { assigneeId: form.assigneeId === "none" ? null : form.assigneeId } : {}),
    ...(form.dueDate !== undefined ? { dueDate: form.dueDate } : {}),
    ...(form.status !== undefined ? { status: form.status } : {}),
    ...(form.blockedReason !== undefined ? { blockedReason: form.blockedReason } : {}),
  }));
