import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileKey } from "~/domain/training/compile.server";
import { formatProblem, translationCoverage } from "~/domain/training/content-check";
import { loadCatalog } from "~/domain/training/content.server";
import { certificateTitle, courseIn, lessonIn } from "~/domain/training/localize";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const course = (title: string, summary: string, extra = "") => `---
title: ${title}
summary: ${summary}
audience: [member]
minutes: 10
order: 1
version: "1.0"${extra}
---

Overview, see [first](./first).
`;
const lesson = (title: string, quiz: string, front = "order: 1\nstage: knowledge") =>
  `---\ntitle: ${title}\n${front}\nminutes: 5\n---\n\nText.\n\n${quiz}\n`;
const QUIZ = `<Quiz id="q1" question="Which?">
  <Answer id="a" correct explanation="yes">A</Answer>
  <Answer id="b" explanation="no">B</Answer>
</Quiz>`;
const QUIZ_ZH = `<Quiz id="q1" question="哪一个？">
  <Answer id="a" correct explanation="对">甲</Answer>
  <Answer id="b" explanation="不对">乙</Answer>
</Quiz>`;
const BASE = {
  "course.mdx": course("Reporting basics", "Reports for everyone."),
  "first.mdx": lesson("First", QUIZ),
  "second.mdx": lesson("Second", "", "order: 2\nstage: ability"),
};

/** A content root with one course: the English files above plus the given ones. */
function catalogWith(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "tandem-translations-"));
  roots.push(root);
  const dir = join(root, "courses", "reporting-basics");
  mkdirSync(dir, { recursive: true });
  for (const [name, source] of Object.entries({ ...BASE, ...files })) writeFileSync(join(dir, name), source);
  return loadCatalog(root);
}
const FILE = "courses/reporting-basics/first.zh-CN.mdx";

describe("course translations", () => {
  it("attaches a good translation and reports the coverage of a partial one", () => {
    const catalog = catalogWith({
      "course.zh-CN.mdx": course("报表基础", "人人都能看懂的报表。"),
      "first.zh-CN.mdx": lesson("第一课", QUIZ_ZH),
    });
    expect(catalog.problems).toEqual([]);
    const [found] = catalog.courses;
    expect(translationCoverage(found)).toEqual([{ locale: "zh-CN", course: true, lessons: 1, total: 2 }]);
    expect(courseIn(found, "zh-CN")).toMatchObject({ title: "报表基础", fallback: false, locale: "zh-CN" });
    expect(courseIn(found, "en")).toMatchObject({ title: "Reporting basics", fallback: false });
    const [first, second] = found.lessons;
    expect(lessonIn(first, "zh-CN")).toMatchObject({ title: "第一课", file: FILE, fallback: false });
    expect(lessonIn(first, "zh-CN").quizzes[0].answers.map((a) => a.explanation)).toEqual(["对", "不对"]);
    // The answer key that grades is always the lesson's own.
    expect(first.quizzes[0].answers.map((a) => a.explanation)).toEqual(["yes", "no"]);
    expect(lessonIn(second, "zh-CN")).toMatchObject({ title: "Second", fallback: true, locale: "en" });
  });

  interface BadCase {
    defect: string;
    files: Record<string, string>;
    expected: string | RegExp;
  }
  const bad: BadCase[] = [
    {
      defect: "a changed answer id",
      files: { "first.zh-CN.mdx": lesson("第一课", QUIZ_ZH.replace('id="b"', 'id="c"')) },
      expected: `${FILE}:10: Answer.id answer 2 of quiz "q1" has id "c", in first.mdx it is "b" (keep the answers' ids and order)`,
    },
    {
      defect: "a different correct answer",
      files: {
        "first.zh-CN.mdx": lesson(
          "第一课",
          QUIZ_ZH.replace('id="a" correct', 'id="a"').replace('id="b"', 'id="b" correct'),
        ),
      },
      expected: /Answer.correct answer 1 of quiz "q1" is not marked correct, in first.mdx it is$/,
    },
    {
      defect: "an extra quiz",
      files: {
        "first.zh-CN.mdx": lesson("第一课", `${QUIZ_ZH}\n\n${QUIZ_ZH.replace('id="q1"', 'id="q2"')}`),
      },
      expected: /Quiz.id quiz "q2" is not in first.mdx \(a translation may not add or rename quizzes\)$/,
    },
    {
      defect: "a missing quiz",
      files: { "first.zh-CN.mdx": lesson("第一课", "") },
      expected: `${FILE}: Quiz.id quiz "q1" of first.mdx is missing (a translation keeps every quiz with its id)`,
    },
    {
      defect: "an unknown lesson",
      files: { "third.zh-CN.mdx": lesson("第三课", "") },
      expected:
        'courses/reporting-basics/third.zh-CN.mdx: translates "third", which is not a lesson of this course (no third.mdx)',
    },
    {
      defect: "another order and stage",
      files: { "first.zh-CN.mdx": lesson("第一课", QUIZ_ZH, "order: 3\nstage: ability") },
      expected: `${FILE}: order 3 differs from 1 in first.mdx`,
    },
    {
      defect: "a language courses are not translated into",
      files: { "first.fr.mdx": lesson("Premier", QUIZ) },
      expected: /first\.fr\.mdx: "fr" is not a language courses are translated into \(zh-CN\)/,
    },
    {
      defect: "invalid front-matter",
      files: { "first.zh-CN.mdx": lesson("", QUIZ_ZH) },
      expected: `${FILE}: title must be text`,
    },
    {
      defect: "a course translation with another version",
      files: { "course.zh-CN.mdx": course("报表基础", "人人都能看懂的报表。").replace('"1.0"', '"2.0"') },
      expected: 'courses/reporting-basics/course.zh-CN.mdx: version "2.0" differs from "1.0" in course.mdx',
    },
  ];
  it.each(bad)(
    "fails the check on $defect, naming the file, and keeps the course in English",
    ({ files, expected }) => {
      const catalog = catalogWith(files);
      const messages = catalog.problems.map(formatProblem);
      if (typeof expected === "string") expect(messages).toContain(expected);
      else expect(messages.some((message) => expected.test(message))).toBe(true);
      // Only the bad file is left out: the course is still there, untranslated where the file was.
      const [found] = catalog.courses;
      expect(found.slug).toBe("reporting-basics");
      expect(found.lessons.every((l) => !l.translations["zh-CN"])).toBe(true);
    },
  );

  it("keys the compile cache by language too", () => {
    const options = { basePath: "/training/x" };
    expect(compileKey("# Same", { ...options, locale: "zh-CN" })).not.toBe(compileKey("# Same", options));
    expect(compileKey("# Same", { ...options, locale: "en" })).toBe(compileKey("# Same", options));
  });

  it("names a certificate's course in the holder's language while the course is at the certificate's version", () => {
    const [found] = catalogWith({ "course.zh-CN.mdx": course("报表基础", "人人都能看懂的报表。") }).courses;
    const issued = { courseTitle: "Reporting basics (as issued)", courseVersion: "1.0" };
    expect(certificateTitle(found, issued, "zh-CN")).toBe("报表基础");
    expect(certificateTitle(found, issued, "en")).toBe("Reporting basics (as issued)");
    expect(certificateTitle(found, { ...issued, courseVersion: "0.9" }, "zh-CN")).toBe("Reporting basics (as issued)");
    expect(certificateTitle(null, issued, "zh-CN")).toBe("Reporting basics (as issued)");
  });
});
