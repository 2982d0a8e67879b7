import { and, eq } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import { milestones, outcomes, plans } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { type FieldErrorCodes, zodFieldErrors } from "~/lib/forms";
import { newId } from "~/lib/ids.server";
import { findPerson, findPlan, isOtherAccount, nameOf, nextPosition } from "./edit-support.server";
import {
  type EditResult,
  type OutcomeInput,
  OutcomeInputSchema,
  changesOf,
  dateErrors,
  editFail,
  editInvalid,
  hasErrors,
  mayOwnOutcome,
} from "./plan-edit-rules";
import { canOnPlan } from "./plan-permissions";

const FIELDS = ["title", "why", "successCriteria", "ownerId", "targetDate"] as const;

/** Parses the input and checks what needs the database: dates not before the plan's start, a possible owner. */
async function validate(tx: Transaction, accountId: string, startDate: string, input: OutcomeInput) {
  const parsed = OutcomeInputSchema.safeParse(input);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error) };
  const errors: FieldErrorCodes = dateErrors(startDate, { targetDate: parsed.data.targetDate });
  if (parsed.data.ownerId !== null) {
    const owner = await findPerson(tx, parsed.data.ownerId);
    if (!owner || !mayOwnOutcome(owner, accountId)) errors.ownerId = "owner.invalid";
  }
  return hasErrors(errors) ? { errors } : { data: parsed.data };
}

/** Adds an outcome at the end of a plan's outcomes; logs "outcome.created". */
export async function addOutcome(
  actor: Actor,
  accountId: string,
  planId: string,
  input: OutcomeInput,
): Promise<EditResult<{ id: string }>> {
  return db.transaction(async (tx): Promise<EditResult<{ id: string }>> => {
    const plan = await findPlan(tx, actor, accountId, planId);
    if (!plan) return editFail("not_found");
    if (!canOnPlan(actor, "plan.edit", { accountId })) return editFail("forbidden");
    const checked = await validate(tx, accountId, plan.startDate, input);
    if (!checked.data) return editInvalid(checked.errors);

    const id = newId();
    const [end] = await tx
      .select({ position: nextPosition(outcomes.position) })
      .from(outcomes)
      .where(and(eq(outcomes.planId, plan.id), eq(outcomes.accountId, accountId)));
    await tx.insert(outcomes).values({ id, planId: plan.id, accountId, position: end?.position ?? 0, ...checked.data });
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "outcome.created",
      subjectType: "outcome",
      subjectId: id,
      details: {
        planId: plan.id,
        title: checked.data.title,
        targetDate: checked.data.targetDate,
        ownerId: checked.data.ownerId,
      },
    });
    return { ok: true, id };
  });
}

/** The outcome with its plan's start date, locked for the rest of the transaction. */
async function lockOutcome(tx: Transaction, actor: Actor, accountId: string, outcomeId: string) {
  if (isOtherAccount(actor, accountId)) return null;
  const [outcome] = await tx
    .select({
      id: outcomes.id,
      planId: outcomes.planId,
      title: outcomes.title,
      why: outcomes.why,
      successCriteria: outcomes.successCriteria,
      ownerId: outcomes.ownerId,
      targetDate: outcomes.targetDate,
      version: outcomes.version,
      startDate: plans.startDate,
    })
    .from(outcomes)
    .innerJoin(plans, eq(plans.id, outcomes.planId))
    .where(and(eq(outcomes.id, outcomeId), eq(outcomes.accountId, accountId)))
    .for("update", { of: outcomes });
  return outcome ?? null;
}

/** Edits an outcome, refusing a stale `expectedVersion`; logs "outcome.updated" with each changed field's old and new value. */
export async function updateOutcome(
  actor: Actor,
  accountId: string,
  outcomeId: string,
  input: OutcomeInput & { expectedVersion: number },
): Promise<EditResult> {
  return db.transaction(async (tx): Promise<EditResult> => {
    const outcome = await lockOutcome(tx, actor, accountId, outcomeId);
    if (!outcome) return editFail("not_found");
    if (!canOnPlan(actor, "plan.edit", { accountId })) return editFail("forbidden");
    const checked = await validate(tx, accountId, outcome.startDate, input);
    if (!checked.data) return editInvalid(checked.errors);
    if (outcome.version !== input.expectedVersion) return editFail("stale");

    const changes = changesOf(outcome, { ...outcome, ...checked.data }, FIELDS);
    if (Object.keys(changes).length === 0) return { ok: true };
    await tx
      .update(outcomes)
      .set({ ...checked.data, version: outcome.version + 1 })
      .where(
        and(eq(outcomes.id, outcome.id), eq(outcomes.accountId, accountId), eq(outcomes.version, outcome.version)),
      );
    const owner = changes.ownerId
      ? { ownerName: { from: await nameOf(tx, outcome.ownerId), to: await nameOf(tx, checked.data.ownerId) } }
      : {};
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "outcome.updated",
      subjectType: "outcome",
      subjectId: outcome.id,
      details: { planId: outcome.planId, title: checked.data.title, changes, ...owner },
    });
    return { ok: true };
  });
}

/** Deletes an outcome, refusing a stale `expectedVersion`. Milestones linked to it stay, unlinked (the foreign key sets null). */
export async function deleteOutcome(
  actor: Actor,
  accountId: string,
  outcomeId: string,
  input: { expectedVersion: number },
): Promise<EditResult> {
  if (isOtherAccount(actor, accountId)) return editFail("not_found");
  return db.transaction(async (tx): Promise<EditResult> => {
    // Linked milestones are locked before the outcome, the order a milestone edit takes them in
    // (its row, then the outcome it links to), so the two can't deadlock.
    const linked = await tx
      .select({ id: milestones.id })
      .from(milestones)
      .where(and(eq(milestones.outcomeId, outcomeId), eq(milestones.accountId, accountId)))
      .for("update");
    const outcome = await lockOutcome(tx, actor, accountId, outcomeId);
    if (!outcome) return editFail("not_found");
    if (!canOnPlan(actor, "plan.edit", { accountId })) return editFail("forbidden");
    if (outcome.version !== input.expectedVersion) return editFail("stale");

    await tx.delete(outcomes).where(and(eq(outcomes.id, outcome.id), eq(outcomes.accountId, accountId)));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "outcome.deleted",
      subjectType: "outcome",
      subjectId: outcome.id,
      details: { planId: outcome.planId, title: outcome.title, unlinkedMilestones: linked.length },
    });
    return { ok: true };
  });
}
