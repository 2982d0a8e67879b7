import { and, eq, inArray, or } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import { comments, milestones, outcomes, plans, tasks } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { type FieldErrorCodes, zodFieldErrors } from "~/lib/forms";
import { newId } from "~/lib/ids.server";
import { findPlan, isOtherAccount, nextPosition } from "./edit-support.server";
import {
  type EditResult,
  type MilestoneInput,
  MilestoneInputSchema,
  changesOf,
  dateErrors,
  editFail,
  editInvalid,
  hasErrors,
} from "./plan-edit-rules";
import { canOnPlan } from "./plan-permissions";

/** What an edit may change; the joint sign-off (signers, dates, rating) is never touched here. */
const FIELDS = ["title", "description", "targetDate", "outcomeId"] as const;

/**
 * Parses the input and checks what needs the database: the target date not before the plan's
 * start, and a linked outcome of the same plan (any other id, including another account's, is
 * refused the same way, so the answer tells nothing about it).
 */
async function validate(
  tx: Transaction,
  accountId: string,
  plan: { id: string; startDate: string },
  input: MilestoneInput,
) {
  const parsed = MilestoneInputSchema.safeParse(input);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error) };
  const errors: FieldErrorCodes = dateErrors(plan.startDate, { targetDate: parsed.data.targetDate });
  if (parsed.data.outcomeId !== null) {
    const [outcome] = await tx
      .select({ id: outcomes.id })
      .from(outcomes)
      .where(
        and(eq(outcomes.id, parsed.data.outcomeId), eq(outcomes.accountId, accountId), eq(outcomes.planId, plan.id)),
      )
      // Kept until commit, so the outcome can't be deleted between this check and the link.
      .for("share");
    if (!outcome) errors.outcomeId = "outcome.invalid";
  }
  return hasErrors(errors) ? { errors } : { data: parsed.data };
}

/** Adds a milestone to a plan; logs "milestone.created". */
export async function addMilestone(
  actor: Actor,
  accountId: string,
  planId: string,
  input: MilestoneInput,
): Promise<EditResult<{ id: string }>> {
  return db.transaction(async (tx): Promise<EditResult<{ id: string }>> => {
    const plan = await findPlan(tx, actor, accountId, planId);
    if (!plan) return editFail("not_found");
    if (!canOnPlan(actor, "plan.edit", { accountId })) return editFail("forbidden");
    const checked = await validate(tx, accountId, plan, input);
    if (!checked.data) return editInvalid(checked.errors);

    const id = newId();
    const [end] = await tx
      .select({ position: nextPosition(milestones.position) })
      .from(milestones)
      .where(and(eq(milestones.planId, plan.id), eq(milestones.accountId, accountId)));
    await tx
      .insert(milestones)
      .values({ id, planId: plan.id, accountId, position: end?.position ?? 0, ...checked.data });
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "milestone.created",
      subjectType: "milestone",
      subjectId: id,
      details: {
        planId: plan.id,
        title: checked.data.title,
        targetDate: checked.data.targetDate,
        outcomeId: checked.data.outcomeId,
      },
    });
    return { ok: true, id };
  });
}

/** The milestone with its plan's start date, locked for the rest of the transaction. */
async function lockMilestoneForEdit(tx: Transaction, actor: Actor, accountId: string, milestoneId: string) {
  if (isOtherAccount(actor, accountId)) return null;
  const [milestone] = await tx
    .select({
      id: milestones.id,
      planId: milestones.planId,
      title: milestones.title,
      description: milestones.description,
      targetDate: milestones.targetDate,
      outcomeId: milestones.outcomeId,
      version: milestones.version,
      startDate: plans.startDate,
    })
    .from(milestones)
    .innerJoin(plans, eq(plans.id, milestones.planId))
    .where(and(eq(milestones.id, milestoneId), eq(milestones.accountId, accountId)))
    .for("update", { of: milestones });
  return milestone ?? null;
}

/**
 * Edits a milestone's title, description, target date and linked outcome, refusing a stale
 * `expectedVersion` (a sign-off bumps the version too); logs "milestone.updated" with old → new.
 */
export async function updateMilestone(
  actor: Actor,
  accountId: string,
  milestoneId: string,
  input: MilestoneInput & { expectedVersion: number },
): Promise<EditResult> {
  return db.transaction(async (tx): Promise<EditResult> => {
    const milestone = await lockMilestoneForEdit(tx, actor, accountId, milestoneId);
    if (!milestone) return editFail("not_found");
    if (!canOnPlan(actor, "plan.edit", { accountId })) return editFail("forbidden");
    const checked = await validate(tx, accountId, { id: milestone.planId, startDate: milestone.startDate }, input);
    if (!checked.data) return editInvalid(checked.errors);
    if (milestone.version !== input.expectedVersion) return editFail("stale");

    const changes = changesOf(milestone, { ...milestone, ...checked.data }, FIELDS);
    if (Object.keys(changes).length === 0) return { ok: true };
    const { title, description, targetDate, outcomeId } = checked.data;
    await tx
      .update(milestones)
      .set({ title, description, targetDate, outcomeId, version: milestone.version + 1 })
      .where(
        and(
          eq(milestones.id, milestone.id),
          eq(milestones.accountId, accountId),
          eq(milestones.version, milestone.version),
        ),
      );
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "milestone.updated",
      subjectType: "milestone",
      subjectId: milestone.id,
      details: { planId: milestone.planId, title, changes },
    });
    return { ok: true };
  });
}

/**
 * Deletes a milestone with its tasks and the comments on them, refusing a stale `expectedVersion`.
 * A milestone with tasks is deleted only when the caller confirms how many go with it
 * (`taskCount`): if a task was added since the person was asked, they are asked again.
 */
export async function deleteMilestone(
  actor: Actor,
  accountId: string,
  milestoneId: string,
  input: { expectedVersion: number; taskCount: number },
): Promise<EditResult> {
  return db.transaction(async (tx): Promise<EditResult> => {
    const milestone = await lockMilestoneForEdit(tx, actor, accountId, milestoneId);
    if (!milestone) return editFail("not_found");
    if (!canOnPlan(actor, "plan.edit", { accountId })) return editFail("forbidden");
    if (milestone.version !== input.expectedVersion) return editFail("stale");

    const own = await tx
      .select({ id: tasks.id, internal: tasks.internal })
      .from(tasks)
      .where(and(eq(tasks.milestoneId, milestone.id), eq(tasks.accountId, accountId)));
    if (own.length !== input.taskCount) return editFail("has_tasks");

    const taskIds = own.map((task) => task.id);
    await tx
      .delete(comments)
      .where(
        and(
          eq(comments.accountId, accountId),
          or(
            and(eq(comments.subjectType, "milestone"), eq(comments.subjectId, milestone.id)),
            taskIds.length > 0
              ? and(eq(comments.subjectType, "task"), inArray(comments.subjectId, taskIds))
              : undefined,
          ),
        ),
      );
    // The tasks go with it (ON DELETE CASCADE).
    await tx.delete(milestones).where(and(eq(milestones.id, milestone.id), eq(milestones.accountId, accountId)));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "milestone.deleted",
      subjectType: "milestone",
      subjectId: milestone.id,
      details: {
        planId: milestone.planId,
        title: milestone.title,
        taskCount: own.filter((task) => !task.internal).length,
        internalTaskCount: own.filter((task) => task.internal).length,
      },
    });
    return { ok: true };
  });
}
