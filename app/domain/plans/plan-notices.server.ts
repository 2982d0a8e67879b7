import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "~db/client.server";
import { type TaskSide, accounts, tasks, users } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { notifyInApp } from "~/domain/inbox/items.server";

/*
 * The bell's items from plans, written in the change's transaction: a task given to someone, a
 * comment on their task, a milestone waiting for the other side's sign-off. The actor is never
 * told about their own action (notifyInApp drops them).
 */

const taskHref = (accountId: string, taskId: string) => `/accounts/${accountId}/tasks/${taskId}`;

export async function notifyTaskAssigned(
  tx: Transaction,
  actor: Actor,
  accountId: string,
  task: { id: string; title: string },
  assigneeId: string | null,
) {
  if (!assigneeId) return;
  await notifyInApp(tx, actor.id, [
    {
      accountId,
      userId: assigneeId,
      kind: "task_assigned",
      params: { who: actor.name, title: task.title },
      href: taskHref(accountId, task.id),
    },
  ]);
}

/** A comment on a task tells its assignee (an internal comment only when the assignee is staff). */
export async function notifyTaskComment(
  tx: Transaction,
  actor: Actor,
  accountId: string,
  taskId: string,
  internal: boolean,
) {
  const [task] = await tx
    .select({ title: tasks.title, assigneeId: tasks.assigneeId, staffRole: users.staffRole })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(eq(tasks.id, taskId), eq(tasks.accountId, accountId)));
  if (!task?.assigneeId || (internal && task.staffRole === null)) return;
  await notifyInApp(tx, actor.id, [
    {
      accountId,
      userId: task.assigneeId,
      kind: "task_comment",
      params: { who: actor.name, title: task.title },
      href: taskHref(accountId, taskId),
    },
  ]);
}

/**
 * One side signed a milestone off and the other hasn't: the account's CSM (vendor side) or its
 * active champions (customer side) are told it waits for them.
 */
export async function notifySignOffWaiting(
  tx: Transaction,
  actor: Actor,
  accountId: string,
  milestone: { id: string; title: string },
  waitingSide: TaskSide,
) {
  const people =
    waitingSide === "vendor"
      ? await tx
          .select({ id: users.id })
          .from(accounts)
          .innerJoin(users, and(eq(users.id, accounts.csmId), isNull(users.deactivatedAt)))
          .where(eq(accounts.id, accountId))
      : await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.accountId, accountId), eq(users.accountRole, "champion"), isNull(users.deactivatedAt)))
          .limit(20);
  await notifyInApp(
    tx,
    actor.id,
    people.map((person) => ({
      accountId,
      userId: person.id,
      kind: "signoff_waiting" as const,
      params: { title: milestone.title },
      href: `/accounts/${accountId}/plan#milestone-${milestone.id}`,
    })),
  );
}
