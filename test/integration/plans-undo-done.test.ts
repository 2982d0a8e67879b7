import { and, desc, eq } from "drizzle-orm";
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
  signedInRequest,
} from "~db/seed/factories";
import { answering } from "../support/responses";
import { UNDO_DONE_MS, assignTask, markTaskDone, undoTaskDone } from "~/domain/plans/task-actions.server";
import { action as myTasksAction } from "~/routes/my-tasks";

const myTasks = answering(myTasksAction);
const context = { clientIp: "127.0.0.1" };

let account: Account;
let milestone: Milestone;
const people = {} as Record<"csm" | "champion" | "member" | "colleague", User>;

const taskRow = async (task: Pick<Task, "id">) => (await db.select().from(tasks).where(eq(tasks.id, task.id)))[0]!;
const statusEntries = (task: Pick<Task, "id">) =>
  db
    .select({ actorId: activity.actorId, details: activity.details })
    .from(activity)
    .where(and(eq(activity.subjectId, task.id), eq(activity.action, "task.status_changed")))
    .orderBy(desc(activity.createdAt), desc(activity.id));

/** The member marks their own task done; answers the version the undo must name. */
async function markDone(who: User, task: Task) {
  const result = await markTaskDone(actorOf(who), account.id, task.id, { expectedVersion: task.version });
  if (!result.ok) throw new Error(`mark done refused: ${result.error}`);
  expect(result.changed).toBe(true);
  return result.version;
}

beforeAll(async () => {
  people.csm = await createStaff("csm");
  account = await createAccount({ csmId: people.csm.id });
  people.champion = await createCustomer(account.id, "champion");
  people.member = await createCustomer(account.id, "member");
  people.colleague = await createCustomer(account.id, "member");
  milestone = await createMilestone(await createPlan(account.id));
});

describe("undoTaskDone", () => {
  it("reopens a member's just-done task to its previous status, recorded like any status change", async () => {
    const task = await createTask(milestone, { assigneeId: people.member.id, status: "in_progress" });
    const version = await markDone(people.member, task);
    expect((await taskRow(task)).completedById).toBe(people.member.id);

    const undone = await undoTaskDone(actorOf(people.member), account.id, task.id, { expectedVersion: version });
    expect(undone).toEqual({ ok: true, version: version + 1, title: task.title, changed: true });
    const row = await taskRow(task);
    expect(row).toMatchObject({ status: "in_progress", completedAt: null, completedById: null, version: version + 1 });
    const [latest] = await statusEntries(task);
    expect(latest).toMatchObject({
      actorId: people.member.id,
      details: { from: "done", to: "in_progress", undo: true, planId: task.planId, title: task.title },
    });
  });

  it("brings a blocked task back blocked, with its reason", async () => {
    const task = await createTask(milestone, {
      assigneeId: people.member.id,
      status: "blocked",
      blockedReason: "Waiting for SSO",
    });
    const version = await markDone(people.member, task);
    expect((await taskRow(task)).blockedReason).toBeNull();
    expect(await undoTaskDone(actorOf(people.member), account.id, task.id, { expectedVersion: version })).toMatchObject(
      {
        ok: true,
      },
    );
    expect(await taskRow(task)).toMatchObject({ status: "blocked", blockedReason: "Waiting for SSO" });
  });

  it("refuses a stale version: a change since the done (or a second undo) wins, and nothing is written", async () => {
    const task = await createTask(milestone, { assigneeId: people.member.id });
    const version = await markDone(people.member, task);
    // The CSM reassigns the done task meanwhile: the undo's version is stale.
    const assigned = await assignTask(actorOf(people.csm), account.id, task.id, {
      assigneeId: people.colleague.id,
      expectedVersion: version,
    });
    expect(assigned).toEqual({ ok: true });
    expect(await undoTaskDone(actorOf(people.colleague), account.id, task.id, { expectedVersion: version })).toEqual({
      ok: false,
      error: "stale",
    });
    expect(await taskRow(task)).toMatchObject({ status: "done", version: version + 1 });

    const again = await createTask(milestone, { assigneeId: people.member.id });
    const doneAt = await markDone(people.member, again);
    expect(await undoTaskDone(actorOf(people.member), account.id, again.id, { expectedVersion: doneAt })).toMatchObject(
      { ok: true },
    );
    // The same undo sent twice: the first reopened it, the second names an old version.
    expect(await undoTaskDone(actorOf(people.member), account.id, again.id, { expectedVersion: doneAt })).toEqual({
      ok: false,
      error: "stale",
    });
    expect((await taskRow(again)).status).toBe("todo");
  });

  it("lets a member undo only their own just-done task", async () => {
    const task = await createTask(milestone, { assigneeId: people.member.id });
    const version = await markDone(people.member, task);
    // Another member may not reopen someone else's task (the plan rules: task.complete is the assignee's).
    expect(await undoTaskDone(actorOf(people.colleague), account.id, task.id, { expectedVersion: version })).toEqual({
      ok: false,
      error: "forbidden",
    });
    // Nor may a CSM "undo" a done they didn't do (they reopen it as a status change instead).
    expect(await undoTaskDone(actorOf(people.csm), account.id, task.id, { expectedVersion: version })).toEqual({
      ok: false,
      error: "not_undoable",
    });
    // Past the window, not even the member.
    const later = new Date(Date.now() + UNDO_DONE_MS + 60_000);
    expect(
      await undoTaskDone(actorOf(people.member), account.id, task.id, { expectedVersion: version }, later),
    ).toEqual({ ok: false, error: "not_undoable" });
    expect((await taskRow(task)).status).toBe("done");

    // A task the champion marked done is not the member's to undo, though it is assigned to them.
    const byChampion = await createTask(milestone, { assigneeId: people.member.id });
    const championDone = await markDone(people.champion, byChampion);
    expect(
      await undoTaskDone(actorOf(people.member), account.id, byChampion.id, { expectedVersion: championDone }),
    ).toEqual({ ok: false, error: "not_undoable" });

    // A task that is not done has nothing to undo; another account's task doesn't exist.
    const open = await createTask(milestone, { assigneeId: people.member.id });
    expect(await undoTaskDone(actorOf(people.member), account.id, open.id, { expectedVersion: open.version })).toEqual({
      ok: false,
      error: "not_undoable",
    });
    const elsewhere = await createAccount();
    expect(await undoTaskDone(actorOf(people.member), elsewhere.id, task.id, { expectedVersion: version })).toEqual({
      ok: false,
      error: "not_found",
    });
  });
});

describe("the My tasks action", () => {
  const post = (who: User, fields: Record<string, string>) =>
    signedInRequest(who.id, "http://localhost/my-tasks", { method: "POST", body: new URLSearchParams(fields) });

  it("answers a done with the undo for that task, and the undo reopens it; a stale undo is a 409", async () => {
    const task = await createTask(milestone, { assigneeId: people.member.id });
    const fields = { accountId: account.id, taskId: task.id };
    const done = await myTasks({
      request: await post(people.member, { ...fields, intent: "done", version: String(task.version) }),
      params: {},
      context,
    });
    expect(done.status).toBe(200);
    expect(done.data).toEqual({
      form: null,
      done: { accountId: account.id, taskId: task.id, title: task.title, version: task.version + 1 },
      reopened: null,
    });

    const undo = { ...fields, intent: "undo", version: String(task.version + 1) };
    const undone = await myTasks({ request: await post(people.member, undo), params: {}, context });
    expect(undone).toEqual({ status: 200, data: { form: null, done: null, reopened: { title: task.title } } });
    expect((await taskRow(task)).status).toBe("todo");

    const stale = await myTasks({ request: await post(people.member, undo), params: {}, context });
    expect(stale.status).toBe(409);
    expect((stale.data as { form: { error: Record<string, string[]> } }).form.error[""]).toEqual([
      "plans:actions.errors.stale",
    ]);
  });
});
