import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import {
  digestLines,
  inboxItems,
  outboxMessages,
  playbookRunSteps,
  playbookRuns,
  playbooks,
  tasks,
  type User,
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
import { advancePlaybookRuns } from "~/domain/interventions/runs.server";
import { sendWeeklyDigests } from "~/domain/mail/digest.server";
import { saveNotificationPreferences } from "~/domain/mail/preferences.server";
import { addComment } from "~/domain/plans/comments.server";
import { recordOverdueTasks } from "~/domain/plans/overdue-tasks.server";
import { DAY_MS } from "~/lib/time";

const NOW = new Date("2026-11-24T16:00:00Z");
// The Monday after, 09:00 UTC: every UTC person's digest is due.
const MONDAY = new Date("2026-11-30T09:00:00Z");
const NEXT_MONDAY = new Date(MONDAY.getTime() + 7 * DAY_MS);
const ALL_ON = { reminders: true, champion: true, community: true, digest: true };

const mailsTo = (email: string) => db.select().from(outboxMessages).where(eq(outboxMessages.to, email));
const digestsTo = async (email: string) => (await mailsTo(email)).filter((mail) => mail.kind === "digest");
const linesOf = (userId: string) => db.select().from(digestLines).where(eq(digestLines.userId, userId));

async function overdueTaskForChampion() {
  const csm = await createStaff("csm");
  const account = await createAccount({ csmId: csm.id });
  const champion = await createCustomer(account.id, "champion");
  const plan = await createPlan(account.id);
  const milestone = await createMilestone(plan, { targetDate: "2026-12-31" });
  const task = await createTask(milestone, { dueDate: "2026-11-20", assigneeId: champion.id, title: "Map the fields" });
  return { csm, account, champion, task, milestone };
}

async function digestOnly(person: User, kind: "task_comment") {
  await saveNotificationPreferences(actorOf(person), {
    email: ALL_ON,
    channels: { [kind]: "digest" },
    quietHours: null,
    timeZone: "UTC",
  });
}

describe("'tell the champion' as a line in the weekly digest", () => {
  beforeEach(async () => {
    await db.update(playbooks).set({ enabled: false });
  });

  it("keeps a line instead of an email, outside the weekly cap; the next digest carries it once", async () => {
    await createPlaybook({ steps: [{ kind: "tell_champion_digest", delayDays: 0 }] });
    const { champion } = await overdueTaskForChampion();
    await reactToEvents((await recordOverdueTasks(NOW)).eventIds);
    await advancePlaybookRuns(NOW);

    expect(await mailsTo(champion.email)).toHaveLength(0);
    const steps = await db.select().from(playbookRunSteps).where(eq(playbookRunSteps.recipientId, champion.id));
    expect(steps).toMatchObject([{ kind: "tell_champion_digest", outcome: "created" }]);
    expect(await linesOf(champion.id)).toMatchObject([{ kind: "playbook", weekStart: null }]);
    expect((await linesOf(champion.id))[0]!.params.reason).toContain("Map the fields");

    await sendWeeklyDigests(MONDAY);
    const [digest] = await digestsTo(champion.email);
    expect(digest!.text).toContain("Also for you this week:");
    expect(digest!.text).toContain("Map the fields");
    expect(await linesOf(champion.id)).toMatchObject([{ weekStart: "2026-11-30" }]);

    // The next week's digest (the task still open) doesn't repeat the line.
    await sendWeeklyDigests(NEXT_MONDAY);
    const digests = await digestsTo(champion.email);
    expect(digests).toHaveLength(2);
    expect(digests[1]!.text).not.toContain("Also for you this week:");
  });

  it("leaves the line out once the run's reason is gone (the task was done before Monday)", async () => {
    await createPlaybook({ steps: [{ kind: "tell_champion_digest", delayDays: 0 }] });
    const { account, champion, task } = await overdueTaskForChampion();
    await reactToEvents((await recordOverdueTasks(NOW)).eventIds);
    await advancePlaybookRuns(NOW);
    expect(await linesOf(champion.id)).toHaveLength(1);

    await db.update(tasks).set({ status: "done" }).where(eq(tasks.id, task.id));
    await advancePlaybookRuns(new Date(NOW.getTime() + DAY_MS));
    expect(await db.select().from(playbookRuns).where(eq(playbookRuns.accountId, account.id))).toMatchObject([
      { status: "resolved" },
    ]);
    await sendWeeklyDigests(MONDAY);
    // Nothing else to say either: no digest at all.
    expect(await digestsTo(champion.email)).toHaveLength(0);
  });

  it("is skipped for a champion who turned the digest off", async () => {
    await createPlaybook({ steps: [{ kind: "tell_champion_digest", delayDays: 0 }] });
    const { champion } = await overdueTaskForChampion();
    await saveNotificationPreferences(actorOf(champion), {
      email: { ...ALL_ON, digest: false },
      quietHours: null,
      timeZone: "UTC",
    });
    await reactToEvents((await recordOverdueTasks(NOW)).eventIds);
    await advancePlaybookRuns(NOW);
    expect(await linesOf(champion.id)).toHaveLength(0);
    const steps = await db.select().from(playbookRunSteps).where(eq(playbookRunSteps.recipientId, champion.id));
    expect(steps).toMatchObject([{ outcome: "skipped" }]);
  });
});

describe("a notice whose channel is 'digest only'", () => {
  it("a comment on your task: no bell item and no email, a line in the next digest in your language", async () => {
    const csmUser = await createStaff("csm");
    const account = await createAccount({ csmId: csmUser.id });
    const member = await createCustomer(account.id, "member", { locale: "zh-CN" });
    await digestOnly(member, "task_comment");
    const plan = await createPlan(account.id);
    const milestone = await createMilestone(plan, { targetDate: "2026-12-31" });
    const task = await createTask(milestone, { assigneeId: member.id, title: "导入用户" });
    await addComment(actorOf(csmUser), account.id, {
      subjectType: "task",
      subjectId: task.id,
      body: "Looks good",
      internal: false,
    });

    expect(await db.select().from(inboxItems).where(eq(inboxItems.userId, member.id))).toHaveLength(0);
    expect(await mailsTo(member.email)).toHaveLength(0);
    expect(await linesOf(member.id)).toMatchObject([{ kind: "task_comment", params: { title: "导入用户" } }]);

    await sendWeeklyDigests(MONDAY);
    const [digest] = await digestsTo(member.email);
    expect(digest!.text).toContain("本周还有这些与你相关：");
    expect(digest!.text).toContain(`${csmUser.name} 评论了你的任务“导入用户”`);
  });
});
