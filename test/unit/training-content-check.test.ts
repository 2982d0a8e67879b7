import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "~/domain/training/content-check";
import { loadCatalog } from "~/domain/training/content.server";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const COURSE = `---
title: Reporting basics
summary: Reports for everyone.
audience: [member]
minutes: 10
order: 1
version: "1.0"
---

Overview.
`;
const lesson = (front: string, body = "Some text.") => `---\n${front}\n---\n\n${body}\n`;
const GOOD_FRONT = "title: First\norder: 1\nminutes: 5\nstage: knowledge";
const GOOD_QUIZ = `<Quiz id="q1" question="Which?">
  <Answer correct explanation="yes">A</Answer>
  <Answer explanation="no">B</Answer>
</Quiz>`;

/** Writes a content root with one course (course.mdx + the given files) and returns the loaded catalog. */
function catalogWith(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "tandem-content-"));
  roots.push(root);
  const all = { "course.mdx": COURSE, ...files };
  for (const [name, source] of Object.entries(all)) {
    const path = join(root, "courses", "reporting-basics", name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, source);
  }
  return loadCatalog(root);
}

const FILE = "courses/reporting-basics/first.mdx";

interface DefectCase {
  defect: string;
  files: Record<string, string>;
  expected: string | RegExp;
  course?: string;
}

describe("content validator: each defect names the file, the field and what is wrong", () => {
  it.each<DefectCase>([
    {
      defect: "missing title",
      files: { "first.mdx": lesson("order: 1\nminutes: 5\nstage: knowledge") },
      expected: `${FILE}: title is missing`,
    },
    {
      defect: "unknown stage",
      files: { "first.mdx": lesson("title: First\norder: 1\nminutes: 5\nstage: mastery") },
      expected: `${FILE}: stage must be one of awareness, desire, knowledge, ability, reinforcement`,
    },
    {
      defect: "order that is not a whole number",
      files: { "first.mdx": lesson("title: First\norder: first\nminutes: 5\nstage: knowledge") },
      expected: `${FILE}: order must be a whole number`,
    },
    {
      defect: "duplicate order",
      files: {
        "first.mdx": lesson(GOOD_FRONT),
        "second.mdx": lesson("title: Second\norder: 1\nminutes: 5\nstage: ability"),
      },
      expected: `courses/reporting-basics/second.mdx: order 1 is also the order of ${FILE}`,
    },
    {
      defect: "quiz without a correct answer",
      files: {
        "first.mdx": lesson(
          GOOD_FRONT,
          `<Quiz id="q1" question="Which?">\n  <Answer explanation="no">A</Answer>\n  <Answer explanation="no">B</Answer>\n</Quiz>`,
        ),
      },
      expected: `${FILE}:8: Quiz quiz "q1" has no correct answer (mark one <Answer correct>)`,
    },
    {
      defect: "duplicate quiz id",
      files: { "first.mdx": lesson(GOOD_FRONT, `${GOOD_QUIZ}\n\n${GOOD_QUIZ}`) },
      expected: `${FILE}:13: Quiz.id "q1" is used by another quiz in this lesson`,
    },
    {
      defect: "quiz without an id",
      files: { "first.mdx": lesson(GOOD_FRONT, GOOD_QUIZ.replace(' id="q1"', "")) },
      expected: `${FILE}:8: Quiz.id is missing (each quiz needs an id unique in its lesson)`,
    },
    {
      defect: "broken link to another lesson",
      files: { "first.mdx": lesson(GOOD_FRONT, "See [the next one](./nowhere).") },
      expected: `${FILE}:8: link ./nowhere is not a lesson of this course`,
    },
    {
      defect: "malformed MDX",
      files: { "first.mdx": lesson(GOOD_FRONT, 'Fine line.\n\n<Callout type="tip">\nnever closed') },
      expected: /^courses\/reporting-basics\/first\.mdx:10: is not valid MDX: /,
    },
    {
      defect: "malformed front-matter YAML",
      files: { "first.mdx": "---\ntitle: [unclosed\norder: 1\n---\n\nText\n" },
      expected: /^courses\/reporting-basics\/first\.mdx:\d+: front-matter is not valid YAML/,
    },
    {
      defect: "audience that is not a role",
      files: { "first.mdx": lesson(GOOD_FRONT) },
      course: COURSE.replace("[member]", "[member, ceo]"),
      expected: "courses/reporting-basics/course.mdx: audience.1 must be one of champion, member",
    },
    {
      defect: "unknown component",
      files: { "first.mdx": lesson(GOOD_FRONT, "<Chart data={1} />") },
      expected: `${FILE}:8: uses <Chart>, which is not an author component (Callout, Steps, Video, Quiz, Answer, Practice)`,
    },
    {
      defect: "video file that doesn't exist",
      files: { "first.mdx": lesson(GOOD_FRONT, '<Video src="media/missing.mp4" title="x" />') },
      expected: `${FILE}:8: Video.src "media/missing.mp4" does not exist in the course folder`,
    },
  ])("rejects a $defect", ({ files, expected, course }) => {
    const catalog = catalogWith(course ? { ...files, "course.mdx": course } : files);
    expect(catalog.courses).toEqual([]);
    const messages = catalog.problems.map(formatProblem);
    if (typeof expected === "string") expect(messages).toContain(expected);
    else expect(messages.some((message) => expected.test(message))).toBe(true);
  });

  it("accepts a valid course and reads its quiz key, practice items and lesson order", () => {
    const catalog = catalogWith({
      "second.mdx": lesson(
        "title: Second\norder: 2\nminutes: 5\nstage: ability",
        '<Practice title="Try">\n- [ ] one\n- [ ] two\n</Practice>\n\nBack to [first](./first).',
      ),
      "first.mdx": lesson(GOOD_FRONT, GOOD_QUIZ),
    });
    expect(catalog.problems).toEqual([]);
    const [course] = catalog.courses;
    expect(course.lessons.map((l) => l.slug)).toEqual(["first", "second"]);
    expect(course.lessons[0].quizzes[0]).toMatchObject({
      id: "q1",
      multiple: false,
      answers: [
        { index: 0, text: "A", correct: true, explanation: "yes" },
        { index: 1, text: "B", correct: false },
      ],
    });
    expect(course.lessons[1].practiceItems).toEqual(["1.1", "1.2"]);
  });

  it("leaves a broken course out and keeps the rest of the catalog", () => {
    const root = mkdtempSync(join(tmpdir(), "tandem-content-"));
    roots.push(root);
    for (const [slug, files] of Object.entries({
      good: { "course.mdx": COURSE, "first.mdx": lesson(GOOD_FRONT) },
      broken: { "course.mdx": COURSE, "first.mdx": lesson("order: 1\nminutes: 5\nstage: knowledge") },
    })) {
      for (const [name, source] of Object.entries(files)) {
        mkdirSync(join(root, "courses", slug), { recursive: true });
        writeFileSync(join(root, "courses", slug, name), source);
      }
    }
    const catalog = loadCatalog(root);
    expect(catalog.courses.map((c) => c.slug)).toEqual(["good"]);
    expect(catalog.problems.map(formatProblem)).toEqual(["courses/broken/first.mdx: title is missing"]);
  });

  it("the fixture courses used by the e2e tests are valid", () => {
    const catalog = loadCatalog("test/fixtures/content");
    expect(catalog.problems.map(formatProblem)).toEqual([]);
    expect(catalog.courses.map((c) => c.slug)).toEqual(["dashboards-in-a-day", "running-the-rollout"]);
  });
});
