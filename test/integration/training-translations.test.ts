import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { certificates, lessonProgress, quizResults } from "~db/schema";
import { actorOf, createAccount, createCustomer, createStaff, signedInRequest } from "~db/seed/factories";
import { markLessonRead, submitQuiz } from "~/domain/training/learning.server";
import { findCourse, loadCatalog } from "~/domain/training/content.server";
import { loader as verifyLoader } from "~/routes/certificates.$code";
import { loader as courseLoader } from "~/routes/training.$courseSlug._index";
import { loader as catalogLoader } from "~/routes/training._index";
import { action as lessonAction, loader as lessonLoader } from "~/routes/training.$courseSlug.$lessonSlug";
import { loader as certificateLoader } from "~/routes/training.certificates.$code";

// The fixture course has a Chinese course page and a Chinese first lesson; its second lesson is English only.
process.env.CONTENT_DIR = "test/fixtures/content";
let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "tandem-mdx-"));
  process.env.MDX_CACHE_DIR = cacheDir;
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const SLUG = "dashboards-in-a-day";
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as never;
/** Compiled MDX spells non-ASCII text as \uXXXX escapes. */
const compiled = (text: string) =>
  [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`).join("");
const lessonUrl = (lesson: string) => `http://localhost/training/${SLUG}/${lesson}`;

async function chineseMember() {
  const account = await createAccount();
  return createCustomer(account.id, "member", { locale: "zh-CN" });
}

async function openLesson(userId: string, lesson: string) {
  return lessonLoader(args(await signedInRequest(userId, lessonUrl(lesson)), { courseSlug: SLUG, lessonSlug: lesson }));
}

describe("a course in the learner's language", () => {
  it("shows the Chinese lesson where there is one, and the English one marked as such where there is not", async () => {
    const member = await chineseMember();
    const translated = await openLesson(member.id, "why-dashboards");
    expect(translated.lesson.title).toBe("为什么用仪表板");
    expect(translated.course.title).toBe("一天学会仪表板");
    expect(translated.content).toEqual({ locale: "zh-CN", fallback: false });
    expect(translated.code).toContain(compiled("三张左右"));
    expect(translated.next).toEqual({ slug: "build-one", title: "Build one" });

    const english = await openLesson(member.id, "build-one");
    expect(english.lesson.title).toBe("Build one");
    expect(english.course.title).toBe("一天学会仪表板");
    expect(english.content).toEqual({ locale: "en", fallback: true });
    expect(english.previous).toEqual({ slug: "why-dashboards", title: "为什么用仪表板" });

    // An English-speaking learner gets the English files, with nothing to mark.
    const account = await createAccount();
    const englishMember = await createCustomer(account.id, "member", { locale: "en" });
    const original = await openLesson(englishMember.id, "why-dashboards");
    expect(original.lesson.title).toBe("Why dashboards");
    expect(original.content).toEqual({ locale: "en", fallback: false });
    expect(original.code).toContain("About three");
    expect(original.code).not.toContain(compiled("三张左右"));
  });

  it("translates the catalog card and the course page, and marks the lessons still in English", async () => {
    const member = await chineseMember();
    const catalog = await catalogLoader(args(await signedInRequest(member.id, "http://localhost/training"), {}));
    const card = catalog.courses.find((course) => course.slug === SLUG)!;
    expect(card).toMatchObject({ title: "一天学会仪表板", summary: "搭建你的第一个 Lumen 仪表板，并与团队共享。" });
    const untranslated = catalog.courses.find((course) => course.slug !== SLUG);
    if (untranslated) expect(untranslated.title).toMatch(/^[\x20-\x7e]+$/);

    const page = await courseLoader(
      args(await signedInRequest(member.id, `http://localhost/training/${SLUG}`), { courseSlug: SLUG }),
    );
    expect(page.content).toEqual({ locale: "zh-CN", fallback: false });
    expect(page.lessons.map((lesson) => [lesson.title, lesson.inEnglish])).toEqual([
      ["为什么用仪表板", false],
      ["Build one", true],
    ]);
    expect(page.next).toEqual({ slug: "why-dashboards", title: "为什么用仪表板" });
  });

  it("grades a quiz answered on the Chinese page by answer number: the same course's progress, explained in Chinese", async () => {
    const member = await chineseMember();
    const params = { courseSlug: SLUG, lessonSlug: "why-dashboards" };
    const submit = async (answer: string) =>
      (await lessonAction(
        args(
          await signedInRequest(member.id, lessonUrl("why-dashboards"), {
            method: "POST",
            body: new URLSearchParams({ intent: "quiz", quizId: "first-chart", answer }),
          }),
          params,
        ),
      )) as { feedback: { passed: boolean; answers: { explanation: string }[] } };
    const wrong = await submit("0");
    expect(wrong.feedback.passed).toBe(false);
    expect(wrong.feedback.answers.map((a) => a.explanation)).toEqual(["三十张图表会把真正重要的那个数字淹没。"]);
    const right = await submit("1");
    expect(right.feedback.passed).toBe(true);

    const [result] = await db
      .select()
      .from(quizResults)
      .where(and(eq(quizResults.userId, member.id), eq(quizResults.courseSlug, SLUG)));
    expect(result).toMatchObject({
      lessonSlug: "why-dashboards",
      quizId: "first-chart",
      attempts: 2,
      lastPassed: true,
    });

    // The passed quiz's key comes back in Chinese on the next visit.
    const again = await openLesson(member.id, "why-dashboards");
    expect(again.state.passedQuizzes["first-chart"]?.answers.map((a) => a.explanation)).toEqual([
      "三十张图表会把真正重要的那个数字淹没。",
      "少量图表能让注意力集中在重要的事情上。",
    ]);

    // The same lesson read in English completes the same course: progress doesn't depend on the language.
    const course = findCourse(loadCatalog(), SLUG)!;
    await markLessonRead(actorOf(member), course, course.lessons[0]);
    const page = await courseLoader(
      args(await signedInRequest(member.id, `http://localhost/training/${SLUG}`), { courseSlug: SLUG }),
    );
    expect(page.progress).toMatchObject({ completed: 1, total: 2 });
    const rows = await db.select().from(lessonProgress).where(eq(lessonProgress.userId, member.id));
    expect(rows.map((row) => [row.courseSlug, row.lessonSlug, Boolean(row.completedAt)])).toEqual([
      [SLUG, "why-dashboards", true],
    ]);
  });

  it("names the course on a certificate in the holder's language, whoever views it", async () => {
    const course = findCourse(loadCatalog(), SLUG)!;
    const finish = async (locale: string) => {
      const account = await createAccount();
      const person = await createCustomer(account.id, "member", { locale });
      const actor = actorOf(person);
      await submitQuiz(actor, course, course.lessons[0], "first-chart", ["1"]);
      await markLessonRead(actor, course, course.lessons[0]);
      const outcome = await markLessonRead(actor, course, course.lessons[1]);
      return { person, code: outcome.certificateCode! };
    };
    const chinese = await finish("zh-CN");
    const english = await finish("en");
    // The stored document keeps the title it was issued with.
    const [stored] = await db.select().from(certificates).where(eq(certificates.code, chinese.code));
    expect(stored.courseTitle).toBe("Dashboards in a day");

    const verify = (code: string) => verifyLoader(args(new Request(`http://localhost/certificates/${code}`), { code }));
    expect((await verify(chinese.code)).courseTitle).toBe("一天学会仪表板");
    expect((await verify(english.code)).courseTitle).toBe("Dashboards in a day");

    const staff = await createStaff("csm", { locale: "en" });
    const printable = async (viewerId: string, code: string) =>
      (
        await certificateLoader(
          args(await signedInRequest(viewerId, `http://localhost/training/certificates/${code}`), { code }),
        )
      ).certificate.courseTitle;
    expect(await printable(chinese.person.id, chinese.code)).toBe("一天学会仪表板");
    expect(await printable(staff.id, chinese.code)).toBe("一天学会仪表板");
    expect(await printable(staff.id, english.code)).toBe("Dashboards in a day");
  });
});
