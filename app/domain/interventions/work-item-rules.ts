import { z } from "zod";
import { WORK_ITEM_OUTCOMES, WORK_ITEM_PRIORITIES } from "~db/schema/interventions";
import { textField } from "~/lib/forms";
import { isId } from "~/lib/ids";

export { WORK_ITEM_OUTCOMES, WORK_ITEM_PRIORITIES };
export type { WorkItemOutcome, WorkItemPriority } from "~db/schema/interventions";
export const WORK_QUEUE_SCOPES = ["mine", "team"] as const;
export type WorkQueueScope = (typeof WORK_QUEUE_SCOPES)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A work item typed by a CSM on an account's page. */
export const NewWorkItemSchema = z.object({
  reason: textField({ max: 500, required: "interventions:workItems.fields.reasonRequired" }),
  priority: z.enum(WORK_ITEM_PRIORITIES, { message: "interventions:workItems.fields.priorityInvalid" }),
  dueDate: z
    .string()
    .optional()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))), {
      message: "interventions:workItems.fields.dueDateInvalid",
    }),
  assigneeId: z.string().refine((value) => isId(value), "interventions:workItems.fields.assigneeRequired"),
});
export type NewWorkItemInput = z.infer<typeof NewWorkItemSchema>;

/** Closing one: an outcome (resolved, no action needed, escalated) and what was done. */
export const CloseWorkItemSchema = z.object({
  intent: z.literal("close"),
  itemId: z.string().refine((value) => isId(value), "field.invalid"),
  outcome: z.enum(WORK_ITEM_OUTCOMES, { message: "interventions:workItems.fields.outcomeInvalid" }),
  note: textField({ max: 2000 }),
});
export type CloseWorkItemInput = z.infer<typeof CloseWorkItemSchema>;
