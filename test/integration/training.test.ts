import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { activity, certificates, lessonProgress, quizResults, tasks } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
  signedInRequest,
} from "~db/seed/factories";
import { listEvents } from "~/domain/events/record.server";
import { findCourse, loadCatalog } from "~/domain/training/content.server";
import { markLessonRead, submitQuiz } from "~/domain/training/learning.server";
import { getAccountAdoption, listAdoptionAcrossAccounts } from "~/domain/training/adoption.server";
import { PAGE_SIZE } from "~/lib/pagination";
import { setTaskTraining } from "~/domain/training/plan-link.server";
import { loader as certificateLoader } from "~/routes/certificates.$code";
import { loader as teamLoader } from "~/routes/accounts.$accountId.training";
import { action as lessonAction, loader as lessonLoader } from "~/routes/training.$courseSlug.$lessonSlug";
import { action as practiceAction } from "~/routes/training.$courseSlug.$lessonSlug.practice";
import { action as taskTrainingAction } from "~/routes/accounts.$accountId.tasks.$taskId_.training";
import { thrownResponse } from "../support/responses";

process.env.CONTENT_DIR = "test/fixtures/content";
let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "tandem-mdx-"));
  process.env.MDX_CACHE_DIR = cacheDir;
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const SLUG = "dashboards-in-a-day";
function fixtureCourse() {
  const course = findCourse(loadCatalog(), SLUG)!;
  return { course, first: course.lessons[0], second: course.lessons[1] };
}
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as never;

/** Finishes the fixture course: passes the first lesson's quiz, reads both lessons. */
async function finishCourse(user: Parameters<typeof actorOf>[0]) {
  const { course, first, second } = fixtureCourse();
  const actor = actorOf(user);
  await submitQuiz(actor, course, first, "first-chart", ["1"]);
  await markLessonRead(actor, course, first);
  return markLessonRead(actor, course, second);
}

describe("lesson page and quiz", () => {
  it("sends neither correct flags nor explanations before the learner passes, then shows them", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member");
    const url = `http://localhost/training/${SLUG}/why-dashboards`;
    const params = { courseSlug: SLUG, lessonSlug: "why-dashboards" };
    const before = JSON.stringify(await lessonLoader(args(await signedInRequest(member.id, url), params)));
    expect(before).toContain("About three");
    expect(before).not.toMatch(/correct|explanation/i);
    expect(before).not.toContain("bury the one number");

    const submit = (answers: string[]) => {
      const body = new URLSearchParams({ intent: "quiz", quizId: "first-chart" });
      for (const answer of answers) body.append("answer", answer);
      return signedInRequest(member.id, url, { method: "POST", body });
    };
    const wrong = (await lessonAction(args(await submit(["0"]), params))) as {
      feedback: { passed: boolean; answers: { explanation: string }[] };
    };
    expect(wrong.feedback.passed).toBe(false);
    expect(wrong.feedback.answers.map((a) => a.explanation)).toEqual([
      "Thirty charts bury the one number that matters.",
    ]);
    const right = (await lessonAction(args(await submit(["1"]), params))) as { feedback: { passed: boolean } };
    expect(right.feedback.passed).toBe(true);

    const after = JSON.stringify(await lessonLoader(args(await signedInRequest(member.id, url), params)));
    expect(after).toContain("A few charts keep attention on what matters.");
  });

  it("answers 400 with a clear error to unknown or missing answers, and records nothing", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member");
    const url = `http://localhost/training/${SLUG}/why-dashboards`;
    const params = { courseSlug: SLUG, lessonSlug: "why-dashboards" };
    for (const [fields, error] of [
      [{ intent: "quiz", quizId: "first-chart" }, "no_answer"],
      [{ intent: "quiz", quizId: "first-chart", answer: "7" }, "unknown_answer"],
      [{ intent: "quiz", quizId: "no-such-quiz", answer: "1" }, "unknown_quiz"],
    ] as const) {
      const result = (await lessonAction(
        args(await signedInRequest(member.id, url, { method: "POST", body: new URLSearchParams(fields) }), params),
      )) as unknown as { init: { status: number }; data: { form: { error: Record<string, string[]> } } };
      expect(result.init.status).toBe(400);
      expect(result.data.form.error).toEqual({ "": [`training:quiz.errors.${error}`] });
    }
    // Bad input before the domain: an unknown intent (practice ticks have their own route), no quiz id.
    for (const [fields, errors] of [
      [{ intent: "skip" }, { "": ["form.unknownIntent"] }],
      [{ intent: "practice", itemKey: "chart", checked: "true" }, { "": ["form.unknownIntent"] }],
      [{ intent: "quiz", answer: "1" }, { quizId: ["field.required"] }],
    ] as const) {
      const result = (await lessonAction(
        args(await signedInRequest(member.id, url, { method: "POST", body: new URLSearchParams(fields) }), params),
      )) as unknown as { init: { status: number }; data: { form: { error: Record<string, string[]> } } };
      expect(result.init.status).toBe(400);
      expect(result.data.form.error).toEqual(errors);
    }
    expect(await db.select().from(quizResults).where(eq(quizResults.userId, member.id))).toEqual([]);
  });

  it("the practice route saves a tick, and answers 400 to a bad one without writing", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member");
    const params = { courseSlug: SLUG, lessonSlug: "why-dashboards" };
    const tick = async (fields: Record<string, string>) =>
      (await practiceAction(
        args(
          await signedInRequest(member.id, `http://localhost/training/${SLUG}/why-dashboards/practice`, {
            method: "POST",
            body: new URLSearchParams(fields),
          }),
          params,
        ),
      )) as Response;
    const bad = await tick({ itemKey: "x", checked: "maybe" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ form: { error: { checked: ["field.invalid"] } } });
    const unknown = await tick({ itemKey: "no-such-item", checked: "true" });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ form: { error: { "": ["training:lesson.errors.unknown_item"] } } });
  });

  it("answers 404 for an unknown course or lesson", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member");
    for (const params of [
      { courseSlug: "nope", lessonSlug: "why-dashboards" },
      { courseSlug: SLUG, lessonSlug: "nope" },
    ]) {
      const response = await thrownResponse(lessonLoader(args(await signedInRequest(member.id), params)));
      expect(response.status).toBe(404);
    }
  });
});

describe("completion and certificates", () => {
  it("a read lesson with an unpassed quiz is not complete; the course completes with its last lesson", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member");
    const { course, first, second } = fixtureCourse();
    const actor = actorOf(member);
    expect((await markLessonRead(actor, course, first)).lessonCompleted).toBe(false);
    expect((await markLessonRead(actor, course, second)).lessonCompleted).toBe(true);
    const passed = await submitQuiz(actor, course, first, "first-chart", ["1"]);
    expect(passed.ok && passed.outcome).toMatchObject({ lessonCompleted: true });
    expect(passed.ok && passed.outcome.certificateCode).toMatch(/^[a-z2-7]{16}$/);
    const rows = await db.select().from(lessonProgress).where(eq(lessonProgress.userId, member.id));
    expect(rows.every((row) => row.completedAt !== null)).toBe(true);
  });

  it("asks for the account's health to be recomputed when a certificate is issued", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member");
    const waiting = async () => {
      const rows = await db.execute<{ n: number }>(sql`
        select count(*)::int as n from pgboss.job
        where name = 'health-recompute' and singleton_key = ${`account:${account.id}`} and state = 'created'`);
      return rows[0]!.n;
    };
    expect(await waiting()).toBe(0);
    expect((await finishCourse(member)).certificateCode).not.toBeNull();
    expect(await waiting()).toBe(1);
  });

  it("issues one certificate per course version, with a course.completed event in the same write", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member", { name: "Ada Learner" });
    const outcome = await finishCourse(member);
    expect(outcome.certificateCode).not.toBeNull();
    // Doing it again (another tab, a re-read) issues nothing new.
    expect((await finishCourse(member)).certificateCode).toBeNull();
    const issued = await db.select().from(certificates).where(eq(certificates.userId, member.id));
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({
      courseSlug: SLUG,
      courseVersion: "1.0",
      courseTitle: "Dashboards in a day",
      personName: "Ada Learner",
      accountId: account.id,
    });
    const events = await listEvents("course.completed", { accountId: account.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: member.id,
      subjectId: issued[0].id,
      payload: { courseSlug: SLUG, courseVersion: "1.0", userId: member.id },
    });
  });

  it("certificate codes are unique and the public page shows only name, course and date", async () => {
    const account = await createAccount();
    const people = await Promise.all([
      createCustomer(account.id, "member", { name: "Bo One" }),
      createCustomer(account.id, "member", { name: "Cy Two" }),
    ]);
    const codes = [];
    for (const person of people) codes.push((await finishCourse(person)).certificateCode!);
    expect(new Set(codes).size).toBe(2);
    const page = await certificateLoader(
      args(new Request(`http://localhost/certificates/${codes[0]}`), { code: codes[0] }),
    );
    expect(Object.keys(page).sort()).toEqual(["courseTitle", "issuedOn", "personName"]);
    expect(page).toMatchObject({ personName: "Bo One", courseTitle: "Dashboards in a day" });
    for (const code of ["aaaaaaaaaaaaaaaa", "not-a-code"]) {
      expect((await thrownResponse(certificateLoader(args(new Request("http://localhost/"), { code })))).status).toBe(
        404,
      );
    }
  });
});

describe("plan link", () => {
  it("a task requiring a course completes itself in the transaction of the last trainee's completion", async () => {
    const account = await createAccount();
    const csm = await createStaff("csm");
    const [ann, ben] = await Promise.all([createCustomer(account.id, "member"), createCustomer(account.id, "member")]);
    const plan = await createPlan(account.id);
    const milestone = await createMilestone(plan);
    const task = await createTask(milestone, { title: "Finance completes Dashboards in a day" });
    const { course } = fixtureCourse();

    const set = await setTaskTraining(actorOf(csm), account.id, task.id, {
      course,
      traineeIds: [ann.id, ben.id],
      expectedVersion: task.version,
    });
    expect(set).toEqual({ ok: true, completed: false });
    await finishCourse(ann);
    expect((await db.select().from(tasks).where(eq(tasks.id, task.id)))[0].status).toBe("todo");
    await finishCourse(ben);
    const [done] = await db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(done.status).toBe("done");
    expect(done.completedAt).not.toBeNull();
    const entries = await db
      .select()
      .from(activity)
      .where(and(eq(activity.subjectId, task.id), eq(activity.action, "task.training_completed")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      accountId: account.id,
      actorId: ben.id,
      details: { to: "done", course: "Dashboards in a day", planId: plan.id },
    });
  });

  it("only staff who plan may set it; trainees must be people of the task's account", async () => {
    const account = await createAccount();
    const other = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    const stranger = await createCustomer(other.id, "member");
    const marketing = await createStaff("marketing");
    const csm = await createStaff("csm");
    const task = await createTask(await createMilestone(await createPlan(account.id)));
    const { course } = fixtureCourse();
    const input = { course, traineeIds: [champion.id], expectedVersion: task.version };
    expect(await setTaskTraining(actorOf(champion), account.id, task.id, input)).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await setTaskTraining(actorOf(marketing), account.id, task.id, input)).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await setTaskTraining(actorOf(csm), other.id, task.id, input)).toEqual({ ok: false, error: "not_found" });
    expect(await setTaskTraining(actorOf(csm), account.id, task.id, { ...input, traineeIds: [stranger.id] })).toEqual({
      ok: false,
      error: "invalid_trainee",
    });
    expect(await setTaskTraining(actorOf(csm), account.id, task.id, { ...input, traineeIds: [] })).toEqual({
      ok: false,
      error: "no_trainees",
    });
    expect(await setTaskTraining(actorOf(csm), account.id, task.id, { ...input, expectedVersion: 99 })).toEqual({
      ok: false,
      error: "stale",
    });
  });

  it("through the route: an unknown course, a stranger or a missing version is a 400 next to its field, and nothing is set", async () => {
    const account = await createAccount();
    const csm = await createStaff("csm");
    const champion = await createCustomer(account.id, "champion");
    const stranger = await createCustomer((await createAccount()).id, "member");
    const task = await createTask(await createMilestone(await createPlan(account.id)));
    const params = { accountId: account.id, taskId: task.id };
    const cases: [[string, string][], number, Record<string, string[]>][] = [
      [
        [
          ["courseSlug", "no-such-course"],
          ["trainee", champion.id],
          ["version", "1"],
        ],
        400,
        {
          courseSlug: ["training:task.errors.unknown_course"],
        },
      ],
      [
        [
          ["courseSlug", SLUG],
          ["trainee", stranger.id],
          ["version", "1"],
        ],
        400,
        {
          trainee: ["training:task.errors.invalid_trainee"],
        },
      ],
      [
        [
          ["courseSlug", SLUG],
          ["trainee", champion.id],
        ],
        400,
        { version: ["form.malformed"] },
      ],
      [
        [
          ["courseSlug", SLUG],
          ["trainee", champion.id],
          ["version", "9"],
        ],
        409,
        {
          "": ["training:task.errors.stale"],
        },
      ],
    ];
    for (const [fields, status, errors] of cases) {
      const request = await signedInRequest(
        csm.id,
        `http://localhost/accounts/${account.id}/tasks/${task.id}/training`,
        {
          method: "POST",
          body: new URLSearchParams(fields),
        },
      );
      const result = (await taskTrainingAction(args(request, params))) as unknown as {
        init: { status: number };
        data: { form: { error: Record<string, string[]> } };
      };
      expect(result.init.status).toBe(status);
      expect(result.data.form.error).toEqual(errors);
    }
    const [row] = await db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ courseSlug: null, version: task.version });
  });

  it("completes at once when every trainee has already finished", async () => {
    const account = await createAccount();
    const csm = await createStaff("csm");
    const member = await createCustomer(account.id, "member");
    await finishCourse(member);
    const task = await createTask(await createMilestone(await createPlan(account.id)));
    const { course } = fixtureCourse();
    expect(
      await setTaskTraining(actorOf(csm), account.id, task.id, {
        course,
        traineeIds: [member.id],
        expectedVersion: task.version,
      }),
    ).toEqual({ ok: true, completed: true });
  });
});

describe("team adoption permissions", () => {
  it.each([
    { role: "member", scope: "own", status: 403 },
    { role: "champion", scope: "own", status: 200 },
    { role: "champion", scope: "other", status: 404 },
    { role: "member", scope: "other", status: 404 },
    { role: "csm", scope: "own", status: 200 },
    { role: "marketing", scope: "own", status: 200 },
  ] as const)("$role on the $scope account → $status", async ({ role, scope, status }) => {
    const own = await createAccount();
    const other = await createAccount();
    const learner = await createCustomer(own.id, "member", { name: "Dee Finisher" });
    await finishCourse(learner);
    await createCustomer(own.id, "member", { name: "Eve Notyet" });
    await createCustomer(other.id, "member", { name: "Fay Elsewhere" });
    const caller =
      role === "csm" || role === "marketing"
        ? await createStaff(role)
        : await createCustomer(scope === "own" ? own.id : other.id, role);
    const request = await signedInRequest(caller.id);
    const pending = teamLoader(args(request, { accountId: own.id }));
    if (status !== 200) {
      expect((await thrownResponse(pending)).status).toBe(status);
      return;
    }
    const { adoption } = await pending;
    const dee = adoption.people.find((p) => p.name === "Dee Finisher")!;
    expect(dee.courses.find((c) => c.courseSlug === SLUG)?.status).toBe("completed");
    expect(adoption.notStarted.map((p) => p.name)).toContain("Eve Notyet");
    expect(adoption.courses.find((c) => c.slug === SLUG)).toMatchObject({ finished: 1 });
    // Only this account's people.
    expect(adoption.people.map((p) => p.name)).not.toContain("Fay Elsewhere");
  });
});

describe("training adoption across accounts", () => {
  it("shows at most a page of accounts, found by a search that treats % and _ as text", async () => {
    const tag = `Adopt${Date.now().toString(36)}`;
    for (let index = 0; index < PAGE_SIZE + 3; index++)
      await createAccount({ name: `${tag} ${String(index).padStart(3, "0")}` });
    await createAccount({ name: `${tag}_100% done` });
    const first = await listAdoptionAcrossAccounts([fixtureCourse().course], { q: tag });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.page.total).toBe(PAGE_SIZE + 4);
    const second = await listAdoptionAcrossAccounts([fixtureCourse().course], { q: tag, cursor: first.page.next! });
    expect(second.rows.map((row) => row.name)).toEqual([`${tag} 050`, `${tag} 051`, `${tag} 052`, `${tag}_100% done`]);
    const literal = await listAdoptionAcrossAccounts([fixtureCourse().course], { q: "_100%" });
    expect(literal.rows.map((row) => row.name)).toContain(`${tag}_100% done`);
    expect(literal.rows.every((row) => row.name.includes("_100%"))).toBe(true);
    // A cursor of another search starts that search from its first page.
    const other = await listAdoptionAcrossAccounts([fixtureCourse().course], {
      q: `${tag} 05`,
      cursor: first.page.next!,
    });
    expect(other.page.from).toBe(0);
    expect(other.rows.map((row) => row.name)).toEqual([`${tag} 050`, `${tag} 051`, `${tag} 052`]);
  });
});

describe("adoption figures follow a course's audience", () => {
  it("a champions' course counts the champions, plus a member who finished it anyway", async () => {
    const account = await createAccount();
    await createCustomer(account.id, "champion", { name: "Cat Champion" });
    const member = await createCustomer(account.id, "member", { name: "Max Member" });
    await createCustomer(account.id, "member", { name: "Nia Member" });
    const championsOnly = { ...fixtureCourse().course, audience: ["champion" as const] };

    const before = await getAccountAdoption(account.id, [championsOnly]);
    expect(before.courses[0]).toMatchObject({ finished: 0, people: 1, fraction: 0 });
    expect(before.people.find((p) => p.name === "Nia Member")!.courses[0]).toMatchObject({
      status: "not_started",
      counted: false,
    });
    const across = (await listAdoptionAcrossAccounts([championsOnly], { q: account.name })).rows.find(
      (row) => row.id === account.id,
    )!;
    expect(across).toMatchObject({ people: 3, courses: [{ finished: 0, people: 1 }] });

    await finishCourse(member);
    const after = await getAccountAdoption(account.id, [championsOnly]);
    expect(after.courses[0]).toMatchObject({ finished: 1, people: 2, fraction: 0.5 });
    expect(
      (await listAdoptionAcrossAccounts([championsOnly], { q: account.name })).rows.find(
        (row) => row.id === account.id,
      )!.courses[0],
    ).toMatchObject({ finished: 1, people: 2, fraction: 0.5 });
    // A course for everyone still counts everyone.
    expect((await getAccountAdoption(account.id, [fixtureCourse().course])).courses[0]).toMatchObject({
      finished: 1,
      people: 3,
    });
  });
});
