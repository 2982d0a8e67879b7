import { requestHealthRecompute } from "~/domain/health/triggers.server";
import { and, eq } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import { comments, milestones, plans, tasks } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { type FieldErrorCodes, zodFieldErrors } from "~/lib/forms";
import { newId } from "~/lib/ids.server";
import { findPerson, isOtherAccount, nameOf, nextPosition } from "./edit-support.server";
import {
  type EditResult,
  type TaskInput,
  TaskInputSchema,
  changesOf,
  dateErrors,
  editFail,
  editInvalid,
  hasErrors,
} from "./plan-edit-rules";
import { notifyTaskAssigned } from "./plan-notices.server";
import { type PlanTaskRef, canOnPlan } from "./plan-permissions";
import { lockTask, taskDetails, writeTaskVersion } from "./task-actions.server";

const FIELDS = ["title", "notes", "side", "assigneeId", "dueDate", "internal"] as const;

/**
 * Parses the input and checks what needs the database: the due date not before the plan's start
 * and, when the assignee is new or the task changes side, an assignee of the task's side ("task.assign"
 * with the task as it would be: a CSM/admin for vendor tasks, an active person of this account for
 * customer tasks). An unknown id and another account's person get the same answer.
 */
async function validate(
  tx: Transaction,
  actor: Actor,
  accountId: string,
  startDate: string,
  input: TaskInput,
  before?: PlanTaskRef,
) {
  const parsed = TaskInputSchema.safeParse(input);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error) };
  const task = parsed.data;
  const errors: FieldErrorCodes = dateErrors(startDate, { dueDate: task.dueDate });
  const assigneeChecked =
    task.assigneeId !== null && (task.assigneeId !== before?.assigneeId || task.side !== before.side);
  if (assigneeChecked) {
    const assignee = await findPerson(tx, task.assigneeId!);
    const ref = { side: task.side, internal: task.internal, assigneeId: before?.assigneeId ?? null };
    if (!assignee || !canOnPlan(actor, "task.assign", { accountId, task: ref, assignee }))
      errors.assigneeId = "assignee.invalid";
  }
  return hasErrors(errors) ? { errors } : { data: task };
}

/**
 * Adds a task at the end of a milestone's tasks. Planners add any task; a champion adds
 * customer-side tasks only, never vendor or internal ones ("task.create"). Logs "task.created".
 */
export async function addTask(
  actor: Actor,
  accountId: string,
  milestoneId: string,
  input: TaskInput,
): Promise<EditResult<{ id: string }>> {
  return db.transaction(async (tx): Promise<EditResult<{ id: string }>> => {
    if (isOtherAccount(actor, accountId)) return editFail("not_found");
    // A share lock keeps the milestone from being deleted under the new task.
    const [milestone] = await tx
      .select({ id: milestones.id, planId: milestones.planId, startDate: plans.startDate })
      .from(milestones)
      .innerJoin(plans, eq(plans.id, milestones.planId))
      .where(and(eq(milestones.id, milestoneId), eq(milestones.accountId, accountId)))
      .for("share", { of: milestones });
    if (!milestone) return editFail("not_found");
    const mayAddAny = (["customer", "vendor"] as const).some((side) =>
      canOnPlan(actor, "task.create", { accountId, side, internal: false }),
    );
    if (!mayAddAny) return editFail("forbidden");
    const checked = await validate(tx, actor, accountId, milestone.startDate, input);
    if (!checked.data) return editInvalid(checked.errors);
    const task = checked.data;
    if (!canOnPlan(actor, "task.create", { accountId, side: task.side, internal: task.internal }))
      return editFail("forbidden");

    const id = newId();
    const [end] = await tx
      .select({ position: nextPosition(tasks.position) })
      .from(tasks)
      .where(and(eq(tasks.milestoneId, milestone.id), eq(tasks.accountId, accountId)));
    await tx.insert(tasks).values({
      id,
      planId: milestone.planId,
      accountId,
      milestoneId: milestone.id,
      position: end?.position ?? 0,
      ...task,
    });
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "task.created",
      subjectType: "task",
      subjectId: id,
      details: {
        ...taskDetails({ planId: milestone.planId, title: task.title, internal: task.internal }),
        milestoneId: milestone.id,
        side: task.side,
        dueDate: task.dueDate,
        assigneeId: task.assigneeId,
        assigneeName: await nameOf(tx, task.assigneeId),
      },
    });
    await notifyTaskAssigned(tx, actor, accountId, { id, title: task.title }, task.assigneeId);
    await requestHealthRecompute(tx, accountId);
    return { ok: true, id };
  });
}

/**
 * Edits a task's title, notes, side, assignee, due date and internal flag through the one
 * versioned task write, refusing a stale `expectedVersion`. "task.edit" is asked of the task as it
 * is and as it would be, so a champion can neither edit a vendor task nor turn a customer task into
 * one (nor make it internal). Logs "task.updated" with each changed field's old and new value; the
 * entry is internal when the task was or becomes internal.
 */
export async function updateTask(
  actor: Actor,
  accountId: string,
  taskId: string,
  input: TaskInput & { expectedVersion: number },
): Promise<EditResult> {
  return db.transaction(async (tx): Promise<EditResult> => {
    const task = await lockTask(tx, actor, accountId, taskId);
    if (!task) return editFail("not_found");
    const before = { side: task.side, assigneeId: task.assigneeId, internal: task.internal };
    if (!canOnPlan(actor, "task.edit", { accountId, task: before })) return editFail("forbidden");
    const [plan] = await tx
      .select({ startDate: plans.startDate })
      .from(plans)
      .where(and(eq(plans.id, task.planId), eq(plans.accountId, accountId)));
    const checked = await validate(tx, actor, accountId, plan!.startDate, input, before);
    if (!checked.data) return editInvalid(checked.errors);
    const after = checked.data;
    if (
      !canOnPlan(actor, "task.edit", {
        accountId,
        task: { side: after.side, assigneeId: after.assigneeId, internal: after.internal },
      })
    ) {
      return editFail("forbidden");
    }
    if (task.version !== input.expectedVersion) return editFail("stale");

    const changes = changesOf(task, { ...task, ...after }, FIELDS);
    if (Object.keys(changes).length === 0) return { ok: true };
    if (!(await writeTaskVersion(tx, accountId, task, { ...after, updatedAt: new Date() }))) return editFail("stale");
    const assignee = changes.assigneeId
      ? { assigneeName: { from: await nameOf(tx, task.assigneeId), to: await nameOf(tx, after.assigneeId) } }
      : {};
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "task.updated",
      subjectType: "task",
      subjectId: task.id,
      details: {
        ...taskDetails({ planId: task.planId, title: after.title, internal: task.internal || after.internal }),
        changes,
        ...assignee,
      },
    });
    if (changes.assigneeId)
      await notifyTaskAssigned(tx, actor, accountId, { id: task.id, title: after.title }, after.assigneeId);
    await requestHealthRecompute(tx, accountId);
    return { ok: true };
  });
}

/** Deletes a task and the comments on it ("task.delete": as editing it), refusing a stale `expectedVersion`. Logs "task.deleted". */
export async function deleteTask(
  actor: Actor,
  accountId: string,
  taskId: string,
  input: { expectedVersion: number },
): Promise<EditResult> {
  return db.transaction(async (tx): Promise<EditResult> => {
    const task = await lockTask(tx, actor, accountId, taskId);
    if (!task) return editFail("not_found");
    if (!canOnPlan(actor, "task.delete", { accountId, task })) return editFail("forbidden");
    if (task.version !== input.expectedVersion) return editFail("stale");

    await tx
      .delete(comments)
      .where(and(eq(comments.accountId, accountId), eq(comments.subjectType, "task"), eq(comments.subjectId, task.id)));
    await tx.delete(tasks).where(and(eq(tasks.id, task.id), eq(tasks.accountId, accountId)));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "task.deleted",
      subjectType: "task",
      subjectId: task.id,
      details: { ...taskDetails(task), milestoneId: task.milestoneId },
    });
    await requestHealthRecompute(tx, accountId);
    return { ok: true };
  });
}
