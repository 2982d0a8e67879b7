import { createHash } from "node:crypto";
import matter from "gray-matter";
import type { ZodType, ZodTypeDef } from "zod";
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

export interface CatalogLesson extends LessonFrontmatter {
  slug: string;
  file: string;
  hash: string;
  quizzes: QuizKey[];
  practiceItems: string[];
}

export interface CatalogCourse extends CourseFrontmatter {
  slug: string;
  dir: string;
  file: string;
  hash: string;
  lessons: CatalogLesson[];
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
    quiz.answers.forEach((answer, index) => {
      if (!answer.text)
        problems.push({ ...at, field: "Answer", message: `answer ${index + 1} of ${name} has no text` });
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
      });
    }
  }
  if (problems.length > 0 || !course.data) return { course: null, problems };
  lessons.sort((a, b) => a.order - b.order);
  return {
    course: {
      ...course.data,
      slug: input.slug,
      dir: input.dir,
      file: input.courseFile.file,
      hash: contentHash(input.courseFile.source),
      lessons,
    },
    problems,
  };
}
