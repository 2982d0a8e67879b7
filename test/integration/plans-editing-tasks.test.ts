import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type Milestone, type Task, type User, activity, comments, tasks } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
} from "~db/seed/factories";
import { listPlanActivity } from "~/domain/plans/plan-activity.server";
import { addTask, deleteTask, updateTask } from "~/domain/plans/task-editing.server";
import { updateTaskStatus } from "~/domain/plans/task-actions.server";

let account: Account;
let milestone: Milestone;
let otherMilestone: Milestone;
const people = {} as Record<
  "admin" | "csm" | "marketing" | "champion" | "member" | "leaver" | "outsider" | "otherMember",
  User
>;
const as = (person: keyof typeof people) => actorOf(people[person]);

beforeAll(async () => {
  people.admin = await createStaff("admin");
  people.csm = await createStaff("csm", { name: "Casey CSM" });
  people.marketing = await createStaff("marketing");
  account = await createAccount({ csmId: people.csm.id });
  const other = await createAccount();
  people.champion = await createCustomer(account.id, "champion", { name: "Chris Champion" });
  people.member = await createCustomer(account.id, "member", { name: "Morgan Member" });
  people.leaver = await createCustomer(account.id, "member", { deactivatedAt: new Date() });
  people.outsider = await createCustomer(other.id, "champion");
  people.otherMember = await createCustomer(other.id, "member");
  milestone = await createMilestone(await createPlan(account.id, { startDate: "2026-01-05" }));
  otherMilestone = await createMilestone(await createPlan(other.id));
});

const reload = async (id: string) => (await db.select().from(tasks).where(eq(tasks.id, id)))[0];
const entriesOf = (id: string) =>
  db.select().from(activity).where(eq(activity.subjectId, id)).orderBy(asc(activity.createdAt));
const idOf = (result: unknown) => (result as { id: string }).id;
const base = (task: Task) => ({
  title: task.title,
  notes: task.notes,
  side: task.side,
  assigneeId: task.assigneeId ?? "",
  dueDate: task.dueDate ?? "",
  internal: task.internal,
});

describe("addTask", () => {
  it("a planner adds any task at the end of the milestone; it is logged (internal ones as internal)", async () => {
    const first = await addTask(as("csm"), account.id, milestone.id, {
      title: "Kick-off call",
      side: "customer",
      assigneeId: people.member.id,
      dueDate: "2026-01-20",
    });
    const second = await addTask(as("admin"), account.id, milestone.id, {
      title: "Check licence usage",
      notes: "Before QBR",
      side: "vendor",
      assigneeId: people.csm.id,
      internal: "on",
    });
    expect(second).toMatchObject({ ok: true });
    expect(await reload(idOf(first))).toMatchObject({
      side: "customer",
      assigneeId: people.member.id,
      dueDate: "2026-01-20",
      status: "todo",
      internal: false,
      version: 1,
      planId: milestone.planId,
    });
    const internal = (await reload(idOf(second)))!;
    expect(internal).toMatchObject({ side: "vendor", internal: true, notes: "Before QBR" });
    expect(internal.position).toBeGreaterThan((await reload(idOf(first)))!.position);

    const [created] = await entriesOf(idOf(second));
    expect(created).toMatchObject({
      action: "task.created",
      details: {
        planId: milestone.planId,
        title: "Check licence usage",
        internal: true,
        side: "vendor",
        assigneeName: "Casey CSM",
      },
    });
    // Customers never see the internal task's entry.
    const seen = await listPlanActivity(as("champion"), account.id, milestone.planId);
    expect(seen.map((entry) => entry.details.title)).toContain("Kick-off call");
    expect(seen.map((entry) => entry.details.title)).not.toContain("Check licence usage");
  });

  it("a champion adds customer-side tasks only, never vendor or internal ones; members, marketing and outsiders add none", async () => {
    expect(
      await addTask(as("champion"), account.id, milestone.id, {
        title: "Invite the team",
        side: "customer",
        assigneeId: people.member.id,
      }),
    ).toMatchObject({ ok: true });
    expect(await addTask(as("champion"), account.id, milestone.id, { title: "V", side: "vendor" })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(
      await addTask(as("champion"), account.id, milestone.id, { title: "V", side: "vendor", internal: true }),
    ).toEqual({ ok: false, error: "forbidden" });
    for (const who of ["member", "marketing"] as const) {
      expect(await addTask(as(who), account.id, milestone.id, { title: "C", side: "customer" })).toEqual({
        ok: false,
        error: "forbidden",
      });
    }
    for (const who of ["outsider", "otherMember"] as const) {
      expect(await addTask(as(who), account.id, milestone.id, { title: "C", side: "customer" })).toEqual({
        ok: false,
        error: "not_found",
      });
    }
    // Another account's milestone through this account doesn't exist, even for a planner.
    expect(await addTask(as("csm"), account.id, otherMilestone.id, { title: "C", side: "customer" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await db.select().from(tasks).where(eq(tasks.milestoneId, otherMilestone.id))).toEqual([]);
  });

  it("refuses bad input next to the field and writes nothing", async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ title: "", side: "customer" }, { title: "title.required" }],
      [{ title: "x".repeat(201), side: "customer" }, { title: "title.tooLong" }],
      [{ title: "T", side: "partner" }, { side: "side.invalid" }],
      [{ title: "T", side: "customer", internal: "on" }, { internal: "internal.vendorOnly" }],
      [{ title: "T", side: "customer", dueDate: "soon" }, { dueDate: "date.invalid" }],
      [{ title: "T", side: "customer", dueDate: "2026-01-04" }, { dueDate: "date.beforeStart" }],
      [{ title: "T", side: "customer", assigneeId: people.csm.id }, { assigneeId: "assignee.invalid" }],
      [{ title: "T", side: "customer", assigneeId: people.outsider.id }, { assigneeId: "assignee.invalid" }],
      [{ title: "T", side: "customer", assigneeId: people.leaver.id }, { assigneeId: "assignee.invalid" }],
      [{ title: "T", side: "vendor", assigneeId: people.member.id }, { assigneeId: "assignee.invalid" }],
      [{ title: "T", side: "vendor", assigneeId: people.marketing.id }, { assigneeId: "assignee.invalid" }],
    ];
    const before = await db.select().from(tasks).where(eq(tasks.milestoneId, milestone.id));
    for (const [input, fieldErrors] of cases) {
      expect(await addTask(as("csm"), account.id, milestone.id, input as { title: string; side: "customer" })).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors,
      });
    }
    expect(await db.select().from(tasks).where(eq(tasks.milestoneId, milestone.id))).toEqual(before);
  });
});

describe("updateTask", () => {
  it("a planner edits every field through the versioned write; the status is kept and old → new is logged", async () => {
    const task = await createTask(milestone, {
      title: "Draft the rollout",
      assigneeId: people.member.id,
      status: "in_progress",
    });
    expect(
      await updateTask(as("csm"), account.id, task.id, {
        ...base(task),
        notes: "Only the EU",
        side: "vendor",
        assigneeId: people.csm.id,
        dueDate: "2026-02-01",
        internal: "on",
        expectedVersion: 1,
      }),
    ).toEqual({ ok: true });
    expect(await reload(task.id)).toMatchObject({
      notes: "Only the EU",
      side: "vendor",
      assigneeId: people.csm.id,
      dueDate: "2026-02-01",
      internal: true,
      status: "in_progress",
      version: 2,
    });
    const [entry] = await entriesOf(task.id);
    expect(entry).toMatchObject({
      action: "task.updated",
      actorId: people.csm.id,
      details: {
        planId: milestone.planId,
        title: "Draft the rollout",
        internal: true,
        changes: {
          notes: { from: "", to: "Only the EU" },
          side: { from: "customer", to: "vendor" },
          assigneeId: { from: people.member.id, to: people.csm.id },
          dueDate: { from: null, to: "2026-02-01" },
          internal: { from: false, to: true },
        },
        assigneeName: { from: "Morgan Member", to: "Casey CSM" },
      },
    });
    // The next status change goes through the same version counter.
    expect(await updateTaskStatus(as("csm"), account.id, task.id, { status: "done", expectedVersion: 1 })).toEqual({
      ok: false,
      error: "stale",
    });
    expect(await updateTaskStatus(as("csm"), account.id, task.id, { status: "done", expectedVersion: 2 })).toEqual({
      ok: true,
    });
    // Nothing changed: nothing written, nothing logged.
    const done = (await reload(task.id))!;
    expect(await updateTask(as("csm"), account.id, task.id, { ...base(done), expectedVersion: 3 })).toEqual({
      ok: true,
    });
    expect((await reload(task.id))!.version).toBe(3);
    expect(await entriesOf(task.id)).toHaveLength(2);
  });

  it("a task made internal takes its history out of customers' activity log", async () => {
    const task = await createTask(milestone, { side: "vendor", title: "Soon internal" });
    expect(
      await updateTask(as("csm"), account.id, task.id, {
        ...base(task),
        title: "Soon internal",
        notes: "visible",
        expectedVersion: 1,
      }),
    ).toEqual({ ok: true });
    const titles = async (who: "champion" | "csm") =>
      (await listPlanActivity(as(who), account.id, milestone.planId)).filter(
        (entry) => entry.details.title === "Soon internal",
      );
    expect(await titles("champion")).toHaveLength(1);
    expect(
      await updateTask(as("csm"), account.id, task.id, {
        ...base(task),
        notes: "visible",
        internal: true,
        expectedVersion: 2,
      }),
    ).toEqual({ ok: true });
    expect(await titles("champion")).toEqual([]);
    expect(await titles("csm")).toHaveLength(2);
  });

  it("a champion edits customer tasks but can't make them vendor or internal, and can't touch vendor or internal tasks", async () => {
    const own = await createTask(milestone, { title: "Customer work" });
    const vendor = await createTask(milestone, { side: "vendor", title: "Vendor work" });
    const internal = await createTask(milestone, { side: "vendor", internal: true, title: "Internal work" });
    expect(
      await updateTask(as("champion"), account.id, own.id, {
        ...base(own),
        title: "Customer work, renamed",
        assigneeId: people.member.id,
        expectedVersion: 1,
      }),
    ).toEqual({ ok: true });
    expect(
      await updateTask(as("champion"), account.id, own.id, { ...base(own), side: "vendor", expectedVersion: 2 }),
    ).toEqual({ ok: false, error: "forbidden" });
    expect(
      await updateTask(as("champion"), account.id, vendor.id, {
        ...base(vendor),
        title: "Mine now",
        expectedVersion: 1,
      }),
    ).toEqual({ ok: false, error: "forbidden" });
    // Internal tasks don't exist for customers.
    expect(
      await updateTask(as("champion"), account.id, internal.id, { ...base(internal), expectedVersion: 1 }),
    ).toEqual({ ok: false, error: "not_found" });
    for (const who of ["member", "marketing"] as const) {
      expect(
        await updateTask(as(who), account.id, own.id, { ...base(own), title: "Nope", expectedVersion: 2 }),
      ).toEqual({ ok: false, error: "forbidden" });
    }
    for (const who of ["outsider", "otherMember"] as const) {
      expect(
        await updateTask(as(who), account.id, own.id, { ...base(own), title: "Nope", expectedVersion: 2 }),
      ).toEqual({ ok: false, error: "not_found" });
    }
    expect(await reload(own.id)).toMatchObject({
      title: "Customer work, renamed",
      assigneeId: people.member.id,
      side: "customer",
      version: 2,
    });
    expect(await reload(vendor.id)).toMatchObject({ title: "Vendor work", version: 1 });
  });

  it("refuses invalid fields, a stale version and another account's task, changing nothing", async () => {
    const task = await createTask(milestone, { title: "Keep me", assigneeId: people.member.id });
    const theirs = await createTask(otherMilestone, { title: "Theirs" });
    // Changing side keeps the customer assignee: refused next to the assignee field.
    expect(
      await updateTask(as("csm"), account.id, task.id, { ...base(task), side: "vendor", expectedVersion: 1 }),
    ).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { assigneeId: "assignee.invalid" },
    });
    expect(
      await updateTask(as("csm"), account.id, task.id, { ...base(task), internal: true, expectedVersion: 1 }),
    ).toMatchObject({ fieldErrors: { internal: "internal.vendorOnly" } });
    expect(
      await updateTask(as("csm"), account.id, task.id, { ...base(task), dueDate: "2025-12-24", expectedVersion: 1 }),
    ).toMatchObject({ fieldErrors: { dueDate: "date.beforeStart" } });
    expect(
      await updateTask(as("csm"), account.id, task.id, { ...base(task), title: " ", expectedVersion: 1 }),
    ).toMatchObject({ fieldErrors: { title: "title.required" } });
    expect(
      await updateTask(as("csm"), account.id, theirs.id, { ...base(theirs), title: "Mine", expectedVersion: 1 }),
    ).toEqual({ ok: false, error: "not_found" });

    expect(
      await updateTask(as("champion"), account.id, task.id, {
        ...base(task),
        title: "Theirs first",
        expectedVersion: 1,
      }),
    ).toEqual({ ok: true });
    expect(
      await updateTask(as("csm"), account.id, task.id, { ...base(task), title: "Mine second", expectedVersion: 1 }),
    ).toEqual({ ok: false, error: "stale" });
    expect(await reload(task.id)).toMatchObject({ title: "Theirs first", version: 2 });
    expect(await reload(theirs.id)).toMatchObject({ title: "Theirs", version: 1 });
    expect(await entriesOf(task.id)).toHaveLength(1);
  });
});

describe("deleteTask", () => {
  it("deletes a task and its comments, logged; champions only customer tasks; stale and foreign ids refused", async () => {
    const task = await createTask(milestone, { title: "Short-lived" });
    const vendor = await createTask(milestone, { side: "vendor" });
    await db.insert(comments).values({
      id: "commentbbbbbbbb1",
      accountId: account.id,
      planId: milestone.planId,
      subjectType: "task",
      subjectId: task.id,
      authorId: people.member.id,
      body: "hi",
    });
    expect(await deleteTask(as("member"), account.id, task.id, { expectedVersion: 1 })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await deleteTask(as("outsider"), account.id, task.id, { expectedVersion: 1 })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await deleteTask(as("champion"), account.id, vendor.id, { expectedVersion: 1 })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await deleteTask(as("champion"), account.id, task.id, { expectedVersion: 0 })).toEqual({
      ok: false,
      error: "stale",
    });
    expect(await reload(task.id)).toBeDefined();

    expect(await deleteTask(as("champion"), account.id, task.id, { expectedVersion: 1 })).toEqual({ ok: true });
    expect(await reload(task.id)).toBeUndefined();
    expect(await db.select().from(comments).where(eq(comments.subjectId, task.id))).toEqual([]);
    const [entry] = await entriesOf(task.id);
    expect(entry).toMatchObject({
      action: "task.deleted",
      actorId: people.champion.id,
      details: { planId: milestone.planId, title: "Short-lived", milestoneId: milestone.id },
    });
    expect(await deleteTask(as("csm"), account.id, vendor.id, { expectedVersion: 1 })).toEqual({ ok: true });
  });
});
