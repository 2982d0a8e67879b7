import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import {
  accounts,
  interventionNotices,
  outboxMessages,
  playbookRunSteps,
  playbookRuns,
  users,
  workItems,
} from "~db/schema";
import { seedDemo } from "~db/seed/demo";
import { recordOverdueTasks } from "~/domain/plans/overdue-tasks.server";

let helixId: string;

beforeAll(async () => {
  await seedDemo();
  const [helix] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.externalId, "crm-helix"));
  helixId = helix!.id;
}, 60_000);

describe("the demo's playbook history", () => {
  it("shows every step of the overdue-task playbook on Helix, made by the jobs", async () => {
    const runs = await db.select().from(playbookRuns).where(eq(playbookRuns.accountId, helixId));
    expect(runs.length).toBeGreaterThan(0);
    const steps = await db
      .select()
      .from(playbookRunSteps)
      .where(
        inArray(
          playbookRunSteps.runId,
          runs.map((run) => run.id),
        ),
      );
    const kinds = new Set(steps.map((step) => step.kind));
    for (const kind of ["remind_assignee", "tell_champion", "create_work_item", "escalate_admin"]) {
      expect(kinds).toContain(kind);
    }

    const items = await db
      .select({ reason: workItems.reason, assignee: users.email, status: workItems.status })
      .from(workItems)
      .innerJoin(users, eq(users.id, workItems.assigneeId))
      .where(and(eq(workItems.accountId, helixId), eq(workItems.status, "open")));
    expect(
      items.some(
        (item) => item.reason.startsWith("Overdue task: ") && item.assignee === "sofia@lumen-analytics.example",
      ),
    ).toBe(true);
    expect(
      items.some(
        (item) =>
          item.reason.startsWith("Escalated by Overdue task: ") && item.assignee === "priya@lumen-analytics.example",
      ),
    ).toBe(true);

    const notices = await db.select().from(interventionNotices).where(eq(interventionNotices.accountId, helixId));
    expect(notices.length).toBeGreaterThan(0);
    const reminders = await db
      .select({ subject: outboxMessages.subject })
      .from(outboxMessages)
      .where(eq(outboxMessages.to, "elena@helixhealth.example"));
    expect(reminders.some((mail) => mail.subject === "Your success plan with Helix Health needs you")).toBe(true);
  });

  it("leaves nothing for the first start's overdue job to record again", async () => {
    expect((await recordOverdueTasks(new Date())).recorded).toBe(0);
  });

  it("keeps the weekly cap: no person got more than three playbook messages in any seven days", async () => {
    const sent = await db
      .select({ recipientId: playbookRunSteps.recipientId, at: playbookRunSteps.at })
      .from(playbookRunSteps)
      .where(eq(playbookRunSteps.outcome, "sent"));
    const byPerson = new Map<string, number[]>();
    for (const row of sent)
      byPerson.set(row.recipientId!, [...(byPerson.get(row.recipientId!) ?? []), row.at.getTime()]);
    for (const times of byPerson.values()) {
      for (const at of times)
        expect(times.filter((t) => t >= at && t < at + 7 * 86_400_000).length).toBeLessThanOrEqual(3);
    }
  });
});
