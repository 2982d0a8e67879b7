import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "~db/client.server";
import { accounts, opportunities, opportunityTransitions } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { StaffActor } from "~/domain/auth/actor";
import { isActiveMemberOf, peopleChoices } from "~/domain/people/members.server";
import { textField } from "~/lib/forms";
import { newId } from "~/lib/ids.server";
import { ASK_TYPES } from "./ask-rules";
import { isStaffMember } from "./opportunities.server";
import { OpportunityDetailsSchema } from "./opportunity-schemas";

/** An opportunity marketing spots itself: the account, maybe who to ask, what for, who drives it. */
export const NewOpportunitySchema = OpportunityDetailsSchema.omit({ version: true, advocateId: true }).extend({
  accountId: textField({ max: 40, required: "advocacy.accountRequired", tooLong: "advocacy.accountRequired" }),
  advocateId: textField({ max: 40, tooLong: "advocacy.advocateNotInAccount" }),
  askType: z.enum(ASK_TYPES, { message: "advocacy.askTypeRequired" }),
});
export type NewOpportunityInput = z.infer<typeof NewOpportunitySchema>;

/** Which field a refusal belongs next to. */
export type NewOpportunityError = "unknown_account" | "invalid_advocate" | "invalid_owner";
export const NEW_OPPORTUNITY_ERROR_FIELD: Record<NewOpportunityError, string> = {
  unknown_account: "accountId",
  invalid_advocate: "advocateId",
  invalid_owner: "ownerId",
};

/**
 * Opens an opportunity by hand at "identified" (no one is asked yet: that happens when it moves to
 * "asked"). The advocate, if any, must be an active person of that very account; the owner a member
 * of the vendor team. The opportunity, its first transition and the activity entry are one write.
 */
export async function createOpportunity(
  actor: StaffActor,
  input: NewOpportunityInput,
  now = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; error: NewOpportunityError }> {
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, input.accountId));
    if (!account) return { ok: false as const, error: "unknown_account" as const };
    if (input.advocateId && !(await isActiveMemberOf(tx, account.id, input.advocateId)))
      return { ok: false as const, error: "invalid_advocate" as const };
    if (input.ownerId && !(await isStaffMember(tx, input.ownerId)))
      return { ok: false as const, error: "invalid_owner" as const };
    const id = newId();
    await tx.insert(opportunities).values({
      id,
      accountId: account.id,
      advocateId: input.advocateId || null,
      askType: input.askType,
      stage: "identified",
      stageEnteredAt: now,
      ownerId: input.ownerId || null,
      dueDate: input.dueDate || null,
      notes: input.notes,
      createdAt: now,
    });
    await tx.insert(opportunityTransitions).values({
      id: newId(),
      opportunityId: id,
      fromStage: null,
      toStage: "identified",
      actorId: actor.id,
      note: "manual",
      at: now,
    });
    await recordActivity(tx, {
      accountId: account.id,
      actorId: actor.id,
      action: "opportunity.created",
      subjectType: "opportunity",
      subjectId: id,
      details: { askType: input.askType, advocateId: input.advocateId || null, stage: "identified" },
    });
    return { ok: true as const, id };
  });
}

/** Who at the account can be asked: its active people, by name. */
export async function listPossibleAdvocates(accountId: string) {
  return (await peopleChoices(accountId)).people;
}
