import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import { milestones, tasks } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { findPlan, isOtherAccount } from "./edit-support.server";
import { type MoveTarget, MoveTargetSchema, reorder, targetIndex } from "./ordering";
import { type EditResult, editFail, editInvalid } from "./plan-edit-rules";
import { canOnPlan } from "./plan-permissions";
import { taskDetails } from "./task-actions.server";

/** Where the moved item is now, among what the mover sees (1-based), for the announcement. */
export type MoveResult = EditResult<{ title: string; position: number; of: number }>;

/** Writes positions 0…n-1 in the given order, in one statement (only rows whose position changes). */
async function renumber(
  tx: Transaction,
  table: typeof tasks | typeof milestones,
  accountId: string,
  order: readonly string[],
  current: ReadonlyMap<string, number>,
) {
  const changed = order.flatMap((id, position) => (current.get(id) === position ? [] : [{ id, position }]));
  if (changed.length === 0) return;
  const values = sql.join(
    changed.map(({ id, position }) => sql`(${id}::text, ${position}::int)`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${table} set position = v.position from (values ${values}) as v(id, position)
        where ${table.id} = v.id and ${table.accountId} = ${accountId}`,
  );
}

/**
 * Moves a task up, down or to an index among its milestone's tasks as the mover sees them (a
 * customer never sees internal tasks; those keep their places), and renumbers the milestone's
 * tasks without gaps. "task.move" is asked of the task: planners move any task, a champion the
 * customer-side ones. A given `expectedVersion` must match; the move itself changes no version (an
 * order is not an edit a form could lose). Concurrent moves in one milestone take turns on the
 * milestone's row. Logs "task.moved" with the old and new place (1-based); a move that changes
 * nothing writes nothing.
 */
export async function moveTask(
  actor: Actor,
  accountId: string,
  input: { taskId: string; expectedVersion?: number } & MoveTarget,
): Promise<MoveResult> {
  const target = MoveTargetSchema.safeParse(input);
  if (!target.success) return editInvalid({ toIndex: "move.invalid" });
  return db.transaction(async (tx): Promise<MoveResult> => {
    if (isOtherAccount(actor, accountId)) return editFail("not_found");
    const hidesInternal = actor.kind === "customer";
    const [task] = await tx
      .select({
        id: tasks.id,
        planId: tasks.planId,
        milestoneId: tasks.milestoneId,
        title: tasks.title,
        side: tasks.side,
        assigneeId: tasks.assigneeId,
        internal: tasks.internal,
        version: tasks.version,
      })
      .from(tasks)
      .where(
        and(
          eq(tasks.id, input.taskId),
          eq(tasks.accountId, accountId),
          hidesInternal ? eq(tasks.internal, false) : undefined,
        ),
      );
    if (!task) return editFail("not_found");
    if (!canOnPlan(actor, "task.move", { accountId, task })) return editFail("forbidden");
    if (input.expectedVersion !== undefined && input.expectedVersion !== task.version) return editFail("stale");

    // The milestone's row is the turn-taking lock for its tasks' order.
    await tx
      .select({ id: milestones.id })
      .from(milestones)
      .where(and(eq(milestones.id, task.milestoneId), eq(milestones.accountId, accountId)))
      .for("update");
    const siblings = await tx
      .select({ id: tasks.id, position: tasks.position, internal: tasks.internal })
      .from(tasks)
      .where(and(eq(tasks.milestoneId, task.milestoneId), eq(tasks.accountId, accountId)))
      .orderBy(asc(tasks.position), asc(tasks.createdAt), asc(tasks.id));
    const hidden = new Set(hidesInternal ? siblings.filter((row) => row.internal).map((row) => row.id) : []);
    const isVisible = (id: string) => !hidden.has(id);
    const visible = siblings.filter((row) => isVisible(row.id));
    const from = visible.findIndex((row) => row.id === task.id);
    const to = targetIndex(from, target.data, visible.length);
    const order = reorder(
      siblings.map((row) => row.id),
      task.id,
      to,
      isVisible,
    );
    const current = new Map(siblings.map((row) => [row.id, row.position]));
    const answer = { ok: true as const, title: task.title, position: to + 1, of: visible.length };
    if (from === to && order.every((id, position) => current.get(id) === position)) return answer;

    await renumber(tx, tasks, accountId, order, current);
    if (from !== to)
      await recordActivity(tx, {
        accountId,
        actorId: actor.id,
        action: "task.moved",
        subjectType: "task",
        subjectId: task.id,
        details: { ...taskDetails(task), milestoneId: task.milestoneId, from: from + 1, to: to + 1 },
      });
    return answer;
  });
}

/**
 * Moves a milestone up, down or to an index among its plan's milestones and renumbers them without
 * gaps; the plan shows its milestones in this order. Planners only ("plan.edit"). Concurrent moves
 * in one plan take turns on the plan's row. Logs "milestone.moved" with the old and new place.
 */
export async function moveMilestone(
  actor: Actor,
  accountId: string,
  input: { milestoneId: string; expectedVersion?: number } & MoveTarget,
): Promise<MoveResult> {
  const target = MoveTargetSchema.safeParse(input);
  if (!target.success) return editInvalid({ toIndex: "move.invalid" });
  return db.transaction(async (tx): Promise<MoveResult> => {
    if (isOtherAccount(actor, accountId)) return editFail("not_found");
    const [milestone] = await tx
      .select({ id: milestones.id, planId: milestones.planId, title: milestones.title, version: milestones.version })
      .from(milestones)
      .where(and(eq(milestones.id, input.milestoneId), eq(milestones.accountId, accountId)));
    if (!milestone) return editFail("not_found");
    if (!canOnPlan(actor, "plan.edit", { accountId })) return editFail("forbidden");
    if (input.expectedVersion !== undefined && input.expectedVersion !== milestone.version) return editFail("stale");
    if (!(await findPlan(tx, actor, accountId, milestone.planId, true))) return editFail("not_found");

    // The plan's display order: position, then (for rows never moved) target date.
    const siblings = await tx
      .select({ id: milestones.id, position: milestones.position })
      .from(milestones)
      .where(and(eq(milestones.planId, milestone.planId), eq(milestones.accountId, accountId)))
      .orderBy(asc(milestones.position), asc(milestones.targetDate), asc(milestones.createdAt), asc(milestones.id));
    const ids = siblings.map((row) => row.id);
    const from = ids.indexOf(milestone.id);
    const to = targetIndex(from, target.data, ids.length);
    const order = reorder(ids, milestone.id, to, () => true);
    const current = new Map(siblings.map((row) => [row.id, row.position]));
    const answer = { ok: true as const, title: milestone.title, position: to + 1, of: ids.length };
    if (from === to && order.every((id, position) => current.get(id) === position)) return answer;

    await renumber(tx, milestones, accountId, order, current);
    if (from !== to)
      await recordActivity(tx, {
        accountId,
        actorId: actor.id,
        action: "milestone.moved",
        subjectType: "milestone",
        subjectId: milestone.id,
        details: { planId: milestone.planId, title: milestone.title, from: from + 1, to: to + 1 },
      });
    return answer;
  });
}
