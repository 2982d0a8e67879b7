import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts, planTemplates, segments, users } from "~db/schema";
import { actorOf } from "~db/seed/factories";
import { isDatabaseEmpty, seedDemo } from "~db/seed/demo";
import { listEvents } from "~/domain/events/record.server";
import { getCurrentPlanView, listPlans, type PlanView } from "~/domain/plans/plan-view.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { getPlanValue } from "~/domain/value/metrics.server";

const views = {} as Record<"northwind" | "helix" | "orbit", PlanView>;
const championViews = {} as Record<"helix", PlanView>;
const accountIds = {} as Record<string, string>;

async function userByEmail(email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user!;
}

beforeAll(async () => {
  expect(await isDatabaseEmpty()).toBe(true);
  // Seeding speed is a benchmark's business, not a test's: on a busy 2-core machine a time limit flakes.
  await seedDemo();
  // The three story accounts (the demo's generated revenue accounts have no plan).
  for (const row of await db.select({ id: accounts.id, name: accounts.name }).from(accounts))
    if (["Northwind Logistics", "Helix Health", "Orbit Retail"].includes(row.name)) accountIds[row.name] = row.id;
  const csm = actorOf(await userByEmail("priya@lumen-analytics.example"));
  views.northwind = (await getCurrentPlanView(csm, accountIds["Northwind Logistics"]!))!;
  views.helix = (await getCurrentPlanView(csm, accountIds["Helix Health"]!))!;
  views.orbit = (await getCurrentPlanView(csm, accountIds["Orbit Retail"]!))!;
  championViews.helix = (await getCurrentPlanView(
    actorOf(await userByEmail("elena@helixhealth.example")),
    accountIds["Helix Health"]!,
  ))!;
});

const milestone = (view: PlanView, title: string) => view.milestones.find((m) => m.title === title)!;

describe("seedDemo: templates", () => {
  it("seeds one template per segment, each internally consistent", async () => {
    const rows = await db
      .select({ name: planTemplates.name, segment: segments.name, definition: planTemplates.definition })
      .from(planTemplates)
      .innerJoin(segments, eq(segments.id, planTemplates.segmentId))
      .orderBy(asc(planTemplates.name));
    expect(rows.map((row) => [row.name, row.segment])).toEqual([
      ["Enterprise rollout", "Enterprise rollout"],
      ["Regulated industry launch", "Regulated industry"],
      ["Self-serve onboarding", "Self-serve team"],
    ]);
    for (const { definition } of rows) {
      expect(definition.outcomes.length).toBeGreaterThanOrEqual(2);
      expect(definition.outcomes.length).toBeLessThanOrEqual(3);
      expect(definition.milestones.length).toBeGreaterThanOrEqual(4);
      expect(definition.milestones.length).toBeLessThanOrEqual(5);
      for (const m of definition.milestones) {
        const own = definition.tasks.filter((t) => t.milestoneKey === m.key);
        expect(own.length).toBeGreaterThanOrEqual(3);
        expect(own.length).toBeLessThanOrEqual(5);
        expect(new Set(own.map((t) => t.side))).toEqual(new Set(["customer", "vendor"]));
      }
    }
  });
});

describe("seedDemo: every account has one current plan", () => {
  it("names the plans after their templates", async () => {
    expect(views.northwind.plan).toMatchObject({
      name: "Self-serve onboarding",
      templateName: "Self-serve onboarding",
      isCurrent: true,
    });
    expect(views.helix.plan).toMatchObject({
      name: "Regulated industry launch",
      templateName: "Regulated industry launch",
      isCurrent: true,
    });
    expect(views.orbit.plan).toMatchObject({
      name: "Enterprise rollout",
      templateName: "Enterprise rollout",
      isCurrent: true,
    });
    for (const id of Object.values(accountIds)) expect(await listPlans(id)).toHaveLength(1);
  });

  it("assigns every task: customer tasks to the account's people, vendor tasks to the CSM", async () => {
    const csmOf = { northwind: "Marcus Webb", helix: "Sofia Lindqvist", orbit: "Marcus Webb" } as const;
    for (const key of ["northwind", "helix", "orbit"] as const) {
      for (const task of views[key].tasks) {
        expect(task.assigneeId).not.toBeNull();
        if (task.side === "vendor") expect(task.assigneeName).toBe(csmOf[key]);
        else expect(task.assigneeName).not.toBe(csmOf[key]);
      }
    }
  });
});

describe("seedDemo: Northwind — fresh", () => {
  it("started 3 days ago with nothing done and nothing late", () => {
    const view = views.northwind;
    expect(view.plan.startDate).toBe(datePlusDays(view.today, -3));
    expect(view.milestones.map((m) => m.status)).toEqual(["upcoming", "upcoming", "upcoming", "upcoming"]);
    expect(view.tasks.every((t) => t.status === "todo")).toBe(true);
    expect(view.summary).toMatchObject({
      progress: 0,
      milestonesAchieved: 0,
      milestonesTotal: 4,
      overdueTasks: 0,
      blockedTasks: 0,
    });
    expect(view.summary.nextMilestone).toMatchObject({
      title: "Workspace set up and warehouse connected",
      daysToTarget: 11,
    });
  });
});

describe("seedDemo: Helix — mid-way, stalled", () => {
  it("has its kickoff achieved with both sign-offs", () => {
    expect(milestone(views.helix, "Kickoff: compliance scope agreed")).toMatchObject({
      status: "achieved",
      vendorSignOff: { name: "Sofia Lindqvist" },
      customerSignOff: { name: "Elena Marsh" },
      rating: 4,
    });
  });

  it("has the security review stalled with two blocked customer tasks", () => {
    const view = views.helix;
    const security = milestone(view, "Security and privacy review passed");
    expect(security.status).toBe("stalled");
    expect(security.daysToTarget).toBe(-15);
    const blocked = view.tasks.filter((t) => t.status === "blocked");
    expect(blocked.map((t) => [t.title, t.side, t.assigneeName, t.blockedReason, t.milestoneId])).toEqual([
      [
        "Sign the business associate agreement",
        "customer",
        "Elena Marsh",
        "Waiting on security review sign-off from Helix IT",
        security.id,
      ],
      [
        "Approve the single sign-on and data retention settings",
        "customer",
        "Owen Fletcher",
        "Waiting on the Helix IT change advisory board; no meeting date yet",
        security.id,
      ],
    ]);
    expect(view.milestones.map((m) => m.status)).toEqual(["achieved", "stalled", "on_track", "upcoming", "upcoming"]);
    expect(view.summary).toMatchObject({ milestonesAchieved: 1, overdueTasks: 4, blockedTasks: 2 });
    expect(view.tasks.filter((t) => t.status === "done").length).toBeGreaterThan(4);
  });

  it("has one internal vendor task that Elena never sees", () => {
    const internal = views.helix.tasks.filter((t) => t.internal);
    expect(internal.map((t) => [t.title, t.side, t.assigneeName])).toEqual([
      ["Flag renewal risk to sales leadership", "vendor", "Sofia Lindqvist"],
    ]);
    expect(championViews.helix.tasks.some((t) => t.internal)).toBe(false);
    expect(championViews.helix.tasks).toHaveLength(views.helix.tasks.length - 1);
  });
});

describe("seedDemo: Orbit — nearly done, go-live early", () => {
  it("has four milestones achieved with ratings, and the last one upcoming", () => {
    const view = views.orbit;
    expect(view.milestones.map((m) => [m.title, m.status, m.rating])).toEqual([
      ["Kickoff with the executive sponsor", "achieved", 5],
      ["Sales and inventory data connected", "achieved", 4],
      ["Pilot team live on Lumen", "achieved", 5],
      ["Go-live: the trading meeting runs on Lumen", "achieved", 5],
      ["Adoption review with the executive sponsor", "upcoming", null],
    ]);
    for (const m of view.milestones.slice(0, 4)) {
      expect(m.vendorSignOff?.name).toBe("Marcus Webb");
      expect(m.customerSignOff?.name).toBe("Kenji Watanabe");
      expect(m.ratingComment).toBeTruthy();
    }
    expect(view.summary).toMatchObject({
      milestonesAchieved: 4,
      milestonesTotal: 5,
      overdueTasks: 0,
      blockedTasks: 0,
      progress: 0.8,
    });
    expect(view.summary.nextMilestone).toMatchObject({
      title: "Adoption review with the executive sponsor",
      daysToTarget: 10,
    });
  });

  it("signed go-live off before its target date", () => {
    const goLive = milestone(views.orbit, "Go-live: the trading meeting runs on Lumen");
    expect(goLive.customerSignOff!.at < `${goLive.targetDate}T00:00:00Z`).toBe(true);
  });
});

describe("seedDemo: milestone.achieved events", () => {
  it("records one per achieved milestone, Orbit's go-live 7 days early", async () => {
    const orbit = await listEvents("milestone.achieved", { accountId: accountIds["Orbit Retail"] });
    expect(orbit.map((e) => [e.payload.title, e.payload.daysEarly])).toEqual([
      ["Kickoff with the executive sponsor", -1],
      ["Sales and inventory data connected", -1],
      ["Pilot team live on Lumen", 2],
      ["Go-live: the trading meeting runs on Lumen", 7],
    ]);
    const goLive = orbit[3]!;
    expect(goLive.payload).toMatchObject({
      planId: views.orbit.plan.id,
      targetDate: milestone(views.orbit, goLive.payload.title).targetDate,
    });
    expect(goLive.payload.achievedOn).toBe(datePlusDays(goLive.payload.targetDate, -7));
    expect(goLive.subjectId).toBe(goLive.payload.milestoneId);

    const helix = await listEvents("milestone.achieved", { accountId: accountIds["Helix Health"] });
    expect(helix.map((e) => [e.payload.title, e.payload.daysEarly])).toEqual([
      ["Kickoff: compliance scope agreed", -1],
    ]);
    expect(await listEvents("milestone.achieved", { accountId: accountIds["Northwind Logistics"] })).toEqual([]);
  });
});

describe("seedDemo: value", () => {
  it("tells a different value story per account: none measured, a little progress, a strong ROI", async () => {
    const admin = actorOf(await userByEmail("priya@lumen-analytics.example"));
    const [northwind, helix, orbit] = await Promise.all(
      ["Northwind Logistics", "Helix Health", "Orbit Retail"].map((name) => getPlanValue(admin, accountIds[name]!)),
    );
    const measured = (value: typeof northwind) =>
      value!.outcomes.flatMap((outcome) => outcome.metrics).flatMap((metric) => metric.measurements).length;
    expect(measured(northwind)).toBe(0);
    expect(northwind!.roi).toMatchObject({ annualValue: 0, annualCost: 18_000 });

    expect(measured(helix)).toBe(3);
    expect(helix!.roi.roiPercent!).toBeLessThan(0);

    expect(orbit!.currency).toBe("AUD");
    // 48 h × 55 × 52 + 7 days × 4,000 × 12 = 137,280 + 336,000 against 240,000 a year.
    expect(orbit!.roi).toMatchObject({ annualValue: 473_280, annualCost: 240_000, moneyMetrics: 2, otherMetrics: 1 });
    expect(Math.round(orbit!.roi.roiPercent!)).toBe(97);
  });
});
