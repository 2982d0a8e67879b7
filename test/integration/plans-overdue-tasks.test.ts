import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "~db/client.server";
import { tasks } from "~db/schema";
import { createAccount, createMilestone, createPlan, createTask } from "~db/seed/factories";
import { listEvents } from "~/domain/events/record.server";
import { recordOverdueTasks } from "~/domain/plans/overdue-tasks.server";
import { QUEUES } from "~/domain/jobs/queues";
import { startJobRunner } from "~/domain/jobs/runner.server";

/** 16:00 UTC on Nov 24, 2026: already Nov 25 in Tokyo (01:00), still Nov 24 in Los Angeles (08:00). */
const NOW = new Date("2026-11-24T16:00:00Z");

async function planIn(timeZone: string) {
  const account = await createAccount({ timeZone });
  const plan = await createPlan(account.id);
  const milestone = await createMilestone(plan, { targetDate: "2026-12-31" });
  return { account, plan, milestone };
}

const overdueFor = (accountId: string) => listEvents("task.overdue", { accountId });

describe("recordOverdueTasks", () => {
  it("goes by each account's own today: due 'yesterday' in Tokyo is overdue, 'today' in Los Angeles is not", async () => {
    const tokyo = await planIn("Asia/Tokyo");
    const la = await planIn("America/Los_Angeles");
    const tokyoTask = await createTask(tokyo.milestone, { dueDate: "2026-11-24" });
    await createTask(la.milestone, { dueDate: "2026-11-24" });
    const laYesterday = await createTask(la.milestone, { dueDate: "2026-11-23" });

    await recordOverdueTasks(NOW);

    expect(await overdueFor(tokyo.account.id)).toEqual([
      expect.objectContaining({
        type: "task.overdue",
        accountId: tokyo.account.id,
        actorId: null,
        subjectId: tokyoTask.id,
        payload: { taskId: tokyoTask.id, planId: tokyo.plan.id, dueDate: "2026-11-24" },
        occurredAt: NOW,
      }),
    ]);
    expect((await overdueFor(la.account.id)).map((event) => event.subjectId)).toEqual([laYesterday.id]);

    // Eight hours later it is Nov 25 in Los Angeles too.
    await recordOverdueTasks(new Date("2026-11-25T08:30:00Z"));
    expect(await overdueFor(la.account.id)).toHaveLength(2);
  });

  it("records nothing new when run again, even by two runs at once", async () => {
    const { account, milestone } = await planIn("UTC");
    await createTask(milestone, { dueDate: "2026-11-01" });
    await createTask(milestone, { dueDate: "2026-11-02", side: "vendor", internal: true });

    const [first, second] = await Promise.all([recordOverdueTasks(NOW), recordOverdueTasks(NOW)]);
    expect(first.recorded + second.recorded).toBeGreaterThanOrEqual(2);
    expect(await overdueFor(account.id)).toHaveLength(2);
    expect(await recordOverdueTasks(NOW)).toEqual({ recorded: 0, eventIds: [] });
    expect(await overdueFor(account.id)).toHaveLength(2);
  });

  it("ignores done tasks, tasks without a due date and tasks of a superseded plan", async () => {
    const { account, milestone } = await planIn("UTC");
    await createTask(milestone, {
      dueDate: "2026-11-01",
      status: "done",
      completedAt: new Date("2026-11-01T10:00:00Z"),
    });
    await createTask(milestone, { dueDate: null });
    const blocked = await createTask(milestone, {
      dueDate: "2026-11-01",
      status: "blocked",
      blockedReason: "Waiting on IT",
    });
    const old = await createPlan(account.id, { isCurrent: false });
    await createTask(await createMilestone(old), { dueDate: "2026-10-01" });

    await recordOverdueTasks(NOW);
    expect((await overdueFor(account.id)).map((event) => event.subjectId)).toEqual([blocked.id]);
  });

  it("records a task again when its due date moves later and passes again", async () => {
    const { account, milestone } = await planIn("Europe/Berlin");
    const task = await createTask(milestone, { dueDate: "2026-11-20" });
    await recordOverdueTasks(NOW);
    await db.update(tasks).set({ dueDate: "2026-11-30" }).where(eq(tasks.id, task.id));
    await recordOverdueTasks(NOW);
    expect((await overdueFor(account.id)).map((event) => event.payload.dueDate)).toEqual(["2026-11-20"]);

    await recordOverdueTasks(new Date("2026-12-01T12:00:00Z"));
    await recordOverdueTasks(new Date("2026-12-02T12:00:00Z"));
    expect((await overdueFor(account.id)).map((event) => event.payload.dueDate)).toEqual(["2026-11-20", "2026-11-30"]);
  });
});

describe("the overdue-tasks job", () => {
  it("is scheduled hourly (pg-boss cron) and also runs once when the workers start", async () => {
    const { account, milestone } = await planIn("UTC");
    await createTask(milestone, { dueDate: "2000-01-01" });
    const logged: string[] = [];
    const runner = await startJobRunner({
      url: process.env.DATABASE_URL!,
      transport: null,
      pollingIntervalSeconds: 0.5,
      log: { log: (line: string) => logged.push(line), error: (line: string) => logged.push(`error: ${line}`) },
    });
    try {
      expect(await runner.boss.getSchedules()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: QUEUES.overdueTasks, cron: "0 * * * *" }),
          expect.objectContaining({ name: QUEUES.telemetryRetention, cron: "30 3 * * *" }),
        ]),
      );
      await vi.waitFor(async () => expect(await overdueFor(account.id)).toHaveLength(1), {
        timeout: 20_000,
        interval: 100,
      });
    } finally {
      await runner.stop();
    }
    expect(logged.some((line) => line.startsWith("Recorded"))).toBe(true);
    expect(logged.filter((line) => line.startsWith("error"))).toEqual([]);
  });
});
