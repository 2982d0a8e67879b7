import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts } from "~db/schema";
import { actorOf, createAccount, createMilestone, createPlan, createStaff, createTask } from "~db/seed/factories";
import { seedDemo } from "~db/seed/demo";
import { planHealth } from "~/domain/plans/plan-health";
import { listPlanStatusByAccount } from "~/domain/plans/plan-status.server";
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
