import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { type Account, type Milestone, type Plan, type User, plans } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createOutcome,
  createPlan,
  createStaff,
  createTask,
  createTemplate,
} from "~db/seed/factories";
import { getCurrentPlanView, getPlanView, listPlans } from "~/domain/plans/plan-view.server";
import { applyTemplate } from "~/domain/plans/templates.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";

let account: Account;
let other: Account;
let plan: Plan;
let otherPlan: Plan;
let today: string;
const people = {} as Record<"admin" | "csm" | "marketing" | "champion" | "member" | "outsider", User>;
const milestone = {} as Record<"achieved" | "stalled" | "atRisk" | "onTrack" | "upcoming", Milestone>;
const day = (offset: number) => datePlusDays(today, offset);

beforeAll(async () => {
  people.admin = await createStaff("admin");
  people.csm = await createStaff("csm", { name: "Casey CSM" });
  people.marketing = await createStaff("marketing");
  // Far east of UTC, so "today" is the account's date and often not the server's.
  account = await createAccount({ timeZone: "Pacific/Kiritimati", csmId: people.csm.id });
  other = await createAccount();
  people.champion = await createCustomer(account.id, "champion", { name: "Chris Champion" });
  people.member = await createCustomer(account.id, "member", { name: "Morgan Member" });
  people.outsider = await createCustomer(other.id, "champion");
  today = todayIn(account.timeZone);

  const template = await createTemplate({ name: `Rollout ${account.id}` });
  await createPlan(account.id, { name: "Old plan", startDate: day(-400) });
  plan = await createPlan(account.id, { name: "Rollout", startDate: day(-60), templateId: template.id });
  otherPlan = await createPlan(other.id, { name: "Other account's plan" });

  const outcome = await createOutcome(plan, {
    title: "Reporting automated",
    why: "Saves a day",
    successCriteria: "No spreadsheets",
    ownerId: people.champion.id,
    targetDate: day(30),
    position: 0,
  });
  await createOutcome(plan, { title: "Adoption", position: 1 });

  const signedAt = new Date("2026-01-10T09:00:00Z");
  milestone.achieved = await createMilestone(plan, {
    title: "Kickoff",
    targetDate: day(-50),
    position: 0,
    outcomeId: outcome.id,
    vendorSignedById: people.csm.id,
    vendorSignedAt: signedAt,
    customerSignedById: people.champion.id,
    customerSignedAt: new Date("2026-01-11T09:00:00Z"),
    rating: 5,
    ratingComment: "Smooth",
  });
  milestone.stalled = await createMilestone(plan, {
    title: "Security review",
    targetDate: day(-7),
    position: 1,
    description: "Pass the review",
  });
  milestone.atRisk = await createMilestone(plan, { title: "Data connected", targetDate: day(3), position: 2 });
  milestone.onTrack = await createMilestone(plan, { title: "Pilot", targetDate: day(20), position: 3 });
  milestone.upcoming = await createMilestone(plan, { title: "Go-live", targetDate: day(45), position: 4 });

  await createTask(milestone.achieved, {
    title: "Kickoff call",
    side: "vendor",
    status: "done",
    dueDate: day(-52),
    assigneeId: people.csm.id,
    position: 0,
  });
  await createTask(milestone.achieved, {
    title: "Name an admin",
    status: "done",
    dueDate: day(-51),
    assigneeId: people.champion.id,
    position: 1,
  });
  await createTask(milestone.stalled, { title: "Questionnaire", status: "done", dueDate: day(-20), position: 0 });
  await createTask(milestone.stalled, {
    title: "Sign the BAA",
    status: "blocked",
    blockedReason: "Waiting on IT",
    dueDate: day(-10),
    assigneeId: people.member.id,
    position: 1,
  });
  await createTask(milestone.stalled, {
    title: "Approve SSO",
    status: "blocked",
    blockedReason: "Change board",
    dueDate: day(-1),
    position: 2,
  });
  await createTask(milestone.stalled, {
    title: "Flag renewal risk",
    side: "vendor",
    internal: true,
    status: "todo",
    dueDate: day(-2),
    assigneeId: people.csm.id,
    position: 3,
  });
  await createTask(milestone.atRisk, {
    title: "Connect the warehouse",
    status: "in_progress",
    dueDate: day(0),
    position: 0,
  });
  await createTask(milestone.atRisk, {
    title: "Map the model",
    side: "vendor",
    status: "done",
    dueDate: day(-3),
    position: 1,
  });
  await createTask(milestone.onTrack, {
    title: "Pick pilot users",
    status: "in_progress",
    dueDate: day(10),
    position: 0,
  });
  await createTask(milestone.onTrack, {
    title: "Internal prep",
    side: "vendor",
    internal: true,
    status: "todo",
    dueDate: day(15),
    position: 1,
  });
  await createTask(milestone.upcoming, { title: "Announce go-live", status: "todo", dueDate: day(45), position: 0 });
  // Another account's task on this account's milestone id can't exist (FKs aside, every query is scoped), but a task in
  // the other plan must not leak in.
  const otherMilestone = await createMilestone(otherPlan, { title: "Other milestone" });
  await createTask(otherMilestone, { title: "Other account's task" });
});

describe("getPlanView as a CSM", () => {
  it("returns the plan, today and outcomes in order", async () => {
    const view = (await getPlanView(actorOf(people.csm), account.id, plan.id))!;
    expect(view.plan).toEqual({
      id: plan.id,
      name: "Rollout",
      startDate: day(-60),
      templateName: `Rollout ${account.id}`,
      isCurrent: true,
      version: 1,
      customerOpenedAt: null,
    });
    expect(view.today).toBe(today);
    expect(view.outcomes).toEqual([
      {
        id: expect.any(String),
        title: "Reporting automated",
        why: "Saves a day",
        successCriteria: "No spreadsheets",
        ownerId: people.champion.id,
        ownerName: "Chris Champion",
        targetDate: day(30),
        version: 1,
      },
      {
        id: expect.any(String),
        title: "Adoption",
        why: "",
        successCriteria: "",
        ownerId: null,
        ownerName: null,
        targetDate: null,
        version: 1,
      },
    ]);
  });

  it("derives each milestone's status, counts and progress", async () => {
    const view = (await getPlanView(actorOf(people.csm), account.id, plan.id))!;
    expect(view.milestones.map((m) => [m.title, m.status, m.daysToTarget, m.taskCounts, m.progress])).toEqual([
      ["Kickoff", "achieved", -50, { total: 2, done: 2, open: 0, overdue: 0, blocked: 0 }, 1],
      ["Security review", "stalled", -7, { total: 4, done: 1, open: 3, overdue: 3, blocked: 2 }, 0.25],
      ["Data connected", "at_risk", 3, { total: 2, done: 1, open: 1, overdue: 0, blocked: 0 }, 0.5],
      ["Pilot", "on_track", 20, { total: 2, done: 0, open: 2, overdue: 0, blocked: 0 }, 0],
      ["Go-live", "upcoming", 45, { total: 1, done: 0, open: 1, overdue: 0, blocked: 0 }, 0],
    ]);
    const kickoff = view.milestones[0]!;
    expect(kickoff).toMatchObject({
      outcomeId: expect.any(String),
      vendorSignOff: { name: "Casey CSM", at: "2026-01-10T09:00:00.000Z" },
      customerSignOff: { name: "Chris Champion", at: "2026-01-11T09:00:00.000Z" },
      rating: 5,
      ratingComment: "Smooth",
    });
    expect(view.milestones[1]).toMatchObject({
      description: "Pass the review",
      vendorSignOff: null,
      customerSignOff: null,
      rating: null,
      outcomeId: null,
    });
  });

  it("returns tasks grouped in milestone order, with internal ones, assignees and overdue flags", async () => {
    const view = (await getPlanView(actorOf(people.csm), account.id, plan.id))!;
    expect(view.tasks.map((t) => t.title)).toEqual([
      "Kickoff call",
      "Name an admin",
      "Questionnaire",
      "Sign the BAA",
      "Approve SSO",
      "Flag renewal risk",
      "Connect the warehouse",
      "Map the model",
      "Pick pilot users",
      "Internal prep",
      "Announce go-live",
    ]);
    const baa = view.tasks.find((t) => t.title === "Sign the BAA")!;
    expect(baa).toEqual({
      id: expect.any(String),
      milestoneId: milestone.stalled.id,
      title: "Sign the BAA",
      notes: "",
      side: "customer",
      assigneeId: people.member.id,
      assigneeName: "Morgan Member",
      dueDate: day(-10),
      status: "blocked",
      blockedReason: "Waiting on IT",
      internal: false,
      overdue: true,
      version: 1,
      courseSlug: null,
    });
    expect(view.tasks.find((t) => t.title === "Flag renewal risk")).toMatchObject({
      internal: true,
      overdue: true,
      assigneeName: "Casey CSM",
    });
    // Due today is not overdue yet.
    expect(view.tasks.find((t) => t.title === "Connect the warehouse")!.overdue).toBe(false);
  });

  it("summarizes the plan", async () => {
    const view = (await getPlanView(actorOf(people.csm), account.id, plan.id))!;
    expect(view.summary).toEqual({
      progress: (1 + 0.25 + 0.5 + 0 + 0) / 5,
      milestonesAchieved: 1,
      milestonesTotal: 5,
      nextMilestone: { id: milestone.stalled.id, title: "Security review", targetDate: day(-7), daysToTarget: -7 },
      overdueTasks: 3,
      blockedTasks: 2,
    });
  });
});

describe("internal tasks", () => {
  it.each(["champion", "member"] as const)("are never returned to a %s", async (role) => {
    const view = (await getPlanView(actorOf(people[role]), account.id, plan.id))!;
    expect(view.tasks.map((t) => t.title)).not.toContain("Flag renewal risk");
    expect(view.tasks.map((t) => t.title)).not.toContain("Internal prep");
    expect(view.tasks.every((t) => !t.internal)).toBe(true);
    expect(view.tasks).toHaveLength(9);
    // Counts follow what the person sees, so nothing hints at the hidden tasks.
    const security = view.milestones.find((m) => m.title === "Security review")!;
    expect(security.taskCounts).toEqual({ total: 3, done: 1, open: 2, overdue: 2, blocked: 2 });
    expect(view.milestones.find((m) => m.title === "Pilot")!.taskCounts.total).toBe(1);
    expect(view.summary.overdueTasks).toBe(2);
    expect(JSON.stringify(view)).not.toMatch(/renewal risk|Internal prep/);
  });

  it.each(["admin", "csm", "marketing"] as const)("are shown to %s", async (role) => {
    const view = (await getPlanView(actorOf(people[role]), account.id, plan.id))!;
    expect(view.tasks.filter((t) => t.internal).map((t) => t.title)).toEqual(["Flag renewal risk", "Internal prep"]);
  });
});

describe("scoping", () => {
  it("answers null for another account's plan id, whoever asks", async () => {
    for (const person of [people.csm, people.admin, people.champion]) {
      expect(await getPlanView(actorOf(person), account.id, otherPlan.id)).toBeNull();
    }
    expect(await getPlanView(actorOf(people.csm), other.id, plan.id)).toBeNull();
    expect(await getPlanView(actorOf(people.csm), account.id, "nosuchplanxxxxxx")).toBeNull();
  });

  it("answers null to a customer of another account, even with the right ids", async () => {
    expect(await getPlanView(actorOf(people.outsider), account.id, plan.id)).toBeNull();
    expect(await getCurrentPlanView(actorOf(people.outsider), account.id)).toBeNull();
  });

  it("never mixes in another plan's rows", async () => {
    const view = (await getPlanView(actorOf(people.csm), other.id, otherPlan.id))!;
    expect(view.milestones.map((m) => m.title)).toEqual(["Other milestone"]);
    expect(view.tasks.map((t) => t.title)).toEqual(["Other account's task"]);
    expect(view.outcomes).toEqual([]);
  });
});

describe("getCurrentPlanView and listPlans", () => {
  it("finds the account's current plan", async () => {
    expect((await getCurrentPlanView(actorOf(people.member), account.id))?.plan.id).toBe(plan.id);
  });

  it("is null for an account without plans", async () => {
    const empty = await createAccount();
    expect(await getCurrentPlanView(actorOf(people.csm), empty.id)).toBeNull();
    expect(await listPlans(empty.id)).toEqual([]);
  });

  it("shows an older plan that is not current", async () => {
    const [, old] = await listPlans(account.id);
    const view = (await getPlanView(actorOf(people.csm), account.id, old!.id))!;
    expect(view.plan).toMatchObject({ name: "Old plan", isCurrent: false, templateName: null });
    expect(view.summary).toMatchObject({ progress: 0, milestonesTotal: 0, nextMilestone: null });
  });

  it("lists the account's plans, current first", async () => {
    expect((await listPlans(account.id)).map((p) => [p.name, p.isCurrent, p.startDate])).toEqual([
      ["Rollout", true, day(-60)],
      ["Old plan", false, day(-400)],
    ]);
  });
});

describe("query count", () => {
  /**
   * Statements sent to PostgreSQL while `run` runs, through postgres.js's debug hook. (`db.$client`
   * comes back bound through the lazy proxy in client.server.ts, without its options; the session's
   * client is the same postgres.js instance.)
   */
  async function countQueries(run: () => Promise<unknown>): Promise<number> {
    const { options } = (db as unknown as { session: { client: { options: { debug?: unknown } } } }).session.client;
    const before = options.debug;
    let n = 0;
    options.debug = () => {
      n += 1;
    };
    try {
      await run();
    } finally {
      options.debug = before;
    }
    return n;
  }

  it("stays at four queries whatever the plan's size", async () => {
    const small = await countQueries(() => getPlanView(actorOf(people.csm), account.id, plan.id));
    const bigAccount = await createAccount();
    const bigChampion = await createCustomer(bigAccount.id, "champion");
    const template = await createTemplate();
    const applied = await applyTemplate(actorOf(people.csm), {
      accountId: bigAccount.id,
      templateId: template.id,
      startDate: today,
      name: "Big",
    });
    if (!applied.ok) throw new Error(applied.error);
    const [bigPlan] = await db.select().from(plans).where(eq(plans.id, applied.planId));
    for (let i = 0; i < 4; i += 1) {
      const extra = await createMilestone(bigPlan!, { title: `Extra ${i}` });
      for (let j = 0; j < 6; j += 1) await createTask(extra, { title: `Extra task ${i}.${j}` });
    }
    let view: Awaited<ReturnType<typeof getCurrentPlanView>> = null;
    const large = await countQueries(async () => {
      view = await getCurrentPlanView(actorOf(bigChampion), bigAccount.id);
    });
    expect(view!.tasks).toHaveLength(5 + 24);
    expect(small).toBe(4);
    expect(large).toBe(4);
  });
});
