import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import {
  interventionNotices,
  notificationPreferences,
  outboxMessages,
  playbookRunSteps,
  playbookRuns,
  playbooks,
  workItems,
} from "~db/schema";
import {
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createPlaybook,
  createStaff,
  createTasks,
} from "~db/seed/factories";
import { reactToEvents } from "~/domain/events/reactions.server";
import { MESSAGES_PER_PERSON_PER_WEEK } from "~/domain/interventions/playbook-rules";
import { advancePlaybookRuns } from "~/domain/interventions/runs.server";
import { recordOverdueTasks } from "~/domain/plans/overdue-tasks.server";

/*
 * The advance job works in batches: one transaction reads a batch's people and caps once and writes
 * its steps together. These are the batch's edge cases; interventions-playbook-runs.test.ts has the
 * rules themselves.
 */

const NOW = new Date("2026-11-24T16:00:00Z");

/** An account with a CSM and `champions` champions; the first is assigned `overdue` overdue tasks, all recorded and reacted to. */
async function accountWithOverdueTasks(overdue: number, champions = 1) {
  const csm = await createStaff("csm");
  const account = await createAccount({ csmId: csm.id });
  const people: Awaited<ReturnType<typeof createCustomer>>[] = [];
  for (let index = 0; index < champions; index++) people.push(await createCustomer(account.id, "champion"));
  const milestone = await createMilestone(await createPlan(account.id), { targetDate: "2026-12-31" });
  const tasks = await createTasks(
    milestone,
    Array.from({ length: overdue }, () => ({ dueDate: "2026-11-20", assigneeId: people[0]!.id })),
  );
  const { eventIds } = await recordOverdueTasks(NOW);
  await reactToEvents(eventIds);
  return { csm, account, champions: people, tasks };
}

const stepsOf = (accountId: string) =>
  db.select().from(playbookRunSteps).where(eq(playbookRunSteps.accountId, accountId));
const mailTo = (email: string) => db.select().from(outboxMessages).where(eq(outboxMessages.to, email));
const runsOf = (accountId: string) => db.select().from(playbookRuns).where(eq(playbookRuns.accountId, accountId));
const outcomes = (steps: { outcome: string }[]) =>
  steps.reduce<Record<string, number>>((all, step) => ({ ...all, [step.outcome]: (all[step.outcome] ?? 0) + 1 }), {});

describe("advancing playbook runs in batches", () => {
  beforeEach(async () => {
    await db.update(playbooks).set({ enabled: false });
  });

  it("fills a person's weekly cap inside one batch, across runs and playbooks, and spares the next person", async () => {
    await createPlaybook({ steps: [{ kind: "remind_assignee", delayDays: 0 }] });
    await createPlaybook({ steps: [{ kind: "tell_champion", delayDays: 0 }] });
    // 3 task runs remind the first champion, 3 tell both champions: 6 messages for one person in one batch.
    const { account, champions } = await accountWithOverdueTasks(3, 2);
    const [first, second] = champions as [(typeof champions)[0], (typeof champions)[0]];
    expect(await runsOf(account.id)).toHaveLength(6);

    const result = await advancePlaybookRuns(NOW);
    expect(result).toMatchObject({ steps: 6, failed: 0 });
    const steps = await stepsOf(account.id);
    expect(outcomes(steps.filter((step) => step.recipientId === first.id))).toEqual({
      sent: MESSAGES_PER_PERSON_PER_WEEK,
      capped: 6 - MESSAGES_PER_PERSON_PER_WEEK,
    });
    expect(await mailTo(first.email)).toHaveLength(MESSAGES_PER_PERSON_PER_WEEK);
    // Every reminder sent came with its in-app notice; none for the capped ones.
    const sentReminders = steps.filter(
      (step) => step.recipientId === first.id && step.kind === "remind_assignee" && step.outcome === "sent",
    );
    const notices = await db.select().from(interventionNotices).where(eq(interventionNotices.userId, first.id));
    expect(notices).toHaveLength(sentReminders.length);
    expect(outcomes(steps.filter((step) => step.recipientId === second.id))).toEqual({ sent: 3 });
    expect(await mailTo(second.email)).toHaveLength(3);
  });

  it("two workers in small batches share the runs: each step once, and the cap holds across them", async () => {
    await createPlaybook({ steps: [{ kind: "remind_assignee", delayDays: 0 }] });
    const { account, champions } = await accountWithOverdueTasks(7);
    await Promise.all([advancePlaybookRuns(NOW, db, { batchSize: 2 }), advancePlaybookRuns(NOW, db, { batchSize: 2 })]);
    const steps = await stepsOf(account.id);
    expect(steps).toHaveLength(7);
    expect(new Set(steps.map((step) => step.runId)).size).toBe(7);
    expect(outcomes(steps)).toEqual({ sent: MESSAGES_PER_PERSON_PER_WEEK, capped: 7 - MESSAGES_PER_PERSON_PER_WEEK });
    expect(await mailTo(champions[0]!.email)).toHaveLength(MESSAGES_PER_PERSON_PER_WEEK);
    expect((await runsOf(account.id)).every((run) => run.currentStep === 1)).toBe(true);
  });

  it("follows each person's preferences within a batch: an email turned off, quiet hours deferring the send", async () => {
    await createPlaybook({ steps: [{ kind: "tell_champion", delayDays: 0 }] });
    const { account, champions } = await accountWithOverdueTasks(1, 2);
    const [off, quiet] = champions as [(typeof champions)[0], (typeof champions)[0]];
    await db.insert(notificationPreferences).values([
      { userId: off.id, accountId: account.id, emailChampion: false },
      // 15:00–18:00 in UTC (the person's zone): NOW, 16:00 UTC, is inside.
      { userId: quiet.id, accountId: account.id, quietStartMinute: 15 * 60, quietEndMinute: 18 * 60 },
    ]);
    await advancePlaybookRuns(NOW);
    const steps = await stepsOf(account.id);
    expect(steps.find((step) => step.recipientId === off.id)?.outcome).toBe("skipped");
    expect(await mailTo(off.email)).toHaveLength(0);
    const [mail] = await mailTo(quiet.email);
    expect(mail?.sendAfter).toEqual(new Date("2026-11-24T18:00:00Z"));
    expect(mail?.unsubscribeUrl).toContain("/unsubscribe?token=");
    const jobs = await db.execute<{ start_after: Date; singleton_key: string }>(
      sql`select start_after, singleton_key from pgboss.job where data->>'messageId' = ${mail!.id}`,
    );
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.start_after)).toEqual(new Date("2026-11-24T18:00:00Z"));
    expect(jobs[0]!.singleton_key).toBe(mail!.id);
  });

  it("a run whose writes fail is left due and logged; the rest of its batch advances", async () => {
    await createPlaybook({ steps: [{ kind: "create_work_item", delayDays: 0 }] });
    const good = await accountWithOverdueTasks(1);
    const bad = await accountWithOverdueTasks(1);
    await db.execute(
      sql.raw(`
        create function refuse_work_item() returns trigger language plpgsql as $$
        begin
          if new.account_id = '${bad.account.id}' then raise exception 'refused for the test'; end if;
          return new;
        end $$`),
    );
    await db.execute(
      sql`create trigger refuse_work_item before insert on work_items for each row execute function refuse_work_item()`,
    );
    try {
      const result = await advancePlaybookRuns(NOW);
      expect(result).toMatchObject({ steps: 1, failed: 1 });
    } finally {
      await db.execute(sql`drop trigger refuse_work_item on work_items`);
      await db.execute(sql`drop function refuse_work_item()`);
    }
    const items = (accountId: string) => db.select().from(workItems).where(eq(workItems.accountId, accountId));
    expect(await items(good.account.id)).toHaveLength(1);
    expect(await runsOf(good.account.id)).toMatchObject([{ currentStep: 1 }]);
    expect(await items(bad.account.id)).toHaveLength(0);
    expect(await stepsOf(bad.account.id)).toHaveLength(0);
    expect(await runsOf(bad.account.id)).toMatchObject([{ currentStep: 0, status: "open" }]);

    // The next advance does the step it missed.
    expect(await advancePlaybookRuns(NOW)).toMatchObject({ steps: 1, failed: 0 });
    expect(await items(bad.account.id)).toHaveLength(1);
    expect(
      await db
        .select()
        .from(playbookRunSteps)
        .where(
          and(
            inArray(playbookRunSteps.accountId, [good.account.id, bad.account.id]),
            eq(playbookRunSteps.outcome, "created"),
          ),
        ),
    ).toHaveLength(2);
  });
});
