import { and, inArray } from "drizzle-orm";
import { db } from "~db/client.server";
import { certificates, taskTrainees } from "~db/schema";
import { openCourseTasksByIds } from "~/domain/plans/training-tasks.server";
import type { Locale } from "~/i18n/locales";
import { coursePath } from "./pages.server";
import { findCourse, loadCatalog } from "./content.server";
import { courseTitleIn } from "./localize";

export interface DigestCourse {
  slug: string;
  title: string;
  path: string;
  dueDate: string | null;
}

/**
 * The training waiting for each person: courses an open plan task requires of them (they are one
 * of its trainees) that they have not finished (no certificate of any version). Three queries
 * whatever the number of people; titles in each person's locale.
 */
export async function trainingDigestInputs(
  people: readonly { userId: string; locale: Locale }[],
): Promise<Map<string, DigestCourse[]>> {
  const result = new Map<string, DigestCourse[]>();
  if (people.length === 0) return result;
  const userIds = people.map((person) => person.userId);
  const trainees = await db
    .select({ taskId: taskTrainees.taskId, userId: taskTrainees.userId })
    .from(taskTrainees)
    .where(inArray(taskTrainees.userId, userIds));
  if (trainees.length === 0) return result;
  const [open, finished] = await Promise.all([
    openCourseTasksByIds([...new Set(trainees.map((row) => row.taskId))]),
    db
      .select({ userId: certificates.userId, courseSlug: certificates.courseSlug })
      .from(certificates)
      .where(and(inArray(certificates.userId, userIds))),
  ]);
  const done = new Set(finished.map((row) => `${row.userId}:${row.courseSlug}`));
  const taskById = new Map(open.map((task) => [task.id, task]));
  const catalog = loadCatalog();
  const locales = new Map(people.map((person) => [person.userId, person.locale]));
  for (const row of trainees) {
    const task = taskById.get(row.taskId);
    if (!task || done.has(`${row.userId}:${task.courseSlug}`)) continue;
    const course = findCourse(catalog, task.courseSlug);
    if (!course) continue;
    const list = result.get(row.userId) ?? [];
    const existing = list.find((entry) => entry.slug === course.slug);
    // Two tasks may ask for one course: list it once, by the earlier due date.
    if (existing) {
      if (task.dueDate && (!existing.dueDate || task.dueDate < existing.dueDate)) existing.dueDate = task.dueDate;
      continue;
    }
    list.push({
      slug: course.slug,
      title: courseTitleIn(course, locales.get(row.userId) ?? "en"),
      path: coursePath(course.slug),
      dueDate: task.dueDate,
    });
    result.set(row.userId, list);
  }
  return result;
}
