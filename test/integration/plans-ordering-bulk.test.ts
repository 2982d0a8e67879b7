import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import {
  type Account,
  type Milestone,
  type Plan,
  type Task,
  type User,
  activity,
  inboxItems,
  milestones,
  tasks,
} from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
} from "~db/seed/factories";
import { getCurrentPlanView } from "~/domain/plans/plan-view.server";
import { moveMilestone, moveTask } from "~/domain/plans/plan-ordering.server";
import { BULK_MAX, BulkFormSchema } from "~/domain/plans/task-bulk";
import { bulkEditTasks } from "~/domain/plans/task-bulk.server";
import { parseSubmission } from "~/lib/forms";

let account: Account;
let other: Account;
let plan: Plan;
const people = {} as Record<"csm" | "csm2" | "marketing" | "champion" | "member" | "outsider", User>;
const as = (person: keyof typeof people) => actorOf(people[person]);

beforeAll(async () => {
  people.csm = await createStaff("csm", { name: "Casey CSM" });
  people.csm2 = await createStaff("csm", { name: "Jordan CSM" });
  people.marketing = await createStaff("marketing");
  account = await createAccount({ csmId: people.csm.id });
  other = await createAccount();
  people.champion = await createCustomer(account.id, "champion", { name: "Chris Champion" });
  people.member = await createCustomer(account.id, "member", { name: "Morgan Member" });
  people.outsider = await createCustomer(other.id, "champion");
  plan = await createPlan(account.id, { startDate: "2026-01-01" });
});

/** A milestone with tasks named A, B, C… (vendor unless told), all at position 0 as the factory leaves them. */
async function milestoneWith(
  specs: ({ title: string } & Partial<Pick<Task, "side" | "internal" | "position">>)[],
  into: Plan = plan,
) {
  const milestone = await createMilestone(into);
  const created: Task[] = [];
  for (const spec of specs) created.push(await createTask(milestone, { side: "vendor", ...spec }));
  return { milestone, tasks: created };
}

async function order(milestone: Milestone) {
  const rows = await db
    .select({ title: tasks.title, position: tasks.position })
    .from(tasks)
    .where(eq(tasks.milestoneId, milestone.id))
    .orderBy(asc(tasks.position));
  return rows;
}

const activityOf = (ids: string[], action: string) =>
  db
    .select()
    .from(activity)
    .where(and(inArray(activity.subjectId, ids), eq(activity.action, action)));

describe("moveTask", () => {
  it("moves down, up and to an index, renumbering the milestone's tasks 0…n-1 without gaps", async () => {
    const { milestone, tasks: list } = await milestoneWith([
      { title: "A", position: 0 },
      { title: "B", position: 5 },
      { title: "C", position: 9 },
      { title: "D", position: 9 },
    ]);
    const [a, , c, d] = list;
    const down = await moveTask(as("csm"), account.id, { taskId: a!.id, direction: "down" });
    expect(down).toEqual({ ok: true, title: "A", position: 2, of: 4 });
    expect(await order(milestone)).toEqual([
      { title: "B", position: 0 },
      { title: "A", position: 1 },
      { title: "C", position: 2 },
      { title: "D", position: 3 },
    ]);

    expect(await moveTask(as("csm"), account.id, { taskId: d!.id, direction: "up" })).toMatchObject({ position: 3 });
    expect((await order(milestone)).map((row) => row.title)).toEqual(["B", "A", "D", "C"]);

    expect(await moveTask(as("csm"), account.id, { taskId: c!.id, toIndex: 0 })).toMatchObject({ position: 1 });
    expect(await order(milestone)).toEqual([
      { title: "C", position: 0 },
      { title: "B", position: 1 },
      { title: "A", position: 2 },
      { title: "D", position: 3 },
    ]);
    // Past the end lands last; "up" from the top changes nothing and logs nothing.
    expect(await moveTask(as("csm"), account.id, { taskId: c!.id, toIndex: 99 })).toMatchObject({ position: 4 });
    expect((await order(milestone)).map((row) => row.title)).toEqual(["B", "A", "D", "C"]);
    const b = list[1]!;
    expect(await moveTask(as("csm"), account.id, { taskId: b.id, direction: "up" })).toMatchObject({ position: 1 });
    expect(await activityOf([b.id], "task.moved")).toHaveLength(0);
    const moved = await activityOf([a!.id, c!.id, d!.id], "task.moved");
    expect(moved).toHaveLength(4);
    expect(moved.find((entry) => entry.subjectId === a!.id)?.details).toMatchObject({ from: 1, to: 2, title: "A" });
    // The plan page shows the new order, and versions are untouched (a move is not an edit).
    const view = await getCurrentPlanView(as("csm"), account.id);
    expect(view!.tasks.filter((task) => task.milestoneId === milestone.id).map((task) => task.title)).toEqual([
      "B",
      "A",
      "D",
      "C",
    ]);
    expect(view!.tasks.find((task) => task.id === a!.id)?.version).toBe(1);
  });

  it("lets a champion move customer-side tasks only, in the order they see (internal tasks keep their places)", async () => {
    const { milestone, tasks: list } = await milestoneWith([
      { title: "Customer 1", side: "customer", position: 0 },
      { title: "Internal", side: "vendor", internal: true, position: 1 },
      { title: "Vendor", side: "vendor", position: 2 },
      { title: "Customer 2", side: "customer", position: 3 },
    ]);
    const [customer1, internal, vendor] = list;
    expect(await moveTask(as("champion"), account.id, { taskId: vendor!.id, direction: "up" })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await moveTask(as("champion"), account.id, { taskId: internal!.id, direction: "down" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await moveTask(as("member"), account.id, { taskId: customer1!.id, direction: "down" })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await moveTask(as("marketing"), account.id, { taskId: customer1!.id, direction: "down" })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await moveTask(as("outsider"), account.id, { taskId: customer1!.id, direction: "down" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect((await order(milestone)).map((row) => row.title)).toEqual([
      "Customer 1",
      "Internal",
      "Vendor",
      "Customer 2",
    ]);

    // The champion sees Customer 1, Vendor, Customer 2: one step down puts it after Vendor.
    expect(await moveTask(as("champion"), account.id, { taskId: customer1!.id, direction: "down" })).toEqual({
      ok: true,
      title: "Customer 1",
      position: 2,
      of: 3,
    });
    expect(await order(milestone)).toEqual([
      { title: "Internal", position: 0 },
      { title: "Vendor", position: 1 },
      { title: "Customer 1", position: 2 },
      { title: "Customer 2", position: 3 },
    ]);
  });

  it("refuses a stale version when one is given, and bad targets", async () => {
    const { tasks: list } = await milestoneWith([{ title: "A" }, { title: "B" }]);
    expect(
      await moveTask(as("csm"), account.id, { taskId: list[0]!.id, direction: "down", expectedVersion: 2 }),
    ).toEqual({ ok: false, error: "stale" });
    expect(
      await moveTask(as("csm"), account.id, { taskId: list[0]!.id, toIndex: -1 } as Parameters<typeof moveTask>[2]),
    ).toMatchObject({ ok: false, error: "invalid" });
    expect(await moveTask(as("csm"), other.id, { taskId: list[0]!.id, direction: "down" })).toEqual({
      ok: false,
      error: "not_found",
    });
  });
});

describe("moveMilestone", () => {
  it("reorders the plan's milestones (display order: position, then target date) without gaps; planners only", async () => {
    const own = await createPlan(account.id, { isCurrent: false, startDate: "2026-01-01" });
    const first = await createMilestone(own, { title: "First", targetDate: "2026-02-01" });
    const second = await createMilestone(own, { title: "Second", targetDate: "2026-03-01" });
    const third = await createMilestone(own, { title: "Third", targetDate: "2026-04-01" });
    const titles = async () =>
      (
        await db
          .select({ title: milestones.title, position: milestones.position })
          .from(milestones)
          .where(eq(milestones.planId, own.id))
          .orderBy(asc(milestones.position))
      ).map((row) => `${row.position}:${row.title}`);

    expect(await moveMilestone(as("champion"), account.id, { milestoneId: first.id, direction: "down" })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await moveMilestone(as("csm"), account.id, { milestoneId: third.id, direction: "up" })).toEqual({
      ok: true,
      title: "Third",
      position: 2,
      of: 3,
    });
    expect(await titles()).toEqual(["0:First", "1:Third", "2:Second"]);
    expect(await moveMilestone(as("csm"), account.id, { milestoneId: second.id, toIndex: 0 })).toMatchObject({
      position: 1,
    });
    expect(await titles()).toEqual(["0:Second", "1:First", "2:Third"]);
    expect(await activityOf([second.id, third.id], "milestone.moved")).toHaveLength(2);
  });
});

describe("bulkEditTasks", () => {
  const pick = (list: Task[]) => list.map((task) => ({ id: task.id, version: task.version }));
  const reload = (list: Task[]) =>
    db
      .select()
      .from(tasks)
      .where(
        inArray(
          tasks.id,
          list.map((task) => task.id),
        ),
      )
      .orderBy(asc(tasks.title));

  it("sets status, due date and assignee of several tasks in one go: one activity entry and one bell item per task", async () => {
    const { tasks: list } = await milestoneWith([{ title: "T1" }, { title: "T2" }, { title: "T3" }]);
    const result = await bulkEditTasks(as("csm"), account.id, {
      tasks: pick(list),
      status: "in_progress",
      dueDate: "2026-05-01",
      assigneeId: people.csm2.id,
    });
    expect(result).toEqual({ ok: true, updated: 3 });
    for (const row of await reload(list))
      expect(row).toMatchObject({
        status: "in_progress",
        dueDate: "2026-05-01",
        assigneeId: people.csm2.id,
        version: 2,
      });
    const entries = await activityOf(
      list.map((task) => task.id),
      "task.updated",
    );
    expect(entries).toHaveLength(3);
    expect(entries[0]!.details).toMatchObject({
      bulk: true,
      changes: {
        status: { from: "todo", to: "in_progress" },
        dueDate: { from: null, to: "2026-05-01" },
        assigneeId: { from: null, to: people.csm2.id },
      },
      assigneeName: { from: null, to: "Jordan CSM" },
    });
    const bell = await db.select().from(inboxItems).where(eq(inboxItems.userId, people.csm2.id));
    expect(bell.filter((item) => item.kind === "task_assigned")).toHaveLength(3);

    // Done records who completed it; the same request again changes nothing and writes nothing.
    const again = await reload(list);
    expect(await bulkEditTasks(as("csm"), account.id, { tasks: pick(again), status: "done" })).toEqual({
      ok: true,
      updated: 3,
    });
    expect((await reload(list)).every((row) => row.completedById === people.csm.id)).toBe(true);
    expect(await bulkEditTasks(as("csm"), account.id, { tasks: pick(await reload(list)), status: "done" })).toEqual({
      ok: true,
      updated: 0,
    });
  });

  it("writes nothing when one task's version is stale, and names it", async () => {
    const { tasks: list } = await milestoneWith([{ title: "S1" }, { title: "S2" }, { title: "S3" }]);
    const selection = pick(list);
    selection[1]!.version = 7;
    expect(await bulkEditTasks(as("csm"), account.id, { tasks: selection, status: "done" })).toEqual({
      ok: false,
      error: "stale",
      titles: ["S2"],
    });
    for (const row of await reload(list)) expect(row).toMatchObject({ status: "todo", version: 1 });
    expect(
      await activityOf(
        list.map((task) => task.id),
        "task.updated",
      ),
    ).toHaveLength(0);
  });

  it("lets a champion bulk-edit customer-side tasks only: one vendor task in the selection refuses it all", async () => {
    const { tasks: list } = await milestoneWith([
      { title: "Customer A", side: "customer" },
      { title: "Vendor B", side: "vendor" },
      { title: "Customer C", side: "customer" },
    ]);
    expect(await bulkEditTasks(as("champion"), account.id, { tasks: pick(list), status: "in_progress" })).toEqual({
      ok: false,
      error: "forbidden",
      titles: ["Vendor B"],
    });
    expect((await reload(list)).every((row) => row.status === "todo")).toBe(true);

    const customers = [list[0]!, list[2]!];
    expect(
      await bulkEditTasks(as("champion"), account.id, { tasks: pick(customers), assigneeId: people.member.id }),
    ).toEqual({ ok: true, updated: 2 });
    // A customer person can't take a vendor task; the staff bulk edit says which.
    expect(
      await bulkEditTasks(as("csm"), account.id, { tasks: pick(await reload(list)), assigneeId: people.member.id }),
    ).toEqual({ ok: false, error: "invalid_assignee", titles: ["Vendor B"] });
    // Internal tasks and another account's don't exist for a customer.
    const { tasks: hidden } = await milestoneWith([{ title: "Internal", internal: true }]);
    expect(await bulkEditTasks(as("champion"), account.id, { tasks: pick(hidden), status: "done" })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await bulkEditTasks(as("outsider"), account.id, { tasks: pick(customers), status: "done" })).toMatchObject({
      ok: false,
      error: "not_found",
    });
  });

  it("refuses a due date before the plan's start, a blocked status without a reason, and an empty change", async () => {
    const { tasks: list } = await milestoneWith([{ title: "D1" }, { title: "D2" }]);
    expect(await bulkEditTasks(as("csm"), account.id, { tasks: pick(list), dueDate: "2025-12-31" })).toEqual({
      ok: false,
      error: "before_start",
      titles: ["D1", "D2"],
    });
    expect(await bulkEditTasks(as("csm"), account.id, { tasks: pick(list), status: "blocked" })).toMatchObject({
      ok: false,
      error: "invalid",
      code: "reason",
    });
    expect(await bulkEditTasks(as("csm"), account.id, { tasks: pick(list) })).toMatchObject({
      ok: false,
      error: "invalid",
      code: "nothing",
    });
    expect(
      await bulkEditTasks(as("csm"), account.id, {
        tasks: pick(list),
        status: "blocked",
        blockedReason: "Waiting on IT",
      }),
    ).toEqual({ ok: true, updated: 2 });
    expect((await reload(list)).map((row) => row.blockedReason)).toEqual(["Waiting on IT", "Waiting on IT"]);
  });

  it("bounds the selection at BULK_MAX tasks, in the domain and in the form", async () => {
    const tooMany = Array.from({ length: BULK_MAX + 1 }, (_, index) => ({ id: `task-${index}`, version: 1 }));
    expect(await bulkEditTasks(as("csm"), account.id, { tasks: tooMany, status: "done" })).toMatchObject({
      ok: false,
      error: "invalid",
      code: "tooMany",
    });
    expect(await bulkEditTasks(as("csm"), account.id, { tasks: [], status: "done" })).toMatchObject({
      ok: false,
      error: "invalid",
      code: "none",
    });

    const form = new FormData();
    form.set("intent", "bulk");
    form.set("status", "done");
    for (const task of tooMany) form.append("tasks", `${task.id}:1`);
    const submission = parseSubmission(form, BulkFormSchema);
    expect(submission.status).toBe("error");
    expect(submission.status === "error" && submission.error?.tasks).toEqual(["plans:bulk.errors.tooMany"]);

    const one = new FormData();
    one.set("intent", "bulk");
    one.set("tasks", "abc:3");
    one.set("assigneeId", "none");
    one.set("dueDate", "");
    const parsed = parseSubmission(one, BulkFormSchema);
    expect(parsed.status === "success" && parsed.value).toEqual({
      tasks: [{ id: "abc", version: 3 }],
      assigneeId: null,
    });
  });
});
