import { beforeAll, describe, expect, it } from "vitest";
import { type Account, type Milestone, type User } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
} from "~db/seed/factories";
import { listMyTasks } from "~/domain/plans/my-tasks.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";

// Two accounts 25 hours apart: Kiritimati's calendar date is always one or two days ahead of Pago Pago's.
let east: Account;
let west: Account;
let eastMilestone: Milestone;
let westMilestone: Milestone;
let eastOldMilestone: Milestone;
const people = {} as Record<"csm" | "otherCsm" | "member" | "colleague" | "westMember", User>;
const groupsOf = async (person: keyof typeof people) =>
  Object.fromEntries((await listMyTasks(actorOf(people[person]))).groups.map((group) => [group.group, group.tasks]));
const titles = async (person: keyof typeof people) =>
  Object.values(await groupsOf(person)).flatMap((list) => list.map((task) => task.title));

beforeAll(async () => {
  // The CSM lives on Kiritimati's calendar: My tasks groups by the person's own date.
  people.csm = await createStaff("csm", { timeZone: "Pacific/Kiritimati" });
  people.otherCsm = await createStaff("csm");
  east = await createAccount({ name: `East ${Date.now()}`, timeZone: "Pacific/Kiritimati", csmId: people.csm.id });
  west = await createAccount({ name: `West ${Date.now()}`, timeZone: "Pacific/Pago_Pago", csmId: people.csm.id });
  people.member = await createCustomer(east.id, "member");
  people.colleague = await createCustomer(east.id, "member");
  people.westMember = await createCustomer(west.id, "member");

  const eastOld = await createPlan(east.id, { name: "Old east plan" });
  eastOldMilestone = await createMilestone(eastOld, { title: "Old kickoff" });
  const eastPlan = await createPlan(east.id, { name: "East rollout" });
  eastMilestone = await createMilestone(eastPlan, { title: "Go-live" });
  westMilestone = await createMilestone(await createPlan(west.id, { name: "West rollout" }), { title: "Pilot" });
});

describe("listMyTasks", () => {
  it("groups a person's open tasks in current plans by due date on their own calendar, undated last", async () => {
    const eastToday = todayIn(east.timeZone);
    const westToday = todayIn(west.timeZone);
    const csm = people.csm.id;
    // Due on Pago Pago's today: overdue in the east (already a later day there), not in the west.
    await createTask(westMilestone, { title: "West due today", side: "vendor", assigneeId: csm, dueDate: westToday });
    await createTask(eastMilestone, {
      title: "East due west-today",
      side: "vendor",
      assigneeId: csm,
      dueDate: westToday,
    });
    await createTask(eastMilestone, {
      title: "East overdue long",
      side: "vendor",
      assigneeId: csm,
      dueDate: datePlusDays(eastToday, -30),
      status: "blocked",
      blockedReason: "x",
    });
    await createTask(eastMilestone, {
      title: "East undated",
      side: "vendor",
      assigneeId: csm,
      dueDate: null,
      status: "in_progress",
    });
    await createTask(westMilestone, {
      title: "West next week",
      side: "vendor",
      assigneeId: csm,
      dueDate: datePlusDays(westToday, 7),
    });
    await createTask(eastMilestone, {
      title: "East tomorrow",
      side: "vendor",
      assigneeId: csm,
      dueDate: datePlusDays(eastToday, 1),
      internal: true,
    });
    // Not on the list: done, someone else's, unassigned, or in a plan that is no longer current.
    await createTask(eastMilestone, {
      title: "East done",
      side: "vendor",
      assigneeId: csm,
      dueDate: datePlusDays(eastToday, -3),
      status: "done",
    });
    await createTask(eastMilestone, {
      title: "Someone else's",
      side: "vendor",
      assigneeId: people.otherCsm.id,
      dueDate: eastToday,
    });
    await createTask(eastMilestone, { title: "Nobody's", side: "vendor", dueDate: eastToday });
    await createTask(eastOldMilestone, {
      title: "Old plan's",
      side: "vendor",
      assigneeId: csm,
      dueDate: datePlusDays(eastToday, -100),
    });

    // West's "today" is already yesterday (or the day before) on the CSM's calendar.
    const groups = await groupsOf("csm");
    const names = (group: string) => groups[group]!.map((task) => task.title);
    expect(names("overdue")[0]).toBe("East overdue long");
    expect(names("overdue").slice(1).sort()).toEqual(["East due west-today", "West due today"]);
    expect(names("week")).toEqual(["East tomorrow", "West next week"]);
    expect(names("later")).toEqual(["East undated"]);
    const list = Object.values(groups).flat();
    expect(await titles("otherCsm")).toEqual(["Someone else's"]);
    expect(list[0]).toEqual({
      id: expect.any(String),
      title: "East overdue long",
      status: "blocked",
      dueDate: datePlusDays(eastToday, -30),
      overdue: true,
      side: "vendor",
      version: 1,
      planId: eastMilestone.planId,
      planName: "East rollout",
      accountId: east.id,
      accountName: east.name,
      milestoneTitle: "Go-live",
    });
  });

  it("keeps a customer's list to their own account and their own tasks", async () => {
    const eastToday = todayIn(east.timeZone);
    await createTask(eastMilestone, {
      title: "Member's",
      assigneeId: people.member.id,
      dueDate: datePlusDays(eastToday, 2),
    });
    await createTask(eastMilestone, {
      title: "Member's overdue",
      assigneeId: people.member.id,
      dueDate: datePlusDays(eastToday, -1),
      status: "in_progress",
    });
    await createTask(eastMilestone, { title: "Colleague's", assigneeId: people.colleague.id, dueDate: eastToday });
    // Rows that should never exist (a customer on another account's or on an internal task) still don't show.
    await createTask(westMilestone, {
      title: "Wrongly on another account",
      assigneeId: people.member.id,
      dueDate: eastToday,
    });
    await createTask(eastMilestone, {
      title: "Wrongly internal",
      side: "vendor",
      internal: true,
      assigneeId: people.member.id,
      dueDate: eastToday,
    });
    await createTask(westMilestone, { title: "West member's", assigneeId: people.westMember.id });

    expect(await titles("member")).toEqual(["Member's overdue", "Member's"]);
    expect(await titles("colleague")).toEqual(["Colleague's"]);
    expect(await titles("westMember")).toEqual(["West member's"]);
  });
});
