import { z } from "zod";
import { calendarDate } from "~/lib/dates";
import { textField, versionField } from "~/lib/forms";

/**
 * What staff enter about an opportunity (the new-opportunity form and the details form). Pure, so
 * the page can share its limits; whether the owner and advocate exist is the save's to check.
 */
/** Beyond this, notes belong in a document linked from them. */
export const OPPORTUNITY_NOTES_MAX = 5000;

export const OpportunityDetailsSchema = z.object({
  ownerId: textField({ max: 40, tooLong: "advocacy.ownerInvalid" }),
  dueDate: calendarDate({ invalid: "advocacy.dateInvalid", required: false }),
  notes: textField({ max: OPPORTUNITY_NOTES_MAX, tooLong: "advocacy.notesTooLong" }),
  /** Only while nobody has been asked ("identified"); absent: unchanged, "": no one yet. */
  advocateId: z.string().trim().max(40, "advocacy.advocateNotInAccount").optional(),
  version: versionField(),
});
export type OpportunityDetails = z.infer<typeof OpportunityDetailsSchema>;
