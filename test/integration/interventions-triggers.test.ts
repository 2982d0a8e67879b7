import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { activity, healthTouches, milestones, playbookRuns, playbooks, tasks, users, workItems } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createHealthSnapshots,
  createMilestone,
  createPlan,
  createPlaybook,
  createStaff,
  createTask,
  signedInRequest,
} from "~db/seed/factories";
import { reactToEvents } from "~/domain/events/reactions.server";
import { recordEvents } from "~/domain/events/record.server";
import type { DomainEventInput } from "~/domain/events/types";
import { PlaybookInputSchema, TRIGGER_KINDS } from "~/domain/interventions/playbook-rules";
import { advancePlaybookRuns, startConditionRuns } from "~/domain/interventions/runs.server";
import { changeMemberRole } from "~/domain/people/members.server";
import { newId } from "~/lib/ids.server";
import { DAY_MS } from "~/lib/time";
import { loader } from "~/routes/playbooks.$playbookId";

const NOW = new Date("2026-11-24T16:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * DAY_MS + 60_000);
const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

const runsOf = (accountId: string) => db.select().from(playbookRuns).where(eq(playbookRuns.accountId, accountId));
const itemsOf = (accountId: string) => db.select().from(workItems).where(eq(workItems.accountId, accountId));
const workItem = [{ kind: "create_work_item" as const, delayDays: 0 }];

async function react(events: DomainEventInput[]) {
  await reactToEvents(await db.transaction((tx) => recordEvents(tx, events)));
}

describe("playbook triggers", () => {
  // The file shares one database: each test works with its own playbook only.
  beforeEach(async () => {
    await db.update(playbooks).set({ enabled: false });
  });

  it("the editor offers every trigger; days are asked only of those that count days", async () => {
    const admin = await createStaff("admin");
    const request = await signedInRequest(admin.id, "http://localhost/playbooks/new");
    expect(await loader({ request, params: { playbookId: "new" }, context: { clientIp: "127.0.0.1" } })).toBeTruthy();
    expect(TRIGGER_KINDS).toEqual(
      expect.arrayContaining([
        "milestone_at_risk",
        "nps_detractor",
        "champion_deactivated",
        "health_grade_dropped",
        "task_due_soon",
        "qbr_overdue",
      ]),
    );
    const form = (fields: Record<string, string>) =>
      PlaybookInputSchema.safeParse({ name: "P", steps: [{ kind: "create_work_item", delayDays: "0" }], ...fields });
    expect(form({ triggerKind: "task_due_soon", triggerDays: "" }).success).toBe(false);
    expect(form({ triggerKind: "task_due_soon", triggerDays: "3" }).data?.trigger).toEqual({
      kind: "task_due_soon",
      days: 3,
    });
    expect(form({ triggerKind: "nps_detractor", triggerDays: "9" }).data?.trigger).toEqual({ kind: "nps_detractor" });
    expect(form({ triggerKind: "health_went_up" }).success).toBe(false);
  });

  it("milestone_at_risk: a milestone at risk starts one run with a work item; achieving it resolves the run", async () => {
    await createPlaybook({ trigger: { kind: "milestone_at_risk" }, steps: workItem });
    const csm = await createStaff("csm");
    const account = await createAccount({ csmId: csm.id });
    const plan = await createPlan(account.id);
    const risky = await createMilestone(plan, { targetDate: "2026-11-27", title: "Go live" });
    await createTask(risky, { dueDate: "2026-11-26" });
    const fine = await createMilestone(plan, { targetDate: "2027-03-01" });
    await createTask(fine);
    await startConditionRuns(NOW);
    await startConditionRuns(NOW);
    expect(await runsOf(account.id)).toMatchObject([{ subjectType: "milestone", subjectId: `milestone:${risky.id}` }]);
    await advancePlaybookRuns(NOW);
    expect((await itemsOf(account.id))[0]!.reason).toContain("milestone “Go live” is at risk");

    await db.update(milestones).set({ vendorSignedAt: NOW, customerSignedAt: NOW }).where(eq(milestones.id, risky.id));
    await advancePlaybookRuns(later(1));
    expect(await runsOf(account.id)).toMatchObject([{ status: "resolved" }]);
  });

  it("nps_detractor: an answer of 6 or less starts a run; a promoter's doesn't", async () => {
    await createPlaybook({ trigger: { kind: "nps_detractor" }, steps: workItem });
    const account = await createAccount();
    const person = await createCustomer(account.id, "member");
    const answer = (score: number): DomainEventInput => ({
      type: "nps.submitted",
      accountId: account.id,
      actorId: person.id,
      subjectId: null,
      payload: { responseId: newId(), score },
      occurredAt: NOW,
    });
    const detractor = answer(4);
    await react([detractor, answer(9)]);
    await react([detractor]); // the same answer again: still one run
    const runs = await runsOf(account.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ subjectType: "nps", status: "open" });
    await advancePlaybookRuns(NOW);
    expect((await itemsOf(account.id))[0]!.reason).toContain("a detractor answered 4 to the NPS survey");
  });

  it("champion_deactivated: a champion deactivated lately starts a run, resolved when they are back", async () => {
    await createPlaybook({
      trigger: { kind: "champion_deactivated" },
      steps: [{ kind: "create_work_item", delayDays: 2 }],
    });
    const account = await createAccount();
    const gone = await createCustomer(account.id, "champion", { name: "Ana Gone" });
    await createCustomer(account.id, "champion", {});
    const longGone = await createCustomer(account.id, "champion");
    const member = await createCustomer(account.id, "member");
    await db
      .update(users)
      .set({ deactivatedAt: ago(2) })
      .where(eq(users.id, gone.id));
    await db
      .update(users)
      .set({ deactivatedAt: ago(60) })
      .where(eq(users.id, longGone.id));
    await db
      .update(users)
      .set({ deactivatedAt: ago(1) })
      .where(eq(users.id, member.id));
    await startConditionRuns(NOW);
    await startConditionRuns(NOW);
    expect(await runsOf(account.id)).toMatchObject([{ subjectType: "champion", subjectId: `champion:${gone.id}` }]);

    await db.update(users).set({ deactivatedAt: null }).where(eq(users.id, gone.id));
    await advancePlaybookRuns(later(2));
    expect(await runsOf(account.id)).toMatchObject([{ status: "resolved" }]);
    expect(await itemsOf(account.id)).toHaveLength(0);
  });

  it("champion_deactivated: a champion made a member starts a run too, resolved when they are champion again", async () => {
    await createPlaybook({
      trigger: { kind: "champion_deactivated" },
      steps: [{ kind: "create_work_item", delayDays: 2 }],
    });
    const admin = actorOf(await createStaff("admin"));
    const account = await createAccount();
    await createCustomer(account.id, "champion");
    const demoted = await createCustomer(account.id, "champion", { name: "Dee Moted" });
    const promoted = await createCustomer(account.id, "member");
    expect(await changeMemberRole(admin, account.id, demoted.id, "member")).toEqual({ ok: true });
    // A member made champion is no loss.
    expect(await changeMemberRole(admin, account.id, promoted.id, "champion")).toEqual({ ok: true });
    await db
      .update(activity)
      .set({ createdAt: ago(3) })
      .where(and(eq(activity.accountId, account.id), eq(activity.action, "member.role_changed")));
    await startConditionRuns(NOW);
    await startConditionRuns(NOW);
    expect(await runsOf(account.id)).toMatchObject([
      { subjectType: "champion", subjectId: `champion:${demoted.id}`, status: "open" },
    ]);

    expect(await changeMemberRole(admin, account.id, demoted.id, "champion")).toEqual({ ok: true });
    await advancePlaybookRuns(later(2));
    expect(await runsOf(account.id)).toMatchObject([{ status: "resolved" }]);
    expect(await itemsOf(account.id)).toHaveLength(0);
  });

  it("health_grade_dropped: a worse grade starts a run, a better one doesn't; back at the old grade resolves it", async () => {
    await createPlaybook({
      trigger: { kind: "health_grade_dropped" },
      steps: [{ kind: "create_work_item", delayDays: 1 }],
    });
    const account = await createAccount();
    await createHealthSnapshots(account.id, { "2026-11-23": 90, "2026-11-24": 10 });
    const change = (from: "green" | "red", to: "green" | "red"): DomainEventInput => ({
      type: "health.grade_changed",
      accountId: account.id,
      actorId: null,
      subjectId: account.id,
      payload: { from, to, score: to === "red" ? 10 : 90 },
      occurredAt: NOW,
    });
    await react([change("green", "red")]);
    await react([change("red", "green")]);
    expect(await runsOf(account.id)).toMatchObject([{ subjectType: "health", status: "open" }]);
    expect((await runsOf(account.id))[0]!.subjectId).toMatch(/^grade:green:/);

    await createHealthSnapshots(account.id, { "2026-11-25": 90 });
    await advancePlaybookRuns(later(1));
    expect(await runsOf(account.id)).toMatchObject([{ status: "resolved" }]);
  });

  it("task_due_soon: an open task due within N days starts a run about it; done resolves it, a moved date is a new occasion", async () => {
    await createPlaybook({
      trigger: { kind: "task_due_soon", days: 5 },
      steps: [{ kind: "remind_assignee", delayDays: 1 }],
    });
    const account = await createAccount();
    const plan = await createPlan(account.id);
    const milestone = await createMilestone(plan, { targetDate: "2027-01-31" });
    const soon = await createTask(milestone, { dueDate: "2026-11-27" });
    await createTask(milestone, { dueDate: "2026-12-20" });
    await createTask(milestone, { dueDate: "2026-11-26", status: "done" });
    await startConditionRuns(NOW);
    await startConditionRuns(NOW);
    expect(await runsOf(account.id)).toMatchObject([{ subjectType: "task", subjectId: `${soon.id}@2026-11-27` }]);

    await db.update(tasks).set({ dueDate: "2026-11-28" }).where(eq(tasks.id, soon.id));
    await advancePlaybookRuns(later(1));
    await startConditionRuns(later(1));
    const runs = await runsOf(account.id);
    expect(runs.map((run) => [run.subjectId, run.status]).sort()).toEqual([
      [`${soon.id}@2026-11-27`, "resolved"],
      [`${soon.id}@2026-11-28`, "open"],
    ]);
    await db.update(tasks).set({ status: "done" }).where(eq(tasks.id, soon.id));
    await advancePlaybookRuns(later(3));
    expect((await runsOf(account.id)).every((run) => run.status === "resolved")).toBe(true);
  });

  it("qbr_overdue: N days since the last QBR starts a run; logging a QBR resolves it", async () => {
    await createPlaybook({ trigger: { kind: "qbr_overdue", days: 90 }, steps: workItem });
    const csm = await createStaff("csm");
    const stale = await createAccount({ csmId: csm.id, createdAt: new Date("2026-01-01T00:00:00Z") });
    const fresh = await createAccount({ csmId: csm.id, createdAt: new Date("2026-01-01T00:00:00Z") });
    const young = await createAccount({ csmId: csm.id, createdAt: ago(10) });
    const touch = (accountId: string, occurredOn: string, kind: "qbr" | "call" = "qbr") =>
      db.insert(healthTouches).values({ id: newId(), accountId, authorId: csm.id, kind, occurredOn });
    await touch(stale.id, "2026-07-01");
    await touch(stale.id, "2026-11-20", "call");
    await touch(fresh.id, "2026-11-01");
    await startConditionRuns(NOW);
    await startConditionRuns(NOW);
    expect(await runsOf(stale.id)).toMatchObject([{ subjectType: "qbr", subjectId: "qbr:2026-07-01" }]);
    expect(await runsOf(fresh.id)).toHaveLength(0);
    expect(await runsOf(young.id)).toHaveLength(0);
    await advancePlaybookRuns(NOW);
    expect((await itemsOf(stale.id))[0]!.reason).toContain("no QBR since 2026-07-01");

    await touch(stale.id, "2026-11-24");
    await advancePlaybookRuns(later(1));
    expect(await runsOf(stale.id)).toMatchObject([{ status: "resolved" }]);
  });

  it("reacts to many events in a fixed number of queries (an unknown id is skipped)", async () => {
    await createPlaybook({ trigger: { kind: "task_overdue" }, steps: workItem });
    async function overdueEvents(count: number) {
      const list: DomainEventInput[] = [];
      const accountIds: string[] = [];
      for (let index = 0; index < count; index++) {
        const account = await createAccount();
        const milestone = await createMilestone(await createPlan(account.id), { targetDate: "2026-12-31" });
        const task = await createTask(milestone, { dueDate: "2026-11-20" });
        accountIds.push(account.id);
        list.push({
          type: "task.overdue",
          accountId: account.id,
          actorId: null,
          subjectId: task.id,
          payload: { taskId: task.id, planId: task.planId, dueDate: "2026-11-20" },
          occurredAt: NOW,
        });
      }
      return { ids: await db.transaction((tx) => recordEvents(tx, list)), accountIds };
    }
    const few = await overdueEvents(2);
    const many = await overdueEvents(20);
    const fewQueries = await countQueries(() => reactToEvents(few.ids));
    const manyQueries = await countQueries(() => reactToEvents([...many.ids, newId()]));
    expect(manyQueries).toBe(fewQueries);
    for (const accountId of [...few.accountIds, ...many.accountIds]) expect(await runsOf(accountId)).toHaveLength(1);
  });
});

/** Statements sent to the database while `run` runs (postgres.js's debug hook; see plans-view.test.ts). */
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
