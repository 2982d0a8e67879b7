import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type Milestone, type Task, type User, activity, tasks } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
  whileHeld,
} from "~db/seed/factories";
import { assignTask, updateTaskStatus } from "~/domain/plans/task-actions.server";

let account: Account;
let other: Account;
let milestone: Milestone;
let otherMilestone: Milestone;
const people = {} as Record<
  "admin" | "csm" | "otherCsm" | "marketing" | "champion" | "member" | "colleague" | "deactivated" | "outsider",
  User
>;
const as = (person: keyof typeof people) => actorOf(people[person]);

beforeAll(async () => {
  people.admin = await createStaff("admin");
  people.csm = await createStaff("csm", { name: "Casey CSM" });
  people.otherCsm = await createStaff("csm", { deactivatedAt: new Date() });
  people.marketing = await createStaff("marketing");
  account = await createAccount({ csmId: people.csm.id });
  other = await createAccount();
  people.champion = await createCustomer(account.id, "champion", { name: "Chris Champion" });
  people.member = await createCustomer(account.id, "member", { name: "Morgan Member" });
  people.colleague = await createCustomer(account.id, "member", { name: "Cameron Colleague" });
  people.deactivated = await createCustomer(account.id, "member", { deactivatedAt: new Date() });
  people.outsider = await createCustomer(other.id, "champion");
  milestone = await createMilestone(await createPlan(account.id));
  otherMilestone = await createMilestone(await createPlan(other.id));
});

async function reload(task: Task) {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, task.id));
  return row!;
}

async function activityOf(task: Task, action?: string) {
  return db
    .select()
    .from(activity)
    .where(and(eq(activity.subjectId, task.id), action ? eq(activity.action, action) : undefined))
    .orderBy(asc(activity.createdAt));
}

describe("updateTaskStatus", () => {
  it("walks a task through its statuses, bumping the version and logging each change with from/to", async () => {
    const task = await createTask(milestone, { assigneeId: people.member.id });
    const member = as("member");

    expect(await updateTaskStatus(member, account.id, task.id, { status: "in_progress", expectedVersion: 1 })).toEqual({
      ok: true,
    });
    expect(await reload(task)).toMatchObject({ status: "in_progress", version: 2, blockedReason: null });

    expect(
      await updateTaskStatus(member, account.id, task.id, {
        status: "blocked",
        blockedReason: "  Waiting on IT  ",
        expectedVersion: 2,
      }),
    ).toEqual({ ok: true });
    expect(await reload(task)).toMatchObject({ status: "blocked", version: 3, blockedReason: "Waiting on IT" });

    // Leaving "blocked" clears the reason, even if one is sent along.
    expect(
      await updateTaskStatus(member, account.id, task.id, {
        status: "todo",
        blockedReason: "ignored",
        expectedVersion: 3,
      }),
    ).toEqual({ ok: true });
    expect(await reload(task)).toMatchObject({ status: "todo", version: 4, blockedReason: null });

    const entries = await activityOf(task, "task.status_changed");
    expect(entries.map((entry) => entry.details)).toEqual([
      { planId: task.planId, title: task.title, from: "todo", to: "in_progress" },
      {
        planId: task.planId,
        title: task.title,
        from: "in_progress",
        to: "blocked",
        blockedReason: { from: null, to: "Waiting on IT" },
      },
      {
        planId: task.planId,
        title: task.title,
        from: "blocked",
        to: "todo",
        blockedReason: { from: "Waiting on IT", to: null },
      },
    ]);
    expect(
      entries.every(
        (entry) => entry.actorId === people.member.id && entry.accountId === account.id && entry.subjectType === "task",
      ),
    ).toBe(true);
  });

  it("refuses 'blocked' without a reason (empty, blank or over 500 characters) and changes nothing", async () => {
    const task = await createTask(milestone, { status: "in_progress" });
    const csm = as("csm");
    for (const blockedReason of [undefined, null, "", "   ", "x".repeat(501)]) {
      expect(
        await updateTaskStatus(csm, account.id, task.id, { status: "blocked", blockedReason, expectedVersion: 1 }),
      ).toEqual({
        ok: false,
        error: "reason_required",
      });
    }
    expect(await reload(task)).toMatchObject({ status: "in_progress", version: 1, blockedReason: null });
    expect(await activityOf(task)).toEqual([]);

    expect(
      await updateTaskStatus(csm, account.id, task.id, {
        status: "blocked",
        blockedReason: "y".repeat(500),
        expectedVersion: 1,
      }),
    ).toEqual({ ok: true });
    expect(await reload(task)).toMatchObject({ status: "blocked", blockedReason: "y".repeat(500) });
  });

  it("changes a blocked task's reason as a change of its own", async () => {
    const task = await createTask(milestone, { status: "blocked", blockedReason: "Legal" });
    expect(
      await updateTaskStatus(as("champion"), account.id, task.id, {
        status: "blocked",
        blockedReason: "Procurement",
        expectedVersion: 1,
      }),
    ).toEqual({ ok: true });
    expect(await reload(task)).toMatchObject({ status: "blocked", blockedReason: "Procurement", version: 2 });
    const [entry] = await activityOf(task, "task.status_changed");
    expect(entry!.details).toMatchObject({
      from: "blocked",
      to: "blocked",
      blockedReason: { from: "Legal", to: "Procurement" },
    });
  });

  it("records who completed a task and when; reopening clears both", async () => {
    const task = await createTask(milestone, { assigneeId: people.member.id, status: "in_progress" });
    const before = Date.now();
    expect(await updateTaskStatus(as("member"), account.id, task.id, { status: "done", expectedVersion: 1 })).toEqual({
      ok: true,
    });
    const done = await reload(task);
    expect(done).toMatchObject({ status: "done", completedById: people.member.id, version: 2 });
    expect(done.completedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    expect(
      await updateTaskStatus(as("champion"), account.id, task.id, { status: "in_progress", expectedVersion: 2 }),
    ).toEqual({ ok: true });
    expect(await reload(task)).toMatchObject({
      status: "in_progress",
      completedAt: null,
      completedById: null,
      version: 3,
    });

    const entries = await activityOf(task, "task.status_changed");
    expect(entries.map((entry) => [entry.actorId, entry.details.from, entry.details.to])).toEqual([
      [people.member.id, "in_progress", "done"],
      [people.champion.id, "done", "in_progress"],
    ]);
  });

  it("refuses a stale version and changes nothing; of two concurrent writes on one version exactly one wins", async () => {
    const task = await createTask(milestone, { assigneeId: people.member.id });
    expect(
      await updateTaskStatus(as("csm"), account.id, task.id, { status: "in_progress", expectedVersion: 1 }),
    ).toEqual({ ok: true });
    // The member's page still shows version 1.
    expect(await updateTaskStatus(as("member"), account.id, task.id, { status: "done", expectedVersion: 1 })).toEqual({
      ok: false,
      error: "stale",
    });
    expect(await reload(task)).toMatchObject({ status: "in_progress", version: 2, completedAt: null });
    expect(await activityOf(task)).toHaveLength(1);

    const results = await whileHeld(
      (tx) => tx.select().from(tasks).where(eq(tasks.id, task.id)).for("update"),
      2,
      () =>
        Promise.all([
          updateTaskStatus(as("csm"), account.id, task.id, { status: "done", expectedVersion: 2 }),
          updateTaskStatus(as("champion"), account.id, task.id, {
            status: "blocked",
            blockedReason: "Budget",
            expectedVersion: 2,
          }),
        ]),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "stale" }]);
    expect((await reload(task)).version).toBe(3);
    expect(await activityOf(task)).toHaveLength(2);
  });

  it("lets a member change their own task but not a colleague's or an unassigned one", async () => {
    const own = await createTask(milestone, { assigneeId: people.member.id });
    const colleagues = await createTask(milestone, { assigneeId: people.colleague.id });
    const unassigned = await createTask(milestone);
    const member = as("member");
    expect(await updateTaskStatus(member, account.id, own.id, { status: "done", expectedVersion: 1 })).toEqual({
      ok: true,
    });
    for (const task of [colleagues, unassigned]) {
      for (const status of ["done", "in_progress"] as const) {
        expect(await updateTaskStatus(member, account.id, task.id, { status, expectedVersion: 1 })).toEqual({
          ok: false,
          error: "forbidden",
        });
      }
      expect(await reload(task)).toMatchObject({ status: "todo", version: 1 });
    }
  });

  it("lets the champion change customer tasks but not vendor ones; the CSM and admin change both", async () => {
    const customerTask = await createTask(milestone);
    const vendorTask = await createTask(milestone, { side: "vendor", assigneeId: people.csm.id });
    expect(
      await updateTaskStatus(as("champion"), account.id, customerTask.id, {
        status: "in_progress",
        expectedVersion: 1,
      }),
    ).toEqual({ ok: true });
    expect(
      await updateTaskStatus(as("champion"), account.id, vendorTask.id, { status: "done", expectedVersion: 1 }),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect((await reload(vendorTask)).status).toBe("todo");
    expect(
      await updateTaskStatus(as("admin"), account.id, vendorTask.id, { status: "in_progress", expectedVersion: 1 }),
    ).toEqual({ ok: true });
    expect(
      await updateTaskStatus(as("csm"), account.id, vendorTask.id, { status: "done", expectedVersion: 2 }),
    ).toEqual({ ok: true });
    expect(
      await updateTaskStatus(as("csm"), account.id, customerTask.id, { status: "done", expectedVersion: 2 }),
    ).toEqual({ ok: true });
  });

  it("never lets marketing change a task", async () => {
    const task = await createTask(milestone, { side: "vendor" });
    expect(
      await updateTaskStatus(as("marketing"), account.id, task.id, { status: "done", expectedVersion: 1 }),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect((await reload(task)).status).toBe("todo");
  });

  it("answers not_found for a task of another account, whoever asks and whichever account they name", async () => {
    const foreign = await createTask(otherMilestone);
    const own = await createTask(milestone);
    // Staff naming the wrong account for the task.
    expect(await updateTaskStatus(as("csm"), account.id, foreign.id, { status: "done", expectedVersion: 1 })).toEqual({
      ok: false,
      error: "not_found",
    });
    // A champion of this account with the other account's task id.
    expect(
      await updateTaskStatus(as("champion"), account.id, foreign.id, { status: "done", expectedVersion: 1 }),
    ).toEqual({ ok: false, error: "not_found" });
    // A champion of another account, on their own URL or on ours.
    expect(await updateTaskStatus(as("outsider"), other.id, own.id, { status: "done", expectedVersion: 1 })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await updateTaskStatus(as("outsider"), account.id, own.id, { status: "done", expectedVersion: 1 })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(
      await updateTaskStatus(as("csm"), account.id, "nosuchtaskxxxxxx", { status: "done", expectedVersion: 1 }),
    ).toEqual({ ok: false, error: "not_found" });
    expect((await reload(foreign)).status).toBe("todo");
    expect((await reload(own)).status).toBe("todo");
  });

  it("treats an internal task as not_found for customers, even one assigned to them", async () => {
    const internal = await createTask(milestone, { side: "vendor", internal: true, assigneeId: people.champion.id });
    expect(
      await updateTaskStatus(as("champion"), account.id, internal.id, { status: "done", expectedVersion: 1 }),
    ).toEqual({ ok: false, error: "not_found" });
    expect(await assignTask(as("champion"), account.id, internal.id, { assigneeId: null, expectedVersion: 1 })).toEqual(
      { ok: false, error: "not_found" },
    );
    expect((await reload(internal)).status).toBe("todo");
    expect(await updateTaskStatus(as("csm"), account.id, internal.id, { status: "done", expectedVersion: 1 })).toEqual({
      ok: true,
    });
    // The log marks the entry internal, so a customer-facing log can leave it out.
    const [entry] = await activityOf(internal);
    expect(entry!.details).toMatchObject({ internal: true, from: "todo", to: "done" });
  });

  it("writes nothing for a change to the status it already has", async () => {
    const task = await createTask(milestone, { status: "in_progress" });
    expect(
      await updateTaskStatus(as("csm"), account.id, task.id, { status: "in_progress", expectedVersion: 1 }),
    ).toEqual({ ok: true });
    expect((await reload(task)).version).toBe(1);
    expect(await activityOf(task)).toEqual([]);
  });
});

describe("assignTask", () => {
  it("lets the champion give a customer task to a colleague, then take it back, logging from/to", async () => {
    const task = await createTask(milestone);
    expect(
      await assignTask(as("champion"), account.id, task.id, { assigneeId: people.colleague.id, expectedVersion: 1 }),
    ).toEqual({ ok: true });
    expect(await reload(task)).toMatchObject({ assigneeId: people.colleague.id, version: 2 });
    expect(
      await assignTask(as("champion"), account.id, task.id, { assigneeId: people.member.id, expectedVersion: 2 }),
    ).toEqual({ ok: true });
    expect(await assignTask(as("champion"), account.id, task.id, { assigneeId: null, expectedVersion: 3 })).toEqual({
      ok: true,
    });
    expect(await reload(task)).toMatchObject({ assigneeId: null, version: 4 });

    const entries = await activityOf(task, "task.assigned");
    expect(entries.map((entry) => entry.details)).toEqual([
      {
        planId: task.planId,
        title: task.title,
        from: null,
        to: people.colleague.id,
        fromName: null,
        toName: "Cameron Colleague",
      },
      {
        planId: task.planId,
        title: task.title,
        from: people.colleague.id,
        to: people.member.id,
        fromName: "Cameron Colleague",
        toName: "Morgan Member",
      },
      {
        planId: task.planId,
        title: task.title,
        from: people.member.id,
        to: null,
        fromName: "Morgan Member",
        toName: null,
      },
    ]);
  });

  it("lets the CSM give vendor tasks to staff who work plans, and customer tasks to the account's people", async () => {
    const vendorTask = await createTask(milestone, { side: "vendor" });
    const customerTask = await createTask(milestone);
    expect(
      await assignTask(as("csm"), account.id, vendorTask.id, { assigneeId: people.admin.id, expectedVersion: 1 }),
    ).toEqual({ ok: true });
    expect(
      await assignTask(as("csm"), account.id, customerTask.id, { assigneeId: people.champion.id, expectedVersion: 1 }),
    ).toEqual({ ok: true });
    expect((await reload(vendorTask)).assigneeId).toBe(people.admin.id);
    expect((await reload(customerTask)).assigneeId).toBe(people.champion.id);
  });

  it("refuses an assignee of the wrong side, another account, deactivated or unknown, and changes nothing", async () => {
    const customerTask = await createTask(milestone);
    const vendorTask = await createTask(milestone, { side: "vendor" });
    const refused: [Task, string][] = [
      [customerTask, people.csm.id], // wrong side
      [customerTask, people.outsider.id], // another account
      [customerTask, people.deactivated.id],
      [customerTask, "nosuchpersonxxxx"],
      [vendorTask, people.member.id], // wrong side
      [vendorTask, people.marketing.id], // marketing only watches plans
      [vendorTask, people.otherCsm.id], // deactivated
    ];
    for (const [task, assigneeId] of refused) {
      expect(await assignTask(as("csm"), account.id, task.id, { assigneeId, expectedVersion: 1 })).toEqual({
        ok: false,
        error: "invalid_assignee",
      });
    }
    expect(
      await assignTask(as("champion"), account.id, customerTask.id, {
        assigneeId: people.outsider.id,
        expectedVersion: 1,
      }),
    ).toEqual({
      ok: false,
      error: "invalid_assignee",
    });
    for (const task of [customerTask, vendorTask])
      expect(await reload(task)).toMatchObject({ assigneeId: null, version: 1 });
    expect([...(await activityOf(customerTask)), ...(await activityOf(vendorTask))]).toEqual([]);
  });

  it("refuses whoever may not assign the task: a member, the champion on a vendor task, marketing, another account", async () => {
    const customerTask = await createTask(milestone, { assigneeId: people.member.id });
    const vendorTask = await createTask(milestone, { side: "vendor" });
    expect(
      await assignTask(as("member"), account.id, customerTask.id, {
        assigneeId: people.colleague.id,
        expectedVersion: 1,
      }),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(
      await assignTask(as("champion"), account.id, vendorTask.id, { assigneeId: people.csm.id, expectedVersion: 1 }),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(
      await assignTask(as("marketing"), account.id, vendorTask.id, { assigneeId: people.csm.id, expectedVersion: 1 }),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(
      await assignTask(as("outsider"), account.id, customerTask.id, { assigneeId: null, expectedVersion: 1 }),
    ).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await assignTask(as("csm"), other.id, customerTask.id, { assigneeId: null, expectedVersion: 1 })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect((await reload(customerTask)).assigneeId).toBe(people.member.id);
    expect((await reload(vendorTask)).assigneeId).toBeNull();
  });

  it("refuses a stale version and changes nothing", async () => {
    const task = await createTask(milestone);
    expect(
      await updateTaskStatus(as("champion"), account.id, task.id, { status: "in_progress", expectedVersion: 1 }),
    ).toEqual({ ok: true });
    expect(
      await assignTask(as("csm"), account.id, task.id, { assigneeId: people.member.id, expectedVersion: 1 }),
    ).toEqual({ ok: false, error: "stale" });
    expect(await reload(task)).toMatchObject({ assigneeId: null, version: 2, status: "in_progress" });
    expect(await activityOf(task, "task.assigned")).toEqual([]);
  });
});
