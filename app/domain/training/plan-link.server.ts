import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import { certificates, lessonProgress, taskTrainees, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import {
  completeTaskByTraining,
  getTaskForTraining,
  lockOpenCourseTasks,
  lockTaskForTraining,
  setTaskCourse,
  type TrainingTask,
} from "~/domain/plans/training-tasks.server";
import type { Locale } from "~/i18n/locales";
import { CONTENT_LOCALE, type CatalogCourse } from "./content-check";
import { courseTitleIn } from "./localize";
import { courseProgress } from "./progress";

/**
 * The plan link: a task may require a course of some people of its account ("Finance team
 * completes 'Reporting basics' by Day 30"). It shows their progress and completes itself, in the
 * transaction of the completion that finishes it, when they all hold the course's certificate.
 */

/** Whether every trainee of each task (all requiring `courseSlug`) has finished the course (any version of it). */
async function unfinishedCounts(tx: Transaction, taskIds: string[], courseSlug: string) {
  if (taskIds.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({
      taskId: taskTrainees.taskId,
      // Spelled out: drizzle leaves the columns of a one-table select unqualified, and a bare user_id here would be c's.
      unfinished: sql<number>`count(*) filter (where not exists (
        select 1 from ${certificates} c where c.user_id = task_trainees.user_id and c.course_slug = ${courseSlug}
      ))`.mapWith(Number),
      trainees: sql<number>`count(*)`.mapWith(Number),
    })
    .from(taskTrainees)
    .where(inArray(taskTrainees.taskId, taskIds))
    .groupBy(taskTrainees.taskId);
  return new Map(rows.map((row) => [row.taskId, row.trainees > 0 ? row.unfinished : 1]));
}

async function completeTasks(
  tx: Transaction,
  accountId: string,
  courseSlug: string,
  open: TrainingTask[],
  actorId: string | null,
  courseTitle: string | null,
) {
  const unfinished = await unfinishedCounts(
    tx,
    open.map((task) => task.id),
    courseSlug,
  );
  const now = new Date();
  const completed: string[] = [];
  for (const task of open) {
    if ((unfinished.get(task.id) ?? 1) > 0) continue;
    await completeTaskByTraining(tx, task, now);
    await recordActivity(tx, {
      accountId,
      actorId,
      action: "task.training_completed",
      subjectType: "task",
      subjectId: task.id,
      details: {
        planId: task.planId,
        title: task.title,
        from: task.status,
        to: "done",
        course: courseTitle,
        ...(task.internal ? { internal: true } : {}),
      },
    });
    completed.push(task.id);
  }
  return completed;
}

/** Called when `userId` finishes `courseSlug`: completes the open tasks of their account that now have every trainee done. */
export async function completeTrainingTasks(
  tx: Transaction,
  input: { userId: string; accountId: string; courseSlug: string; courseTitle?: string },
) {
  const waiting = await tx
    .select({ taskId: taskTrainees.taskId })
    .from(taskTrainees)
    .where(eq(taskTrainees.userId, input.userId));
  const open = await lockOpenCourseTasks(
    tx,
    input.accountId,
    input.courseSlug,
    waiting.map((row) => row.taskId),
  );
  return completeTasks(tx, input.accountId, input.courseSlug, open, input.userId, input.courseTitle ?? null);
}

export type TaskTrainingError =
  "not_found" | "forbidden" | "unknown_course" | "invalid_trainee" | "no_trainees" | "stale";

/**
 * Sets (or clears, with a null course) the course a task requires and of whom. Staff who plan
 * (admins, CSMs) only; trainees must be active people of the task's account. When they have all
 * finished already, the task completes at once.
 */
export async function setTaskTraining(
  actor: Actor,
  accountId: string,
  taskId: string,
  input: { course: CatalogCourse | null; traineeIds: string[]; expectedVersion: number },
): Promise<{ ok: true; completed: boolean } | { ok: false; error: TaskTrainingError }> {
  if (actor.kind !== "staff" || actor.staffRole === "marketing") return { ok: false, error: "forbidden" };
  return db.transaction(async (tx) => {
    const task = await lockTaskForTraining(tx, accountId, taskId);
    if (!task) return { ok: false as const, error: "not_found" as const };
    const traineeIds = [...new Set(input.traineeIds)];
    if (input.course && traineeIds.length === 0) return { ok: false as const, error: "no_trainees" as const };
    if (traineeIds.length > 0) {
      const people = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, traineeIds), eq(users.accountId, accountId), isNull(users.deactivatedAt)));
      if (people.length !== traineeIds.length) return { ok: false as const, error: "invalid_trainee" as const };
    }
    if (task.version !== input.expectedVersion) return { ok: false as const, error: "stale" as const };

    const now = new Date();
    await setTaskCourse(tx, task, input.course?.slug ?? null, now);
    await tx.delete(taskTrainees).where(eq(taskTrainees.taskId, task.id));
    if (input.course) {
      await tx.insert(taskTrainees).values(traineeIds.map((userId) => ({ taskId: task.id, userId, accountId })));
    }
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "task.training_required",
      subjectType: "task",
      subjectId: task.id,
      details: {
        planId: task.planId,
        title: task.title,
        course: input.course?.title ?? null,
        trainees: traineeIds.length,
        ...(task.internal ? { internal: true } : {}),
      },
    });
    let completed = false;
    if (input.course && task.status !== "done") {
      const done = await completeTasks(
        tx,
        accountId,
        input.course.slug,
        [{ ...task, version: task.version + 1 }],
        actor.id,
        input.course.title,
      );
      completed = done.length > 0;
    }
    return { ok: true as const, completed };
  });
}

/** A task's training requirement and each trainee's progress, for the task's training page. */
export async function getTaskTraining(
  actor: Actor,
  accountId: string,
  taskId: string,
  courses: CatalogCourse[],
  locale: Locale = CONTENT_LOCALE,
) {
  const task = await getTaskForTraining(actor, accountId, taskId);
  if (!task) return null;
  const course = courses.find((c) => c.slug === task.courseSlug) ?? null;
  const trainees = await db
    .select({ id: users.id, name: users.name })
    .from(taskTrainees)
    .innerJoin(users, eq(users.id, taskTrainees.userId))
    .where(and(eq(taskTrainees.taskId, task.id), eq(taskTrainees.accountId, accountId)))
    .orderBy(asc(users.name));
  const ids = trainees.map((t) => t.id);
  const [done, certs] =
    ids.length && task.courseSlug
      ? await Promise.all([
          db
            .select({ userId: lessonProgress.userId, lessonSlug: lessonProgress.lessonSlug })
            .from(lessonProgress)
            .where(
              and(
                inArray(lessonProgress.userId, ids),
                eq(lessonProgress.courseSlug, task.courseSlug),
                sql`${lessonProgress.completedAt} is not null`,
              ),
            ),
          db
            .select({ userId: certificates.userId })
            .from(certificates)
            .where(and(inArray(certificates.userId, ids), eq(certificates.courseSlug, task.courseSlug))),
        ])
      : [[], []];
  const finished = new Set(certs.map((c) => c.userId));
  return {
    task,
    course: course ? { slug: course.slug, title: courseTitleIn(course, locale) } : null,
    trainees: trainees.map((person) => {
      const progress = course
        ? courseProgress(
            course.lessons,
            done.filter((d) => d.userId === person.id).map((d) => d.lessonSlug),
          )
        : null;
      return {
        ...person,
        finished: finished.has(person.id),
        completed: progress?.completed ?? 0,
        total: progress?.total ?? 0,
      };
    }),
  };
}
