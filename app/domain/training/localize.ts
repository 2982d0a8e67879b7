import type { Locale } from "~/i18n/locales";
import { CONTENT_LOCALE, type CatalogCourse, type CatalogLesson } from "./content-check";
import type { QuizKey } from "./mdx-tree";
import type { QuizFeedback } from "./quiz";

/**
 * A course or lesson in the learner's language: its translation where there is one, else the
 * English file, with `fallback` set so the page can say so. Ids, order, stage and the answer key
 * are always the lesson's own, so progress is the same course in every language.
 */
export function courseIn(course: CatalogCourse, locale: Locale) {
  const translation = locale === CONTENT_LOCALE ? undefined : course.translations[locale];
  return {
    title: translation?.title ?? course.title,
    summary: translation?.summary ?? course.summary,
    minutes: translation?.minutes ?? course.minutes,
    file: translation?.file ?? course.file,
    locale: translation ? locale : CONTENT_LOCALE,
    fallback: locale !== CONTENT_LOCALE && !translation,
  };
}

/** Just the title, for pages that list courses by name (adoption tables, a task's required course). */
export function courseTitleIn(course: CatalogCourse, locale: Locale): string {
  return courseIn(course, locale).title;
}

export function lessonIn(lesson: CatalogLesson, locale: Locale) {
  const translation = locale === CONTENT_LOCALE ? undefined : lesson.translations[locale];
  return {
    title: translation?.title ?? lesson.title,
    minutes: translation?.minutes ?? lesson.minutes,
    file: translation?.file ?? lesson.file,
    quizzes: translation?.quizzes ?? lesson.quizzes,
    locale: translation ? locale : CONTENT_LOCALE,
    fallback: locale !== CONTENT_LOCALE && !translation,
  };
}

/** Feedback graded with the lesson's key, explained in the words of the page the learner answered on. */
export function explainIn(feedback: QuizFeedback, quizzes: QuizKey[]): QuizFeedback {
  const quiz = quizzes.find((candidate) => candidate.id === feedback.quizId);
  if (!quiz) return feedback;
  return {
    ...feedback,
    answers: feedback.answers.map((answer) => ({
      ...answer,
      explanation: quiz.answers[answer.index]?.explanation ?? answer.explanation,
    })),
  };
}

/**
 * A certificate's course title in its holder's language: the translation's title while the course
 * is still at the certificate's version; otherwise (English, no translation, a newer version) the
 * title it was issued with, so a certificate doesn't follow later renames.
 */
export function certificateTitle(
  course: CatalogCourse | null,
  certificate: { courseTitle: string; courseVersion: string },
  holderLocale: Locale,
): string {
  if (!course || holderLocale === CONTENT_LOCALE || course.version !== certificate.courseVersion)
    return certificate.courseTitle;
  return course.translations[holderLocale]?.title ?? certificate.courseTitle;
}
