import { beforeAll, describe, expect, it } from "vitest";
import { type Account, type Plan, type Task, type User } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
} from "~db/seed/factories";
import { addComment } from "~/domain/plans/comments.server";
import { listPlanActivity } from "~/domain/plans/plan-activity.server";
import { updateTaskStatus } from "~/domain/plans/task-actions.server";

let account: Account;
let other: Account;
let plan: Plan;
let otherPlan: Plan;
let customerTask: Task;
let internalTask: Task;
let otherPlanTask: Task;
const people = {} as Record<"csm" | "champion" | "outsider", User>;
const as = (person: keyof typeof people) => actorOf(people[person]);

beforeAll(async () => {
  people.csm = await createStaff("csm", { name: "Casey CSM" });
  account = await createAccount({ csmId: people.csm.id });
  other = await createAccount();
  people.champion = await createCustomer(account.id, "champion", { name: "Chris Champion" });
  people.outsider = await createCustomer(other.id, "champion");
  // An older plan of the same account: its entries must not show on the current plan's log.
  otherPlan = await createPlan(account.id, { isCurrent: false });
  otherPlanTask = await createTask(await createMilestone(otherPlan));
  plan = await createPlan(account.id);
  const milestone = await createMilestone(plan);
  customerTask = await createTask(milestone, { title: "Certify one author" });
  internalTask = await createTask(milestone, { side: "vendor", internal: true, title: "Check the renewal risk" });

  const results = [
    await updateTaskStatus(as("champion"), account.id, otherPlanTask.id, { status: "done", expectedVersion: 1 }),
    await updateTaskStatus(as("champion"), account.id, customerTask.id, { status: "in_progress", expectedVersion: 1 }),
    await updateTaskStatus(as("csm"), account.id, internalTask.id, { status: "done", expectedVersion: 1 }),
    await addComment(as("csm"), account.id, {
      subjectType: "task",
      subjectId: customerTask.id,
      body: "Internal note",
      internal: true,
    }),
    await updateTaskStatus(as("champion"), account.id, customerTask.id, { status: "done", expectedVersion: 2 }),
    await addComment(as("champion"), account.id, {
      subjectType: "task",
      subjectId: customerTask.id,
      body: "Done!",
      internal: false,
    }),
  ];
  expect(results.every((result) => result.ok)).toBe(true);
});

describe("listPlanActivity", () => {
  it("lists the plan's entries newest first, with who, what and when, for a CSM including internal ones", async () => {
    const entries = await listPlanActivity(as("csm"), account.id, plan.id);
    expect(entries.map((entry) => [entry.action, entry.actorName, entry.details.title ?? null])).toEqual([
      ["comment.added", "Chris Champion", "Certify one author"],
      ["task.status_changed", "Chris Champion", "Certify one author"],
      ["comment.added", "Casey CSM", "Certify one author"],
      ["task.status_changed", "Casey CSM", "Check the renewal risk"],
      ["task.status_changed", "Chris Champion", "Certify one author"],
    ]);
    expect(entries[1]!.details).toMatchObject({ planId: plan.id, from: "in_progress", to: "done" });
    expect(new Date(entries[0]!.createdAt).toISOString()).toBe(entries[0]!.createdAt);
    const times = entries.map((entry) => entry.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("hides entries about internal items from a champion", async () => {
    const entries = await listPlanActivity(as("champion"), account.id, plan.id);
    expect(entries.map((entry) => [entry.action, entry.actorName])).toEqual([
      ["comment.added", "Chris Champion"],
      ["task.status_changed", "Chris Champion"],
      ["task.status_changed", "Chris Champion"],
    ]);
    expect(entries.some((entry) => entry.details.internal === true)).toBe(false);
  });

  it("keeps another plan's entries on that plan and honours the limit", async () => {
    const entries = await listPlanActivity(as("csm"), account.id, otherPlan.id);
    expect(entries.map((entry) => entry.details.title)).toEqual([otherPlanTask.title]);
    expect(await listPlanActivity(as("csm"), account.id, plan.id, 2)).toHaveLength(2);
  });

  it("returns nothing under another account's id", async () => {
    expect(await listPlanActivity(as("csm"), other.id, plan.id)).toEqual([]);
    expect(await listPlanActivity(as("outsider"), account.id, plan.id)).toEqual([]);
    expect(await listPlanActivity(as("outsider"), other.id, plan.id)).toEqual([]);
  });
});
