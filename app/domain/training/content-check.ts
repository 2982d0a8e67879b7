import { createHash } from "node:crypto";
import matter from "gray-matter";
import type { ZodType, ZodTypeDef } from "zod";
import { type Locale, supportedLocales } from "~/i18n/locales";
import { LruCache } from "~/lib/lru";
import {
  CALLOUT_TYPES,
  type CourseFrontmatter,
  CourseFrontmatterSchema,
  type LessonFrontmatter,
  LessonFrontmatterSchema,
  RESERVED_COURSE_SLUGS,
  RESERVED_LESSON_SLUGS,
  SLUG_PATTERN,
} from "./content-schemas";
import { type LessonTreeFacts, type QuizKey, analyzeTree, parseMdx } from "./mdx-tree";

/**
 * The content validator: turns a course folder's files into a course, or into problems that each
 * name the file, the line when there is one, the field and what is wrong. A course with any
 * problem is left out of the catalog; the other courses are unaffected.
 */
export interface ContentProblem {
  /** Relative to the content root, e.g. courses/reporting-basics/filters.mdx */
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export interface LessonSource {
  slug: string;
  file: string;
  source: string;
}

/**
 * The language course files are written in. A file `<name>.<locale>.mdx` beside `<name>.mdx` is its
 * translation; the untranslated file is the fallback for every other language.
 */
export const CONTENT_LOCALE: Locale = "en";
const TRANSLATION_LOCALES = supportedLocales.filter((locale) => locale !== CONTENT_LOCALE);

/** A translation file found beside a course's files: `target` is the lesson slug, or "course". */
export interface TranslationSource {
  target: string;
  /** The language tag as written in the file name (checked here, not by the caller). */
  tag: string;
  file: string;
  source: string;
}

/** A checked lesson translation: the same lesson (order, stage, quiz and answer ids), other words. */
interface LessonTranslation {
  title: string;
  minutes: number;
  file: string;
  hash: string;
  /** The translated questions and explanations; ids, answer numbers and correct flags are the lesson's own. */
  quizzes: QuizKey[];
}

interface CourseTranslation {
  title: string;
  summary: string;
  minutes: number;
  file: string;
  hash: string;
}

export interface CatalogLesson extends LessonFrontmatter {
  slug: string;
  file: string;
  hash: string;
  quizzes: QuizKey[];
  practiceItems: string[];
  translations: Partial<Record<Locale, LessonTranslation>>;
}

export interface CatalogCourse extends CourseFrontmatter {
  slug: string;
  dir: string;
  file: string;
  hash: string;
  lessons: CatalogLesson[];
  translations: Partial<Record<Locale, CourseTranslation>>;
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.field ? `${problem.field} ` : ""}${problem.message}`;
}

export function contentHash(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

interface ParsedFile<T> {
  data: T | null;
  facts: LessonTreeFacts | null;
  problems: ContentProblem[];
}

/**
 * Front-matter and MDX of one file. The front-matter block is blanked out (not removed) before
 * the MDX is parsed, so line numbers in MDX errors are the file's own.
 */
const parsedByHash = new LruCache<string, ParsedFile<unknown>>(2000);

function parseFile<T>(file: string, source: string, schema: ZodType<T, ZodTypeDef, unknown>): ParsedFile<T> {
  const key = `${file}\n${contentHash(source)}`;
  const cached = parsedByHash.get(key);
  if (cached) return cached as ParsedFile<T>;
  const result = parseFileUncached(file, source, schema);
  parsedByHash.set(key, result);
  return result;
}

function parseFileUncached<T>(file: string, source: string, schema: ZodType<T, ZodTypeDef, unknown>): ParsedFile<T> {
  const problems: ContentProblem[] = [];
  const lines = source.split("\n");
  let bodyStart = 0;
  let raw: unknown = {};
  if (lines[0]?.trim() === "---") {
    const end = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
    if (end === -1) {
      return {
        data: null,
        facts: null,
        problems: [{ file, line: 1, message: "front-matter is not closed with a --- line" }],
      };
    }
    bodyStart = end + 1;
    try {
      raw = matter(source).data;
    } catch (error) {
      const mark = (error as { mark?: { line?: number } }).mark;
      const reason = (error as { reason?: string }).reason ?? (error as Error).message;
      return {
        data: null,
        facts: null,
        problems: [
          {
            file,
            line: mark?.line !== undefined ? mark.line + 2 : undefined,
            message: `front-matter is not valid YAML: ${reason}`,
          },
        ],
      };
    }
  } else {
    problems.push({ file, line: 1, message: "has no front-matter (a --- block at the top)" });
  }

  let data: T | null = null;
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) data = parsed.data;
  else {
    for (const issue of parsed.error.issues) {
      problems.push({ file, field: issue.path.join(".") || undefined, message: issue.message });
    }
  }

  let facts: LessonTreeFacts | null = null;
  const body = [...lines.slice(0, bodyStart).map(() => ""), ...lines.slice(bodyStart)].join("\n");
  try {
    facts = analyzeTree(parseMdx(body));
  } catch (error) {
    const message = error as { line?: number; reason?: string; message?: string };
    const reason = message.reason ?? message.message ?? String(error);
    // Some messages (an unclosed tag) carry their position only in the text, as "(10:1-10:21)".
    const line = message.line ?? (Number(/\((\d+):\d+/.exec(reason)?.[1]) || undefined);
    problems.push({ file, line: line || undefined, message: `is not valid MDX: ${reason}` });
  }
  return { data, facts, problems };
}

function checkQuizzes(file: string, quizzes: QuizKey[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  for (const quiz of quizzes) {
    const at = { file, line: quiz.line };
    const name = quiz.id ? `quiz "${quiz.id}"` : "quiz";
    if (!quiz.id)
      problems.push({ ...at, field: "Quiz.id", message: "is missing (each quiz needs an id unique in its lesson)" });
    else if (!/^[a-z0-9][a-z0-9-]*$/.test(quiz.id))
      problems.push({ ...at, field: "Quiz.id", message: `"${quiz.id}" must be lowercase letters, digits and dashes` });
    else if (seen.has(quiz.id))
      problems.push({ ...at, field: "Quiz.id", message: `"${quiz.id}" is used by another quiz in this lesson` });
    seen.add(quiz.id);
    if (!quiz.question.trim()) problems.push({ ...at, field: "Quiz.question", message: `is missing in ${name}` });
    if (quiz.answers.length < 2)
      problems.push({ ...at, field: "Quiz", message: `${name} needs at least two <Answer> children` });
    const correct = quiz.answers.filter((answer) => answer.correct).length;
    if (correct === 0)
      problems.push({ ...at, field: "Quiz", message: `${name} has no correct answer (mark one <Answer correct>)` });
    if (!quiz.multiple && correct > 1) {
      problems.push({
        ...at,
        field: "Quiz",
        message: `${name} has ${correct} correct answers but is single choice (add \`multiple\`)`,
      });
    }
    const answerIds = new Set<string>();
    quiz.answers.forEach((answer, index) => {
      if (!answer.text)
        problems.push({ ...at, field: "Answer", message: `answer ${index + 1} of ${name} has no text` });
      if (answer.id === undefined) return;
      if (!/^[a-z0-9][a-z0-9-]*$/.test(answer.id))
        problems.push({
          ...at,
          field: "Answer.id",
          message: `"${answer.id}" must be lowercase letters, digits and dashes`,
        });
      else if (answerIds.has(answer.id))
        problems.push({ ...at, field: "Answer.id", message: `"${answer.id}" is used by another answer of ${name}` });
      answerIds.add(answer.id);
    });
  }
  return problems;
}

function checkLessonTree(
  file: string,
  facts: LessonTreeFacts,
  lessonSlugs: Set<string>,
  mediaFiles: Set<string>,
): ContentProblem[] {
  const problems = checkQuizzes(file, facts.quizzes);
  for (const link of facts.lessonLinks) {
    if (!lessonSlugs.has(link.slug))
      problems.push({ file, line: link.line, field: "link", message: `./${link.slug} is not a lesson of this course` });
  }
  for (const video of facts.videos) {
    const at = { file, line: video.line, field: "Video" };
    if (!video.src === !video.embed)
      problems.push({ ...at, message: "needs exactly one of src (a file in media/) or embed (an https URL)" });
    else if (video.embed && !/^https:\/\/[^\s"]+$/.test(video.embed))
      problems.push({ ...at, field: "Video.embed", message: `"${video.embed}" must be an https URL` });
    else if (video.src) {
      const path = video.src.replace(/^\.\//, "");
      if (!/^media\/[A-Za-z0-9._/-]+$/.test(path) || path.includes(".."))
        problems.push({ ...at, field: "Video.src", message: `"${video.src}" must be a file under media/` });
      else if (!mediaFiles.has(path))
        problems.push({ ...at, field: "Video.src", message: `"${video.src}" does not exist in the course folder` });
    }
  }
  for (const callout of facts.callouts) {
    if (callout.type !== null && !(CALLOUT_TYPES as readonly string[]).includes(callout.type)) {
      problems.push({
        file,
        line: callout.line,
        field: "Callout.type",
        message: `"${callout.type}" must be one of ${CALLOUT_TYPES.join(", ")}`,
      });
    }
  }
  for (const unknown of facts.unknownComponents) {
    problems.push({
      file,
      line: unknown.line,
      message: `uses <${unknown.name}>, which is not an author component (Callout, Steps, Video, Quiz, Answer, Practice)`,
    });
  }
  return problems;
}

/** One course folder: its course.mdx, its lessons, and the files under media/. */
export function checkCourse(input: {
  slug: string;
  dir: string;
  courseFile: { file: string; source: string } | null;
  lessons: LessonSource[];
  mediaFiles: Set<string>;
  translations?: TranslationSource[];
}): { course: CatalogCourse | null; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const courseFileName = `${input.dir}/course.mdx`;
  if (!SLUG_PATTERN.test(input.slug) || (RESERVED_COURSE_SLUGS as readonly string[]).includes(input.slug)) {
    problems.push({
      file: input.dir,
      message: `folder name "${input.slug}" must be a lowercase slug (letters, digits, dashes) and not ${RESERVED_COURSE_SLUGS.join(" or ")}`,
    });
  }
  if (!input.courseFile)
    return { course: null, problems: [...problems, { file: courseFileName, message: "is missing" }] };

  const course = parseFile(input.courseFile.file, input.courseFile.source, CourseFrontmatterSchema);
  problems.push(...course.problems);
  if (course.facts)
    problems.push(
      ...checkLessonTree(
        input.courseFile.file,
        { ...course.facts, quizzes: [] },
        new Set(input.lessons.map((l) => l.slug)),
        input.mediaFiles,
      ),
    );
  if (course.facts?.quizzes.length)
    problems.push({ file: input.courseFile.file, message: "has a <Quiz>; quizzes belong in lessons" });
  if (input.lessons.length === 0)
    problems.push({ file: input.dir, message: "has no lessons (add <lesson-slug>.mdx files next to course.mdx)" });

  const slugs = new Set(input.lessons.map((lesson) => lesson.slug));
  const orders = new Map<number, string>();
  const lessons: CatalogLesson[] = [];
  for (const lesson of input.lessons) {
    if (!SLUG_PATTERN.test(lesson.slug) || (RESERVED_LESSON_SLUGS as readonly string[]).includes(lesson.slug)) {
      problems.push({
        file: lesson.file,
        message: `file name "${lesson.slug}" must be a lowercase slug (letters, digits, dashes) and not ${RESERVED_LESSON_SLUGS.join(" or ")}`,
      });
    }
    const parsed = parseFile(lesson.file, lesson.source, LessonFrontmatterSchema);
    problems.push(...parsed.problems);
    if (parsed.facts) problems.push(...checkLessonTree(lesson.file, parsed.facts, slugs, input.mediaFiles));
    if (parsed.data) {
      const other = orders.get(parsed.data.order);
      if (other)
        problems.push({
          file: lesson.file,
          field: "order",
          message: `${parsed.data.order} is also the order of ${other}`,
        });
      orders.set(parsed.data.order, lesson.file);
    }
    if (parsed.data && parsed.facts) {
      lessons.push({
        ...parsed.data,
        slug: lesson.slug,
        file: lesson.file,
        hash: contentHash(lesson.source),
        quizzes: parsed.facts.quizzes,
        practiceItems: parsed.facts.practiceItems,
        translations: {},
      });
    }
  }
  if (problems.length > 0 || !course.data) {
    // A broken course is left out whole; its translations are still checked against what parsed.
    return { course: null, problems };
  }
  lessons.sort((a, b) => a.order - b.order);
  const checked: CatalogCourse = {
    ...course.data,
    slug: input.slug,
    dir: input.dir,
    file: input.courseFile.file,
    hash: contentHash(input.courseFile.source),
    lessons,
    translations: {},
  };
  // A bad translation is reported (the check fails) but only that file is left out: learners get
  // the English lesson instead, never an error page.
  const translationProblems = attachTranslations(checked, input.translations ?? [], slugs, input.mediaFiles);
  return { course: checked, problems: translationProblems };
}

function asTranslationLocale(tag: string): Locale | undefined {
  return TRANSLATION_LOCALES.find((locale) => locale === tag);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** What a lesson translation must keep from the lesson: its place, its quizzes and their answers, its checklist. */
function compareLesson(
  file: string,
  original: CatalogLesson,
  data: LessonFrontmatter,
  facts: LessonTreeFacts,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const base = original.file.split("/").pop();
  if (data.order !== original.order)
    problems.push({ file, field: "order", message: `${data.order} differs from ${original.order} in ${base}` });
  if (data.stage !== original.stage)
    problems.push({ file, field: "stage", message: `${data.stage} differs from ${original.stage} in ${base}` });
  const ids = new Set(facts.quizzes.map((quiz) => quiz.id));
  for (const quiz of original.quizzes) {
    if (!ids.has(quiz.id))
      problems.push({
        file,
        field: "Quiz.id",
        message: `quiz "${quiz.id}" of ${base} is missing (a translation keeps every quiz with its id)`,
      });
  }
  for (const quiz of facts.quizzes) {
    const at = { file, line: quiz.line };
    const source = original.quizzes.find((candidate) => candidate.id === quiz.id);
    if (!source) {
      problems.push({
        ...at,
        field: "Quiz.id",
        message: `quiz "${quiz.id}" is not in ${base} (a translation may not add or rename quizzes)`,
      });
      continue;
    }
    const name = `quiz "${quiz.id}"`;
    if (quiz.multiple !== source.multiple)
      problems.push({
        ...at,
        field: "Quiz.multiple",
        message: `${name} must be ${source.multiple ? "multiple" : "single"} choice, as in ${base}`,
      });
    if (quiz.answers.length !== source.answers.length) {
      problems.push({
        ...at,
        field: "Answer",
        message: `${name} has ${quiz.answers.length} answers, ${base} has ${source.answers.length} (keep every answer, in the same order)`,
      });
      continue;
    }
    source.answers.forEach((answer, index) => {
      const translated = quiz.answers[index];
      if ((translated.id ?? null) !== (answer.id ?? null))
        problems.push({
          ...at,
          field: "Answer.id",
          message: `answer ${index + 1} of ${name} has id ${translated.id ? `"${translated.id}"` : "none"}, in ${base} it is ${answer.id ? `"${answer.id}"` : "none"} (keep the answers' ids and order)`,
        });
      else if (translated.correct !== answer.correct)
        problems.push({
          ...at,
          field: "Answer.correct",
          message: `answer ${index + 1} of ${name} is ${translated.correct ? "" : "not "}marked correct, in ${base} it is${answer.correct ? "" : " not"}`,
        });
    });
  }
  if (!sameList(facts.practiceItems, original.practiceItems))
    problems.push({
      file,
      field: "Practice",
      message: `has ${facts.practiceItems.length} checklist items, ${base} has ${original.practiceItems.length} (keep every item, in the same order)`,
    });
  return problems;
}

function compareCourse(file: string, original: CatalogCourse, data: CourseFrontmatter): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const base = original.file.split("/").pop();
  if (!sameList([...data.audience].sort(), [...original.audience].sort()))
    problems.push({
      file,
      field: "audience",
      message: `${data.audience.join(", ")} differs from ${original.audience.join(", ")} in ${base}`,
    });
  if (data.order !== original.order)
    problems.push({ file, field: "order", message: `${data.order} differs from ${original.order} in ${base}` });
  if (data.version !== original.version)
    problems.push({
      file,
      field: "version",
      message: `"${data.version}" differs from "${original.version}" in ${base}`,
    });
  return problems;
}

/** Checks each translation file against the course it belongs to and attaches the good ones. */
function attachTranslations(
  course: CatalogCourse,
  sources: TranslationSource[],
  slugs: Set<string>,
  mediaFiles: Set<string>,
): ContentProblem[] {
  const all: ContentProblem[] = [];
  for (const translation of sources) {
    const { file } = translation;
    const locale = asTranslationLocale(translation.tag);
    if (!locale) {
      all.push({
        file,
        message: `"${translation.tag}" is not a language courses are translated into (${TRANSLATION_LOCALES.join(", ")}); ${CONTENT_LOCALE} is the untranslated file itself`,
      });
      continue;
    }
    if (translation.target === "course") {
      const parsed = parseFile(file, translation.source, CourseFrontmatterSchema);
      const problems = [...parsed.problems];
      if (parsed.facts) {
        problems.push(...checkLessonTree(file, { ...parsed.facts, quizzes: [] }, slugs, mediaFiles));
        if (parsed.facts.quizzes.length) problems.push({ file, message: "has a <Quiz>; quizzes belong in lessons" });
      }
      if (parsed.data) problems.push(...compareCourse(file, course, parsed.data));
      all.push(...problems);
      if (problems.length === 0 && parsed.data)
        course.translations[locale] = {
          title: parsed.data.title,
          summary: parsed.data.summary,
          minutes: parsed.data.minutes,
          file,
          hash: contentHash(translation.source),
        };
      continue;
    }
    const original = course.lessons.find((lesson) => lesson.slug === translation.target);
    if (!original) {
      all.push({
        file,
        message: `translates "${translation.target}", which is not a lesson of this course (no ${translation.target}.mdx)`,
      });
      continue;
    }
    const parsed = parseFile(file, translation.source, LessonFrontmatterSchema);
    const problems = [...parsed.problems];
    if (parsed.facts) problems.push(...checkLessonTree(file, parsed.facts, slugs, mediaFiles));
    if (parsed.data && parsed.facts) problems.push(...compareLesson(file, original, parsed.data, parsed.facts));
    all.push(...problems);
    if (problems.length === 0 && parsed.data && parsed.facts)
      original.translations[locale] = {
        title: parsed.data.title,
        minutes: parsed.data.minutes,
        file,
        hash: contentHash(translation.source),
        quizzes: parsed.facts.quizzes,
      };
  }
  return all;
}

/** How much of a course is translated, per language: for `npm run content:check`. */
export function translationCoverage(course: CatalogCourse) {
  return TRANSLATION_LOCALES.map((locale) => ({
    locale,
    course: Boolean(course.translations[locale]),
    lessons: course.lessons.filter((lesson) => lesson.translations[locale]).length,
    total: course.lessons.length,
  }));
}
