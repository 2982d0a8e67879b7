import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { lessonProgress, tasks } from "~db/schema";
import { seedDemo } from "~db/seed/demo";
import { findCourse, findLesson, loadCatalog } from "~/domain/training/content.server";
import { markLessonRead } from "~/domain/training/learning.server";
import { type DemoAdoption, actorFor, demoAdoption, personIn } from "../support/demo-training";

// The end-to-end tests seed the demo with their own small courses: other slugs, fewer lessons.
process.env.CONTENT_DIR = "test/fixtures/content";
const DASHBOARDS = "dashboards-in-a-day";
const ROLLOUT = "running-the-rollout";
let adoption: DemoAdoption;

beforeAll(async () => {
  await seedDemo();
  adoption = await demoAdoption(loadCatalog().courses);
});

describe("the training demo story on the fixture courses", () => {
  it("tells the same story with the courses in use", () => {
    expect(adoption.orbit.courses.find((c) => c.slug === DASHBOARDS)).toMatchObject({
      finished: 4,
      people: 5,
      fraction: 0.8,
    });
    expect(personIn(adoption.orbit, "Daniel Cho", DASHBOARDS)).toMatchObject({
      status: "in_progress",
      completed: 1,
      total: 2,
    });
    // A one-lesson course can't be part-done by lessons: read, quiz not passed yet.
    expect(personIn(adoption.orbit, "Kenji Watanabe", ROLLOUT)).toMatchObject({
      status: "in_progress",
      completed: 0,
      total: 1,
    });
    expect(adoption.helix.courses.find((c) => c.slug === DASHBOARDS)).toMatchObject({ finished: 2 });
    expect(adoption.northwind.notStarted.map((p) => p.name)).toEqual(["Aisha Patel", "Lukas Becker", "Tom Reyes"]);
  });

  it("leaves Tom untouched for the learner journey", async () => {
    const tom = await actorFor("tom@northwind.example");
    expect(await db.select().from(lessonProgress).where(eq(lessonProgress.userId, tom.id))).toEqual([]);
  });

  it("carries on through the domain: Daniel finishing completes Orbit's plan task", async () => {
    const course = findCourse(loadCatalog(), DASHBOARDS)!;
    const outcome = await markLessonRead(
      await actorFor("daniel@orbitretail.example"),
      course,
      findLesson(course, "build-one")!,
    );
    expect(outcome.certificateCode).not.toBeNull();
    const [task] = await db.select().from(tasks).where(eq(tasks.title, "Certify one dashboard author in every region"));
    expect(task).toMatchObject({ courseSlug: DASHBOARDS, status: "done" });
  });
});
