import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts, milestones, plans, tasks } from "~db/schema";
import { eq } from "drizzle-orm";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
} from "~db/seed/factories";
import { seedDemo } from "~db/seed/demo";
import { PLAN_STATUS_ORDER, planHealth } from "~/domain/plans/plan-health";
import { listPlanStatusByAccount, listPlanStatusOfAccounts, planStatusRank } from "~/domain/plans/plan-status.server";
import { signOffMilestone } from "~/domain/plans/milestone-actions.server";
import { getCurrentPlanView } from "~/domain/plans/plan-view.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";

/** The list's SQL must agree with milestone-status.ts as the plan page applies it. */
function healthFromView(view: NonNullable<Awaited<ReturnType<typeof getCurrentPlanView>>>) {
  return planHealth({
    total: view.milestones.length,
    achieved: view.milestones.filter((m) => m.status === "achieved").length,
    stalled: view.milestones.filter((m) => m.status === "stalled").length,
    atRisk: view.milestones.filter((m) => m.status === "at_risk").length,
  });
}

describe("listPlanStatusByAccount", () => {
  let admin: Awaited<ReturnType<typeof createStaff>>;
  beforeAll(async () => {
    await seedDemo();
    admin = await createStaff("admin");
  });

  it("agrees with the plan page for every demo account", async () => {
    const statuses = await listPlanStatusByAccount();
    const rows = await db.select({ id: accounts.id, name: accounts.name }).from(accounts);
    const demo = rows.filter((row) => ["Northwind Logistics", "Helix Health", "Orbit Retail"].includes(row.name));
    expect(demo).toHaveLength(3);
    for (const account of demo) {
      const view = (await getCurrentPlanView(actorOf(admin), account.id))!;
      expect(statuses.get(account.id), account.name).toEqual({
        planName: view.plan.name,
        total: view.milestones.length,
        achieved: view.summary.milestonesAchieved,
        overdueTasks: view.summary.overdueTasks,
        health: healthFromView(view),
      });
    }
    const byName = Object.fromEntries(demo.map((row) => [row.name, statuses.get(row.id)!.health]));
    expect(byName["Helix Health"]).toBe("stalled");
    expect(byName["Orbit Retail"]).toBe("on_track");
  });

  it("counts at-risk milestones at the window's edges, in the account's time zone", async () => {
    const account = await createAccount({ timeZone: "Pacific/Kiritimati" }); // UTC+14: "today" differs from the server's
    const today = todayIn(account.timeZone);
    const plan = await createPlan(account.id);
    const dueInSeven = await createMilestone(plan, { targetDate: datePlusDays(today, 7) });
    await createTask(dueInSeven, { status: "todo" });
    await createMilestone(plan, { targetDate: datePlusDays(today, 8) });
    const status = (await listPlanStatusByAccount()).get(account.id)!;
    const view = (await getCurrentPlanView(actorOf(admin), account.id))!;
    expect(view.milestones.map((m) => m.status)).toEqual(["at_risk", "upcoming"]);
    expect(status.health).toBe("at_risk");
    expect(status).toMatchObject({ total: 2, achieved: 0, overdueTasks: 0 });
  });
});

/** The account list's status for every account, from the rollup the triggers keep. */
async function rankedStatuses() {
  const rows = await db
    .select({ id: accounts.id, rank: planStatusRank(accounts.id, accounts.timeZone) })
    .from(accounts);
  return new Map(rows.map((row) => [row.id, PLAN_STATUS_ORDER[row.rank]]));
}

describe("planStatusRank (plan_status_rollups)", () => {
  it("agrees with listPlanStatusByAccount after every kind of change to plans, milestones and tasks", async () => {
    const admin = await createStaff("admin");
    const account = await createAccount({ timeZone: "Pacific/Kiritimati" });
    const champion = await createCustomer(account.id, "champion");
    const today = todayIn(account.timeZone);
    const expectAgreement = async (expected: string) => {
      const [full, ranked, page] = [
        await listPlanStatusByAccount(),
        await rankedStatuses(),
        await listPlanStatusOfAccounts([account.id]),
      ];
      for (const [id, status] of ranked) expect(status, id).toBe(full.get(id)?.health ?? "none");
      expect(ranked.get(account.id)).toBe(expected);
      expect(page.get(account.id)?.health ?? "none").toBe(expected);
      expect(page.size).toBeLessThanOrEqual(1);
    };
    await expectAgreement("none");
    const plan = await createPlan(account.id);
    await expectAgreement("on_track");
    const soon = await createMilestone(plan, { targetDate: datePlusDays(today, 7) });
    await expectAgreement("on_track");
    const task = await createTask(soon, { status: "todo" });
    await expectAgreement("at_risk");
    await db.update(tasks).set({ status: "done", completedAt: new Date() }).where(eq(tasks.id, task.id));
    await expectAgreement("on_track");
    for (const person of [admin, champion]) {
      const result = await signOffMilestone(actorOf(person), account.id, soon.id, {});
      expect(result.ok).toBe(true);
    }
    await expectAgreement("completed");
    const late = await createMilestone(plan, { targetDate: datePlusDays(today, -7) });
    await expectAgreement("stalled");
    await db.delete(tasks).where(eq(tasks.milestoneId, soon.id));
    await db.delete(milestones).where(eq(milestones.id, late.id));
    await expectAgreement("completed");
    await createPlan(account.id);
    await expectAgreement("on_track");
    await db.delete(plans).where(eq(plans.accountId, account.id));
    await expectAgreement("none");
  });
});
