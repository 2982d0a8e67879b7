import { and, asc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import { plans, tasks } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";

/**
 * What the training area's plan link does to tasks (a task may require a course of some people),
 * through plans' own functions. Callers pass their transaction and hold the locks taken here.
 */

const lockedColumns = {
  id: tasks.id,
  planId: tasks.planId,
  title: tasks.title,
  status: tasks.status,
  internal: tasks.internal,
  version: tasks.version,
};

export type TrainingTask = {
  id: string;
  planId: string;
  title: string;
  status: string;
  internal: boolean;
  version: number;
};

/** Locks the account's open tasks among `taskIds` that require `courseSlug`, in id order. */
export async function lockOpenCourseTasks(
  tx: Transaction,
  accountId: string,
  courseSlug: string,
  taskIds: readonly string[],
): Promise<TrainingTask[]> {
  if (taskIds.length === 0) return [];
  return tx
    .select(lockedColumns)
    .from(tasks)
    .where(
      and(
        inArray(tasks.id, [...taskIds]),
        eq(tasks.accountId, accountId),
        eq(tasks.courseSlug, courseSlug),
        ne(tasks.status, "done"),
      ),
    )
    .orderBy(asc(tasks.id))
    .for("update");
}

/** Locks one task of the account, or null. */
export async function lockTaskForTraining(
  tx: Transaction,
  accountId: string,
  taskId: string,
): Promise<TrainingTask | null> {
  const [task] = await tx
    .select(lockedColumns)
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.accountId, accountId)))
    .for("update");
  return task ?? null;
}

/** Sets (or clears) the course a locked task requires, as a new version of it. */
export async function setTaskCourse(tx: Transaction, task: TrainingTask, courseSlug: string | null, now: Date) {
  await tx
    .update(tasks)
    .set({ courseSlug, version: task.version + 1, updatedAt: now })
    .where(eq(tasks.id, task.id));
}

/** Completes a locked task whose trainees have all finished its course (no person completed it). */
export async function completeTaskByTraining(tx: Transaction, task: TrainingTask, now: Date) {
  await tx
    .update(tasks)
    .set({
      status: "done",
      blockedReason: null,
      completedAt: now,
      completedById: null,
      updatedAt: now,
      version: task.version + 1,
    })
    .where(eq(tasks.id, task.id));
}

/** A task's training fields for its training page; customers never see internal tasks. */
export async function getTaskForTraining(actor: Actor, accountId: string, taskId: string) {
  const [task] = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      status: tasks.status,
      version: tasks.version,
      courseSlug: tasks.courseSlug,
      dueDate: tasks.dueDate,
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.id, taskId),
        eq(tasks.accountId, accountId),
        actor.kind === "customer" ? eq(tasks.internal, false) : undefined,
      ),
    );
  return task ?? null;
}

/** The open tasks among `taskIds` that require a course, with their course and due date (the digest's training). */
export async function openCourseTasksByIds(
  taskIds: readonly string[],
): Promise<{ id: string; courseSlug: string; dueDate: string | null }[]> {
  if (taskIds.length === 0) return [];
  const rows = await db
    .select({ id: tasks.id, courseSlug: tasks.courseSlug, dueDate: tasks.dueDate })
    .from(tasks)
    .where(
      and(
        inArray(tasks.id, [...taskIds]),
        ne(tasks.status, "done"),
        isNotNull(tasks.courseSlug),
        sql`exists (select 1 from ${plans} p where p.id = ${tasks.planId} and p.is_current)`,
      ),
    );
  return rows.map((row) => ({ ...row, courseSlug: row.courseSlug! }));
}
