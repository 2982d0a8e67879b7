import { requestHealthRecompute } from "~/domain/health/triggers.server";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import { type TaskStatus, tasks, users } from "~db/schema";
import { latestSubjectEntry, recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { MINUTE_MS } from "~/lib/time";
import { notifyTaskAssigned } from "./plan-notices.server";
import { type AssigneeRef, canOnPlan } from "./plan-permissions";

type TaskActionError = "not_found" | "forbidden" | "stale" | "reason_required" | "invalid_assignee" | "not_undoable";
type TaskActionResult = { ok: true } | { ok: false; error: TaskActionError };
/** A status change's answer: the task's version and title after it, and whether anything changed. */
type TaskStatusResult =
  { ok: true; version: number; title: string; changed: boolean } | { ok: false; error: TaskActionError };

/** How long after marking a task done its "Undo" is offered and accepted. */
export const UNDO_DONE_MS = 15 * MINUTE_MS;

/** Longest reason a blocked task may carry, in characters (after trimming). */
const BLOCKED_REASON_MAX = 500;

const fail = (error: TaskActionError) => ({ ok: false as const, error });

const lockedColumns = {
  id: tasks.id,
  planId: tasks.planId,
  milestoneId: tasks.milestoneId,
  title: tasks.title,
  notes: tasks.notes,
  dueDate: tasks.dueDate,
  side: tasks.side,
  assigneeId: tasks.assigneeId,
  status: tasks.status,
  blockedReason: tasks.blockedReason,
  internal: tasks.internal,
  version: tasks.version,
};

export type LockedTask = {
  [K in keyof typeof lockedColumns]: (typeof tasks.$inferSelect)[K];
};

/**
 * The task, locked for the rest of the transaction, if it exists for this actor: scoped by the
 * account, and internal tasks (and everything of another account) simply don't exist for customers.
 */
export async function lockTask(tx: Transaction, actor: Actor, accountId: string, taskId: string) {
  const [task] = await lockTasks(tx, actor, accountId, [taskId]);
  return task ?? null;
}

/**
 * `lockTask` for several tasks in one query, locked in id order (so two writers of overlapping
 * selections take turns instead of waiting on each other in a circle). Tasks that don't exist for
 * this actor are simply missing from the answer.
 */
export async function lockTasks(
  tx: Transaction,
  actor: Actor,
  accountId: string,
  taskIds: readonly string[],
): Promise<LockedTask[]> {
  if (actor.kind === "customer" && actor.accountId !== accountId) return [];
  if (taskIds.length === 0) return [];
  return tx
    .select(lockedColumns)
    .from(tasks)
    .where(
      and(
        inArray(tasks.id, [...taskIds]),
        eq(tasks.accountId, accountId),
        actor.kind === "customer" ? eq(tasks.internal, false) : undefined,
      ),
    )
    .orderBy(asc(tasks.id))
    .for("update");
}

/** Activity details every task entry carries, so a plan's log can be filtered and internal entries kept from customers. */
export const taskDetails = (task: { planId: string; title: string; internal: boolean }) => ({
  planId: task.planId,
  title: task.title,
  ...(task.internal ? { internal: true } : {}),
});

/**
 * What moving `task` to a status writes and logs, or why the actor may not — the rule of
 * `updateTaskStatus`, shared with the bulk edit so both decide alike. Which permission applies:
 * marking done, reopening a done task, and any status change by the task's own assignee are
 * "task.complete"; any other status change is "task.edit". "blocked" needs a reason (trimmed,
 * 1–500 characters); leaving "blocked" clears it. "done" records who completed it and when;
 * leaving "done" clears both. `unchanged`: nothing to write.
 */
export function statusChange(
  actor: Actor,
  accountId: string,
  task: Pick<LockedTask, "side" | "assigneeId" | "internal" | "status" | "blockedReason">,
  input: { status: TaskStatus; blockedReason?: string | null },
  now: Date,
):
  | { ok: false; error: "forbidden" | "reason_required" }
  | {
      ok: true;
      unchanged: boolean;
      values: Partial<typeof tasks.$inferInsert>;
      details: { from: TaskStatus; to: TaskStatus; blockedReason?: { from: string | null; to: string | null } };
    } {
  const completes = input.status === "done" || task.status === "done" || task.assigneeId === actor.id;
  const ref = { side: task.side, assigneeId: task.assigneeId, internal: task.internal };
  if (!canOnPlan(actor, completes ? "task.complete" : "task.edit", { accountId, task: ref }))
    return { ok: false, error: "forbidden" };
  let blockedReason: string | null = null;
  if (input.status === "blocked") {
    blockedReason = input.blockedReason?.trim() ?? "";
    if (blockedReason.length === 0 || blockedReason.length > BLOCKED_REASON_MAX)
      return { ok: false, error: "reason_required" };
  }
  const completion =
    input.status === "done"
      ? { completedAt: now, completedById: actor.id }
      : { completedAt: null, completedById: null };
  return {
    ok: true,
    unchanged: task.status === input.status && task.blockedReason === blockedReason,
    values: { status: input.status, blockedReason, ...completion, updatedAt: now },
    details: {
      from: task.status,
      to: input.status,
      ...(task.blockedReason !== blockedReason
        ? { blockedReason: { from: task.blockedReason, to: blockedReason } }
        : {}),
    },
  };
}

/**
 * Moves a task to another status, refusing a stale `expectedVersion`.
 *
 * Which permission applies: marking done, reopening a done task, and any status change by the
 * task's own assignee are "task.complete" (a member works through their own task: start it, say
 * it is blocked, finish it); any other status change is editing the task ("task.edit": the CSM,
 * or the champion on customer tasks).
 *
 * "blocked" needs a reason (trimmed, 1–500 characters); leaving "blocked" clears it. "done"
 * records who completed it and when; leaving "done" clears both. A request that changes nothing
 * succeeds without a write (and without bumping the version).
 */
export async function updateTaskStatus(
  actor: Actor,
  accountId: string,
  taskId: string,
  input: { status: TaskStatus; blockedReason?: string | null; expectedVersion: number },
): Promise<TaskActionResult> {
  const result = await changeTaskStatus(actor, accountId, taskId, input);
  return result.ok ? { ok: true } : result;
}

/**
 * "Mark done" (updateTaskStatus to "done"), answering the task's version and title after it and
 * whether it changed anything, for a page that offers to undo it (undoTaskDone).
 */
export function markTaskDone(
  actor: Actor,
  accountId: string,
  taskId: string,
  input: { expectedVersion: number },
): Promise<TaskStatusResult> {
  return changeTaskStatus(actor, accountId, taskId, { status: "done", expectedVersion: input.expectedVersion });
}

async function changeTaskStatus(
  actor: Actor,
  accountId: string,
  taskId: string,
  input: { status: TaskStatus; blockedReason?: string | null; expectedVersion: number },
): Promise<TaskStatusResult> {
  return db.transaction(async (tx): Promise<TaskStatusResult> => {
    const task = await lockTask(tx, actor, accountId, taskId);
    if (!task) return fail("not_found");
    const change = statusChange(actor, accountId, task, input, new Date());
    if (!change.ok) return fail(change.error);
    if (task.version !== input.expectedVersion) return fail("stale");
    if (change.unchanged) return { ok: true, version: task.version, title: task.title, changed: false };

    if (!(await writeTaskVersion(tx, accountId, task, change.values))) return fail("stale");
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "task.status_changed",
      subjectType: "task",
      subjectId: task.id,
      details: { ...taskDetails(task), ...change.details },
    });
    await requestHealthRecompute(tx, accountId);
    return { ok: true, version: task.version + 1, title: task.title, changed: true };
  });
}

const OPEN_STATUSES: readonly TaskStatus[] = ["todo", "in_progress", "blocked"];

/**
 * Takes back one's own "Mark done": the task returns to the status (and blocked reason) it had
 * before, as that change's activity entry recorded it, and the undo is recorded like any status
 * change (with `undo: true`). Only the person who marked it done, within UNDO_DONE_MS, and only
 * while nothing else has changed the task since — `expectedVersion` is the version the done left
 * it at, so any later change makes the undo stale. Reopening a done task is "task.complete" under
 * the plan rules (a member: only their own task), asked again now.
 */
export async function undoTaskDone(
  actor: Actor,
  accountId: string,
  taskId: string,
  input: { expectedVersion: number },
  now: Date = new Date(),
): Promise<TaskStatusResult> {
  return db.transaction(async (tx): Promise<TaskStatusResult> => {
    const task = await lockTask(tx, actor, accountId, taskId);
    if (!task) return fail("not_found");
    const ref = { side: task.side, assigneeId: task.assigneeId, internal: task.internal };
    if (!canOnPlan(actor, "task.complete", { accountId, task: ref })) return fail("forbidden");
    if (task.version !== input.expectedVersion) return fail("stale");

    const [completion] = await tx
      .select({ completedAt: tasks.completedAt, completedById: tasks.completedById })
      .from(tasks)
      .where(and(eq(tasks.id, task.id), eq(tasks.accountId, accountId)));
    const since = new Date(now.getTime() - UNDO_DONE_MS);
    if (
      task.status !== "done" ||
      completion?.completedById !== actor.id ||
      !completion.completedAt ||
      completion.completedAt < since
    )
      return fail("not_undoable");

    // The change that marked it done: the newest status change, by this person, to "done".
    const entry = await latestSubjectEntry(tx, {
      accountId,
      subjectType: "task",
      subjectId: task.id,
      action: "task.status_changed",
      since: new Date(since.getTime() - MINUTE_MS),
    });
    const details = (entry?.details ?? {}) as {
      from?: unknown;
      to?: unknown;
      blockedReason?: { from?: unknown };
    };
    const previous = OPEN_STATUSES.find((status) => status === details.from);
    if (!entry || entry.actorId !== actor.id || details.to !== "done" || !previous) return fail("not_undoable");
    const blockedReason =
      previous === "blocked" && typeof details.blockedReason?.from === "string" ? details.blockedReason.from : null;
    if (previous === "blocked" && blockedReason === null) return fail("not_undoable");

    if (
      !(await writeTaskVersion(tx, accountId, task, {
        status: previous,
        blockedReason,
        completedAt: null,
        completedById: null,
        updatedAt: now,
      }))
    ) {
      return fail("stale");
    }
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "task.status_changed",
      subjectType: "task",
      subjectId: task.id,
      details: {
        ...taskDetails(task),
        from: "done",
        to: previous,
        undo: true,
        ...(blockedReason !== null ? { blockedReason: { from: null, to: blockedReason } } : {}),
      },
    });
    await requestHealthRecompute(tx, accountId);
    return { ok: true, version: task.version + 1, title: task.title, changed: true };
  });
}

/**
 * Gives a task to someone (or to no one), refusing a stale `expectedVersion`. Who may assign is
 * "task.assign"; whom to is an active person of the task's side — a CSM or admin for vendor tasks,
 * a person of this account for customer tasks. Anyone else, or an id that matches no one, is an
 * invalid assignee (the same answer either way, so it tells nothing about other accounts).
 */
export async function assignTask(
  actor: Actor,
  accountId: string,
  taskId: string,
  input: { assigneeId: string | null; expectedVersion: number },
): Promise<TaskActionResult> {
  return db.transaction(async (tx): Promise<TaskActionResult> => {
    const task = await lockTask(tx, actor, accountId, taskId);
    if (!task) return fail("not_found");
    const ref = { side: task.side, assigneeId: task.assigneeId, internal: task.internal };
    // Asking with no assignee separates "may not assign this task" from "may not give it to that person".
    if (!canOnPlan(actor, "task.assign", { accountId, task: ref, assignee: null })) return fail("forbidden");

    let assignee: (AssigneeRef & { id: string; name: string }) | null = null;
    if (input.assigneeId !== null) {
      const [person] = await tx
        .select({
          id: users.id,
          name: users.name,
          staffRole: users.staffRole,
          accountId: users.accountId,
          deactivatedAt: users.deactivatedAt,
        })
        .from(users)
        .where(eq(users.id, input.assigneeId));
      if (!person) return fail("invalid_assignee");
      assignee = {
        id: person.id,
        name: person.name,
        staffRole: person.staffRole,
        accountId: person.accountId,
        active: person.deactivatedAt === null,
      };
      if (!canOnPlan(actor, "task.assign", { accountId, task: ref, assignee })) return fail("invalid_assignee");
    }
    if (task.version !== input.expectedVersion) return fail("stale");
    if (task.assigneeId === input.assigneeId) return { ok: true };

    const [previous] = task.assigneeId
      ? await tx.select({ name: users.name }).from(users).where(eq(users.id, task.assigneeId))
      : [];
    if (!(await writeTaskVersion(tx, accountId, task, { assigneeId: input.assigneeId, updatedAt: new Date() })))
      return fail("stale");
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "task.assigned",
      subjectType: "task",
      subjectId: task.id,
      details: {
        ...taskDetails(task),
        from: task.assigneeId,
        to: input.assigneeId,
        fromName: previous?.name ?? null,
        toName: assignee?.name ?? null,
      },
    });
    await notifyTaskAssigned(tx, actor, accountId, task, input.assigneeId);
    return { ok: true };
  });
}

/**
 * Writes a change only if the task is still at the version that was read, bumping it. The row is
 * locked when read, so this refuses nothing in practice; the version in the WHERE clause keeps a
 * stale write out even if a caller forgets the lock.
 */
export async function writeTaskVersion(
  tx: Transaction,
  accountId: string,
  task: { id: string; version: number },
  values: Partial<typeof tasks.$inferInsert>,
): Promise<boolean> {
  const updated = await tx
    .update(tasks)
    .set({ ...values, version: task.version + 1 })
    .where(and(eq(tasks.id, task.id), eq(tasks.accountId, accountId), eq(tasks.version, task.version)))
    .returning({ id: tasks.id });
  return updated.length > 0;
}
