import { join } from "node:path";
import type { Actor } from "~/domain/auth/actor";
import type { Locale } from "~/i18n/locales";
import { compileLesson } from "./compile.server";
import { CONTENT_LOCALE, type CatalogCourse } from "./content-check";
import { type CatalogFilter, filterCourses, neighbours } from "./progress";
import { type Catalog, findCourse, findLesson, loadCatalog, readContentFile } from "./content.server";
import { getLearnerSummary, getLessonState } from "./learning.server";
import { courseIn, lessonIn } from "./localize";

/**
 * What the training pages load: the catalog, a course, a lesson — for one learner, in their
 * language where the course is translated (and marked as English where it is not).
 */
export const coursePath = (slug: string) => `/training/${slug}`;

function courseCard(course: CatalogCourse, locale: Locale) {
  const shown = courseIn(course, locale);
  return {
    slug: course.slug,
    title: shown.title,
    summary: shown.summary,
    /** The language the title and summary are in, and whether that is English for want of a translation. */
    locale: shown.locale,
    fallback: shown.fallback,
    audience: course.audience,
    minutes: shown.minutes,
    version: course.version,
    stages: [...new Set(course.lessons.map((lesson) => lesson.stage))],
    lessonCount: course.lessons.length,
  };
}

export async function getCatalogPage(actor: Actor, filter: CatalogFilter, locale: Locale = CONTENT_LOCALE) {
  const catalog = loadCatalog();
  const learner = await getLearnerSummary(actor.id);
  return {
    hasContent: catalog.courses.length > 0,
    courses: filterCourses(catalog.courses, filter).map((course) => ({
      ...courseCard(course, locale),
      progress: learner.progressOf(course),
      certificateCode: learner.certificateOf(course.slug)?.code ?? null,
    })),
  };
}

/**
 * Compiles a course file. A translation that passed the check but still fails to compile is
 * replaced by the English file, so a bad translation never costs the learner the page.
 */
async function compileFile(
  catalog: Catalog,
  course: CatalogCourse,
  shown: { file: string; locale: Locale },
  original: string,
): Promise<{ code: string; locale: Locale }> {
  const options = { basePath: coursePath(course.slug), cwd: join(catalog.root, course.dir) };
  if (shown.file !== original) {
    try {
      const compiled = await compileLesson(readContentFile(catalog, shown.file), { ...options, locale: shown.locale });
      return { code: compiled.code, locale: shown.locale };
    } catch (error) {
      console.error(`Translation ${shown.file} failed to compile; showing ${original}`, error);
    }
  }
  const compiled = await compileLesson(readContentFile(catalog, original), { ...options, locale: CONTENT_LOCALE });
  return { code: compiled.code, locale: CONTENT_LOCALE };
}

/** Which language the page's content is in, and whether that is English standing in for the learner's. */
function contentLanguage(locale: Locale, shownLocale: Locale) {
  return { locale: shownLocale, fallback: locale !== CONTENT_LOCALE && shownLocale === CONTENT_LOCALE };
}

export async function getCoursePage(actor: Actor, courseSlug: string | undefined, locale: Locale = CONTENT_LOCALE) {
  const catalog = loadCatalog();
  const course = findCourse(catalog, courseSlug);
  if (!course) return null;
  const [learner, overview] = await Promise.all([
    getLearnerSummary(actor.id),
    compileFile(catalog, course, courseIn(course, locale), course.file),
  ]);
  const done = learner.completedLessons(course.slug);
  const progress = learner.progressOf(course);
  const next = course.lessons.find((lesson) => lesson.slug === progress.nextLessonSlug) ?? null;
  return {
    course: courseCard(course, locale),
    code: overview.code,
    content: contentLanguage(locale, overview.locale),
    progress,
    next: next ? { slug: next.slug, title: lessonIn(next, locale).title } : null,
    certificateCode: learner.certificateOf(course.slug)?.code ?? null,
    lessons: course.lessons.map((lesson) => {
      const shown = lessonIn(lesson, locale);
      return {
        slug: lesson.slug,
        title: shown.title,
        minutes: shown.minutes,
        stage: lesson.stage,
        completed: done.has(lesson.slug),
        inEnglish: shown.fallback,
      };
    }),
  };
}

/** The catalog entries a lesson action needs (the answer key stays in here, on the server). */
export function findCourseAndLesson(courseSlug: string | undefined, lessonSlug: string | undefined) {
  const catalog = loadCatalog();
  const course = findCourse(catalog, courseSlug);
  const lesson = course ? findLesson(course, lessonSlug) : null;
  return course && lesson ? { catalog, course, lesson } : null;
}

export async function getLessonPage(
  actor: Actor,
  courseSlug: string | undefined,
  lessonSlug: string | undefined,
  locale: Locale = CONTENT_LOCALE,
) {
  const found = findCourseAndLesson(courseSlug, lessonSlug);
  if (!found) return null;
  const { catalog, course, lesson } = found;
  const shown = lessonIn(lesson, locale);
  const compiled = await compileFile(catalog, course, shown, lesson.file);
  // If the translation had to be replaced, its explanations go with it.
  const quizzes = compiled.locale === shown.locale ? shown.quizzes : lesson.quizzes;
  const [state, learner] = await Promise.all([
    getLessonState(actor.id, course, lesson, quizzes),
    getLearnerSummary(actor.id),
  ]);
  const { previous, next } = neighbours(course.lessons, lesson.slug);
  const link = (l: typeof previous) => (l ? { slug: l.slug, title: lessonIn(l, locale).title } : null);
  return {
    course: { slug: course.slug, title: courseIn(course, locale).title },
    lesson: {
      slug: lesson.slug,
      title: compiled.locale === shown.locale ? shown.title : lesson.title,
      minutes: shown.minutes,
      stage: lesson.stage,
      hasQuiz: lesson.quizzes.length > 0,
    },
    content: contentLanguage(locale, compiled.locale),
    position: { index: course.lessons.indexOf(lesson) + 1, total: course.lessons.length },
    previous: link(previous),
    next: link(next),
    code: compiled.code,
    state,
    courseProgress: learner.progressOf(course),
    certificateCode: learner.certificateOf(course.slug)?.code ?? null,
  };
}
