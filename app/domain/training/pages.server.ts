import { join } from "node:path";
import type { Actor } from "~/domain/auth/actor";
import { compileLesson } from "./compile.server";
import type { CatalogCourse } from "./content-check";
import { type CatalogFilter, filterCourses, neighbours } from "./progress";
import { type Catalog, findCourse, findLesson, loadCatalog, readContentFile } from "./content.server";
import { getLearnerSummary, getLessonState } from "./learning.server";

/** What the training pages load: the catalog, a course, a lesson — for one learner. */
export const coursePath = (slug: string) => `/training/${slug}`;

function courseCard(course: CatalogCourse) {
  return {
    slug: course.slug,
    title: course.title,
    summary: course.summary,
    audience: course.audience,
    minutes: course.minutes,
    version: course.version,
    stages: [...new Set(course.lessons.map((lesson) => lesson.stage))],
    lessonCount: course.lessons.length,
  };
}

export async function getCatalogPage(actor: Actor, filter: CatalogFilter) {
  const catalog = loadCatalog();
  const learner = await getLearnerSummary(actor.id);
  return {
    hasContent: catalog.courses.length > 0,
    courses: filterCourses(catalog.courses, filter).map((course) => ({
      ...courseCard(course),
      progress: learner.progressOf(course),
      certificateCode: learner.certificateOf(course.slug)?.code ?? null,
    })),
  };
}

async function compileFile(catalog: Catalog, course: CatalogCourse, file: string) {
  const source = readContentFile(catalog, file);
  return compileLesson(source, { basePath: coursePath(course.slug), cwd: join(catalog.root, course.dir) });
}

export async function getCoursePage(actor: Actor, courseSlug: string | undefined) {
  const catalog = loadCatalog();
  const course = findCourse(catalog, courseSlug);
  if (!course) return null;
  const [learner, overview] = await Promise.all([
    getLearnerSummary(actor.id),
    compileFile(catalog, course, course.file),
  ]);
  const done = learner.completedLessons(course.slug);
  const progress = learner.progressOf(course);
  const next = course.lessons.find((lesson) => lesson.slug === progress.nextLessonSlug) ?? null;
  return {
    course: courseCard(course),
    code: overview.code,
    progress,
    next: next ? { slug: next.slug, title: next.title } : null,
    certificateCode: learner.certificateOf(course.slug)?.code ?? null,
    lessons: course.lessons.map((lesson) => ({
      slug: lesson.slug,
      title: lesson.title,
      minutes: lesson.minutes,
      stage: lesson.stage,
      completed: done.has(lesson.slug),
    })),
  };
}

/** The catalog entries a lesson action needs (the answer key stays in here, on the server). */
export function findCourseAndLesson(courseSlug: string | undefined, lessonSlug: string | undefined) {
  const catalog = loadCatalog();
  const course = findCourse(catalog, courseSlug);
  const lesson = course ? findLesson(course, lessonSlug) : null;
  return course && lesson ? { catalog, course, lesson } : null;
}

export async function getLessonPage(actor: Actor, courseSlug: string | undefined, lessonSlug: string | undefined) {
  const found = findCourseAndLesson(courseSlug, lessonSlug);
  if (!found) return null;
  const { catalog, course, lesson } = found;
  const [compiled, state, learner] = await Promise.all([
    compileFile(catalog, course, lesson.file),
    getLessonState(actor.id, course, lesson),
    getLearnerSummary(actor.id),
  ]);
  const { previous, next } = neighbours(course.lessons, lesson.slug);
  const link = (l: typeof previous) => (l ? { slug: l.slug, title: l.title } : null);
  return {
    course: { slug: course.slug, title: course.title },
    lesson: {
      slug: lesson.slug,
      title: lesson.title,
      minutes: lesson.minutes,
      stage: lesson.stage,
      hasQuiz: lesson.quizzes.length > 0,
    },
    position: { index: course.lessons.indexOf(lesson) + 1, total: course.lessons.length },
    previous: link(previous),
    next: link(next),
    code: compiled.code,
    state,
    courseProgress: learner.progressOf(course),
    certificateCode: learner.certificateOf(course.slug)?.code ?? null,
  };
}
