import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import {
  interventionNotices,
  outboxMessages,
  playbookRunSteps,
  playbookRuns,
  playbooks,
  tasks,
  users,
  workItems,
} from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createPlaybook,
  createStaff,
  createTask,
} from "~db/seed/factories";
import { reactToEvents } from "~/domain/events/reactions.server";
import { saveNotificationPreferences } from "~/domain/mail/preferences.server";
import { MESSAGES_PER_PERSON_PER_WEEK } from "~/domain/interventions/playbook-rules";
import { advancePlaybookRuns, startConditionRuns } from "~/domain/interventions/runs.server";
import { recordOverdueTasks } from "~/domain/plans/overdue-tasks.server";
import { DAY_MS } from "~/lib/time";

const NOW = new Date("2026-11-24T16:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * DAY_MS + 60_000);

/** An account with a CSM, a champion and an overdue task assigned to the champion; its overdue event recorded and reacted to. */
async function overdueTask(options: { segmentId?: string } = {}) {
  const csm = await createStaff("csm");
  const account = await createAccount({
    csmId: csm.id,
    ...(options.segmentId ? { segmentId: options.segmentId } : {}),
  });
  const champion = await createCustomer(account.id, "champion");
  const plan = await createPlan(account.id);
  const milestone = await createMilestone(plan, { targetDate: "2026-12-31" });
  const task = await createTask(milestone, { dueDate: "2026-11-20", assigneeId: champion.id });
  return { csm, account, champion, task };
}

async function recordAndReact(now = NOW) {
  const { eventIds } = await recordOverdueTasks(now);
  await reactToEvents(eventIds);
}

const runsOf = (accountId: string) => db.select().from(playbookRuns).where(eq(playbookRuns.accountId, accountId));
const mailTo = (email: string) => db.select().from(outboxMessages).where(eq(outboxMessages.to, email));
const itemsOf = (accountId: string) => db.select().from(workItems).where(eq(workItems.accountId, accountId));

describe("playbook runs", () => {
  // The file shares one database: each test works with its own playbook only.
  beforeEach(async () => {
    await db.update(playbooks).set({ enabled: false });
  });

  it("task.overdue starts one run; its steps remind the assignee (email + in-app) and then create a CSM work item", async () => {
    const playbook = await createPlaybook();
    const { account, champion, csm, task } = await overdueTask();
    await recordAndReact();
    await reactToEvents((await recordOverdueTasks(NOW)).eventIds); // nothing new
    const [run] = await runsOf(account.id);
    expect(run).toMatchObject({ playbookId: playbook.id, subjectId: task.id, status: "open", currentStep: 0 });

    await advancePlaybookRuns(NOW);
    expect(await mailTo(champion.email)).toHaveLength(1);
    expect(await db.select().from(interventionNotices).where(eq(interventionNotices.userId, champion.id))).toHaveLength(
      1,
    );
    expect(await itemsOf(account.id)).toHaveLength(0);

    await advancePlaybookRuns(later(1)); // not due yet: the work item waits 3 days
    expect(await itemsOf(account.id)).toHaveLength(0);
    await advancePlaybookRuns(later(3));
    const [item] = await itemsOf(account.id);
    expect(item).toMatchObject({ assigneeId: csm.id, runId: run!.id, subjectType: "task", subjectId: task.id });
  });

  it("tells the champion and escalates to an admin", async () => {
    const admin = await createStaff("admin");
    await createPlaybook({
      steps: [
        { kind: "tell_champion", delayDays: 0 },
        { kind: "escalate_admin", delayDays: 0 },
      ],
    });
    const { account, champion } = await overdueTask();
    await recordAndReact();
    await advancePlaybookRuns(NOW);
    await advancePlaybookRuns(later(0));
    expect(await mailTo(champion.email)).toHaveLength(1);
    const items = await itemsOf(account.id);
    expect(items.some((row) => row.priority === "urgent")).toBe(true);
    const [oldestAdmin] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.staffRole, "admin"))
      .orderBy(users.createdAt, users.id)
      .limit(1);
    expect(items.find((row) => row.priority === "urgent")!.assigneeId).toBe(oldestAdmin?.id ?? admin.id);
  });

  it("stops by itself when the task is done", async () => {
    await createPlaybook();
    const { account, champion, task } = await overdueTask();
    await recordAndReact();
    await db.update(tasks).set({ status: "done" }).where(eq(tasks.id, task.id));
    expect((await advancePlaybookRuns(NOW)).resolved).toBeGreaterThanOrEqual(1);
    const [run] = await runsOf(account.id);
    expect(run).toMatchObject({ status: "resolved" });
    expect(run!.resolvedAt).not.toBeNull();
    expect(await mailTo(champion.email)).toHaveLength(0);
  });

  it("applies only to the playbook's segments", async () => {
    const { account } = await overdueTask();
    const other = await overdueTask();
    await createPlaybook({ segmentIds: [account.segmentId] });
    await recordAndReact();
    expect(await runsOf(account.id)).toHaveLength(1);
    expect(await runsOf(other.account.id)).toHaveLength(0);
  });

  it("keeps one open run per account + playbook + subject", async () => {
    const playbook = await createPlaybook();
    const { account, task } = await overdueTask();
    await recordAndReact();
    await db.update(tasks).set({ dueDate: "2026-11-21" }).where(eq(tasks.id, task.id));
    await recordAndReact(); // a second overdue event for the same task while the run is open
    const runs = await runsOf(account.id);
    expect(runs.filter((run) => run.playbookId === playbook.id && run.status === "open")).toHaveLength(1);
  });

  it("a reminder follows the assignee's due-and-overdue channel: email only, the app only, or off", async () => {
    await createPlaybook({ steps: [{ kind: "remind_assignee", delayDays: 0 }] });
    const cases = [
      ["email", 1, 0],
      ["app", 0, 1],
      ["off", 0, 0],
    ] as const;
    const people = [];
    for (const [channel] of cases) {
      const { champion } = await overdueTask();
      await saveNotificationPreferences(actorOf(champion), {
        email: { champion: true, digest: true },
        channels: { task_due: channel },
        quietHours: null,
        timeZone: "UTC",
      });
      people.push(champion);
    }
    await recordAndReact();
    await advancePlaybookRuns(NOW);
    for (const [index, [, mails, notices]] of cases.entries()) {
      const person = people[index]!;
      expect(await mailTo(person.email)).toHaveLength(mails);
      expect(await db.select().from(interventionNotices).where(eq(interventionNotices.userId, person.id))).toHaveLength(
        notices,
      );
    }
    const skipped = await db
      .select()
      .from(playbookRunSteps)
      .where(and(eq(playbookRunSteps.recipientId, people[2]!.id), eq(playbookRunSteps.outcome, "skipped")));
    expect(skipped).toHaveLength(1);
  });

  it(`sends a person at most ${MESSAGES_PER_PERSON_PER_WEEK} playbook messages a week and records the rest as capped`, async () => {
    await createPlaybook({ steps: [{ kind: "remind_assignee", delayDays: 0 }] });
    const { account, champion, task } = await overdueTask();
    const milestone = { id: task.milestoneId, planId: task.planId, accountId: account.id } as Parameters<
      typeof createTask
    >[0];
    for (let index = 0; index < MESSAGES_PER_PERSON_PER_WEEK + 1; index++) {
      await createTask(milestone, { dueDate: "2026-11-19", assigneeId: champion.id });
    }
    await recordAndReact();
    await advancePlaybookRuns(NOW);
    expect(await mailTo(champion.email)).toHaveLength(MESSAGES_PER_PERSON_PER_WEEK);
    const capped = await db
      .select()
      .from(playbookRunSteps)
      .where(and(eq(playbookRunSteps.recipientId, champion.id), eq(playbookRunSteps.outcome, "capped")));
    expect(capped).toHaveLength(2);
  });

  it("does each step exactly once when two advances run at the same time", async () => {
    await createPlaybook({
      steps: [
        { kind: "remind_assignee", delayDays: 0 },
        { kind: "create_work_item", delayDays: 0 },
      ],
    });
    const { account, champion } = await overdueTask();
    await recordAndReact();
    await Promise.all([advancePlaybookRuns(NOW), advancePlaybookRuns(NOW)]);
    await Promise.all([advancePlaybookRuns(later(0)), advancePlaybookRuns(later(0))]);
    expect(await mailTo(champion.email)).toHaveLength(1);
    expect(await itemsOf(account.id)).toHaveLength(1);
    const steps = await db.select().from(playbookRunSteps).where(eq(playbookRunSteps.accountId, account.id));
    expect(steps.map((step) => step.stepIndex).sort()).toEqual([0, 1]);
  });

  it("starts a renewal run N days before the renewal date, once per date, and resolves it when the date moves", async () => {
    const playbook = await createPlaybook({
      trigger: { kind: "renewal_within", days: 30 },
      steps: [{ kind: "create_work_item", delayDays: 0 }],
    });
    const soon = await createAccount({ renewalDate: "2026-12-10" });
    const far = await createAccount({ renewalDate: "2027-06-30" });
    await startConditionRuns(NOW);
    await startConditionRuns(NOW);
    expect(await runsOf(soon.id)).toMatchObject([{ playbookId: playbook.id, subjectId: "renewal:2026-12-10" }]);
    expect(await runsOf(far.id)).toHaveLength(0);
  });

  it("starts a no-sign-in run when nobody of the account signed in for N days, and resolves it on a sign-in", async () => {
    await createPlaybook({
      trigger: { kind: "no_sign_in", days: 14 },
      steps: [{ kind: "tell_champion", delayDays: 2 }],
    });
    const quiet = await createAccount({ createdAt: new Date("2026-09-01T00:00:00Z") });
    const champion = await createCustomer(quiet.id, "champion", { lastSignInAt: new Date("2026-10-01T09:00:00Z") });
    const busy = await createAccount({ createdAt: new Date("2026-09-01T00:00:00Z") });
    await createCustomer(busy.id, "champion", { lastSignInAt: new Date("2026-11-20T09:00:00Z") });
    await startConditionRuns(NOW);
    expect(await runsOf(quiet.id)).toMatchObject([{ subjectId: "sign-in:2026-10-01", status: "open" }]);
    expect(await runsOf(busy.id)).toHaveLength(0);

    await db
      .update(users)
      .set({ lastSignInAt: later(1) })
      .where(eq(users.id, champion.id));
    await advancePlaybookRuns(later(2));
    expect(await runsOf(quiet.id)).toMatchObject([{ status: "resolved" }]);
    expect(await mailTo(champion.email)).toHaveLength(0);
  });

  it("keeps a no-sign-in run going while nobody signs in: the champion is told", async () => {
    await createPlaybook({
      trigger: { kind: "no_sign_in", days: 14 },
      steps: [{ kind: "tell_champion", delayDays: 2 }],
    });
    const quiet = await createAccount({ createdAt: new Date("2026-09-01T00:00:00Z") });
    const champion = await createCustomer(quiet.id, "champion", { lastSignInAt: new Date("2026-10-01T09:00:00Z") });
    await startConditionRuns(NOW);
    await advancePlaybookRuns(later(2));
    expect(await runsOf(quiet.id)).toMatchObject([{ subjectId: "sign-in:2026-10-01", status: "open", currentStep: 1 }]);
    expect(await mailTo(champion.email)).toHaveLength(1);
  });
});
