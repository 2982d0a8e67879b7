import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { asks, certificates, lessonProgress, quizResults, tasks } from "~db/schema";
import { seedDemo } from "~db/seed/demo";
import { listEvents } from "~/domain/events/record.server";
import { getLearnerSummary } from "~/domain/training/learning.server";
import { getTaskTraining } from "~/domain/training/plan-link.server";
import { verifyCertificate } from "~/domain/training/certificates.server";
import { findCourse, loadCatalog } from "~/domain/training/content.server";
import { isLessonComplete } from "~/domain/training/progress";
import { type DemoAdoption, actorFor, demoAdoption, personIn } from "../support/demo-training";

// The real courses, as `npm start` seeds them.
delete process.env.CONTENT_DIR;
const GETTING_STARTED = "getting-started-with-lumen";
const LEADING = "leading-the-change";
const catalog = loadCatalog();
let adoption: DemoAdoption;

beforeAll(async () => {
  await seedDemo();
  adoption = await demoAdoption(catalog.courses);
});

const course = (name: keyof DemoAdoption, slug: string) => adoption[name].courses.find((c) => c.slug === slug)!;

describe("the training demo story", () => {
  it("Orbit: four of five finished “Getting started”, Daniel is on his way, Kenji is leading the change", () => {
    expect(course("orbit", GETTING_STARTED)).toMatchObject({ finished: 4, people: 5 });
    expect(personIn(adoption.orbit, "Daniel Cho", GETTING_STARTED)).toMatchObject({
      status: "in_progress",
      completed: 3,
      total: 6,
    });
    expect(personIn(adoption.orbit, "Kenji Watanabe", LEADING)).toMatchObject({ status: "in_progress", completed: 5 });
    expect(adoption.orbit.notStarted).toEqual([]);
  });

  it("Helix: two finished, Grace started, Owen and Mia haven't", () => {
    expect(course("helix", GETTING_STARTED)).toMatchObject({ finished: 2, started: 3, people: 5 });
    expect(personIn(adoption.helix, "Grace Kim", GETTING_STARTED)).toMatchObject({
      status: "in_progress",
      completed: 2,
    });
    expect(adoption.helix.notStarted.map((p) => p.name)).toEqual(["Mia Santos", "Owen Fletcher"]);
  });

  it("Northwind: only the champion has started", () => {
    expect(adoption.northwind.courses.map((c) => c.finished)).toEqual([0, 0]);
    expect(adoption.northwind.people.filter((p) => p.started).map((p) => p.name)).toEqual(["Hannah Okafor"]);
    expect(adoption.northwind.notStarted.map((p) => p.name)).toEqual(["Aisha Patel", "Lukas Becker", "Tom Reyes"]);
  });

  it("every certificate is verifiable, has its own code and a course.completed event at its date", async () => {
    const certs = await db.select().from(certificates);
    expect(certs).toHaveLength(6);
    expect(new Set(certs.map((c) => c.code)).size).toBe(certs.length);
    const events = await listEvents("course.completed");
    for (const cert of certs) {
      expect(await verifyCertificate(cert.code)).toEqual({
        personName: cert.personName,
        // The holder's language: 王芳 reads Chinese, everyone else in the demo English.
        courseTitle: cert.personName === "王芳" ? "Lumen 入门" : "Getting started with Lumen",
        issuedAt: cert.issuedAt,
      });
      expect(cert.courseVersion).toBe(findCourse(catalog, cert.courseSlug)!.version);
      expect(cert.issuedAt.getTime()).toBeLessThan(Date.now());
      const event = events.find((e) => e.payload.certificateId === cert.id)!;
      expect(event).toMatchObject({ accountId: cert.accountId, actorId: cert.userId, occurredAt: cert.issuedAt });
    }
    // Spread over past weeks, not all at seed time.
    expect(new Set(certs.map((c) => c.issuedAt.toDateString())).size).toBe(certs.length);
    const kenji = await actorFor("kenji@orbitretail.example");
    expect((await getLearnerSummary(kenji.id)).certificateOf(GETTING_STARTED)).not.toBeNull();
  });

  it("lessons are complete exactly when read with every quiz passed, as the domain records them", async () => {
    const [progress, quizzes] = await Promise.all([db.select().from(lessonProgress), db.select().from(quizResults)]);
    for (const row of progress) {
      const lesson = findCourse(catalog, row.courseSlug)!.lessons.find((l) => l.slug === row.lessonSlug)!;
      const passed = quizzes
        .filter((q) => q.userId === row.userId && q.lessonSlug === row.lessonSlug && q.passedAt)
        .map((q) => q.quizId);
      expect(Boolean(row.completedAt)).toBe(
        isLessonComplete({
          read: Boolean(row.readAt),
          quizIds: lesson.quizzes.map((q) => q.id),
          passedQuizIds: passed,
        }),
      );
    }
    expect(quizzes.some((q) => !q.lastPassed && q.attempts === 1)).toBe(true);
    expect(quizzes.some((q) => q.lastPassed && q.attempts === 2)).toBe(true);
  });

  it("no team finished a course: no team signal, no ask beyond the advocacy story (two from milestones, Priyanka's by hand)", async () => {
    expect(await listEvents("course.completed_by_team")).toEqual([]);
    expect((await db.select({ signal: asks.signal }).from(asks)).map((a) => a.signal).sort()).toEqual([
      "manual",
      "milestone_achieved",
      "milestone_achieved",
    ]);
  });

  it("Orbit's plan task requires the course of three authors and stays open while Daniel hasn't finished", async () => {
    const [task] = await db.select().from(tasks).where(eq(tasks.title, "Certify one dashboard author in every region"));
    expect(task).toMatchObject({ courseSlug: GETTING_STARTED, status: "todo" });
    const training = await getTaskTraining(
      await actorFor("marcus@lumen-analytics.example"),
      task!.accountId,
      task!.id,
      catalog.courses,
    );
    expect(training!.trainees.map((t) => [t.name, t.finished])).toEqual([
      ["Chloe Nguyen", true],
      ["Daniel Cho", false],
      ["Priyanka Sharma", true],
    ]);
  });
});
