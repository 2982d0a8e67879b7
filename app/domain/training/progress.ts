import type { Audience, Stage } from "./content-schemas";

/** Progress and completion rules, and the catalog filter: pure, so they test without a database. */

/** A lesson is complete when it has been read and every quiz in it is passed. */
export function isLessonComplete(input: {
  read: boolean;
  quizIds: string[];
  passedQuizIds: Iterable<string>;
}): boolean {
  if (!input.read) return false;
  const passed = new Set(input.passedQuizIds);
  return input.quizIds.every((id) => passed.has(id));
}

export type CourseStatus = "not_started" | "in_progress" | "completed";

export interface CourseProgress {
  completed: number;
  total: number;
  /** 0..1 */
  fraction: number;
  status: CourseStatus;
  /** Where to continue: the first lesson (in course order) not yet complete; null when all are. */
  nextLessonSlug: string | null;
}

/**
 * A course's progress from the lessons it has now. Completions of lessons that were since removed
 * don't count; a course is complete when all its current lessons are.
 */
export function courseProgress(
  lessons: { slug: string }[],
  completedSlugs: Iterable<string>,
  started = false,
): CourseProgress {
  const done = new Set(completedSlugs);
  const completed = lessons.filter((lesson) => done.has(lesson.slug)).length;
  const total = lessons.length;
  const next = lessons.find((lesson) => !done.has(lesson.slug)) ?? null;
  const status: CourseStatus =
    total > 0 && completed === total ? "completed" : completed > 0 || started ? "in_progress" : "not_started";
  return {
    completed,
    total,
    fraction: total === 0 ? 0 : completed / total,
    status,
    nextLessonSlug: next?.slug ?? null,
  };
}

/**
 * Whether a course counts in a person's adoption figures: it is written for their role, or they
 * finished it anyway. A champions-only course is then measured against the champions, not the
 * whole account, and a member who took it still gets credit.
 */
export function countsForAdoption(audience: readonly string[], role: string | null, finished: boolean): boolean {
  return finished || (role !== null && audience.includes(role));
}

export interface CatalogFilter {
  role: Audience | null;
  stage: Stage | null;
}

/** Courses for a role (its audience names it) with at least one lesson at the stage, in catalog order. */
export function filterCourses<C extends { audience: Audience[]; lessons: { stage: Stage }[] }>(
  courses: C[],
  filter: CatalogFilter,
): C[] {
  return courses.filter(
    (course) =>
      (filter.role === null || course.audience.includes(filter.role)) &&
      (filter.stage === null || course.lessons.some((lesson) => lesson.stage === filter.stage)),
  );
}

/** The lessons before and after one, for previous/next links. */
export function neighbours<L extends { slug: string }>(
  lessons: L[],
  slug: string,
): { previous: L | null; next: L | null } {
  const index = lessons.findIndex((lesson) => lesson.slug === slug);
  if (index === -1) return { previous: null, next: null };
  return { previous: lessons[index - 1] ?? null, next: lessons[index + 1] ?? null };
}
