import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { askRules, asks, users } from "~db/schema";
import { actorOf, createAccount, createCustomer, createStaff } from "~db/seed/factories";
import { listOpenAsksFor } from "~/domain/advocacy/asks.server";
import { listEvents } from "~/domain/events/record.server";
import { findCourse, loadCatalog } from "~/domain/training/content.server";
import { markLessonRead, submitQuiz } from "~/domain/training/learning.server";
import { newId } from "~/lib/ids.server";

process.env.CONTENT_DIR = "test/fixtures/content";
let cacheDir: string;
beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), "tandem-mdx-"));
  process.env.MDX_CACHE_DIR = cacheDir;
  const marketing = await createStaff("marketing");
  await db
    .insert(askRules)
    .values({ id: newId(), signal: "team_trained", askType: "quote", createdById: marketing.id });
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

// The fixture course is meant for members and champions alike.
async function finishCourse(user: Parameters<typeof actorOf>[0]) {
  const course = findCourse(loadCatalog(), "dashboards-in-a-day")!;
  const [first, second] = course.lessons;
  const actor = actorOf(user);
  await submitQuiz(actor, course, first!, "first-chart", ["1"]);
  await markLessonRead(actor, course, first!);
  return markLessonRead(actor, course, second!);
}

describe("course completed by the whole team", () => {
  it("is recorded once, when the last active person of the course's audience finishes, and asks the champion", async () => {
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    const member = await createCustomer(account.id, "member");
    const gone = await createCustomer(account.id, "member");
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));

    await finishCourse(member);
    expect(await listEvents("course.completed_by_team", { accountId: account.id })).toEqual([]);

    await finishCourse(champion);
    const team = await listEvents("course.completed_by_team", { accountId: account.id });
    expect(team).toHaveLength(1);
    expect(team[0]!.payload).toMatchObject({
      courseSlug: "dashboards-in-a-day",
      courseVersion: "1.0",
      courseTitle: "Dashboards in a day",
      people: 2,
    });

    // The advocacy rule for this signal asked the champion, tied to the course.
    const made = await db.select().from(asks).where(eq(asks.accountId, account.id));
    expect(made).toMatchObject([
      {
        recipientId: champion.id,
        askType: "quote",
        signal: "team_trained",
        context: { courseTitle: "Dashboards in a day", courseSlug: "dashboards-in-a-day" },
      },
    ]);
    // The card shows the course in the reader's language, whichever language the ask was made in.
    expect((await listOpenAsksFor(actorOf(champion)))[0]?.context.courseTitle).toBe("Dashboards in a day");
    const chinese = { ...champion, locale: "zh-CN" };
    expect((await listOpenAsksFor(actorOf(chinese)))[0]?.context.courseTitle).toBe("一天学会仪表板");

    // A newcomer finishing later doesn't record it again.
    const later = await createCustomer(account.id, "member");
    await finishCourse(later);
    expect(await listEvents("course.completed_by_team", { accountId: account.id })).toHaveLength(1);
  });

  it("waits for every member of the audience", async () => {
    const account = await createAccount();
    await createCustomer(account.id, "champion");
    const member = await createCustomer(account.id, "member");
    await finishCourse(member);
    expect(await listEvents("course.completed_by_team", { accountId: account.id })).toEqual([]);
  });
});
