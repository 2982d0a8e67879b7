import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { asks, inboxItems, measurements, opportunities } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMetric,
  createMilestone,
  createOutcome,
  createPlan,
  createStaff,
  createTask,
} from "~db/seed/factories";
import { respondToAsk } from "~/domain/advocacy/asks.server";
import { saveDraft, sendForReview } from "~/domain/advocacy/case-studies.server";
import { createOpportunity } from "~/domain/advocacy/new-opportunity.server";
import { moveOpportunity } from "~/domain/advocacy/opportunities.server";
import { createAskRule } from "~/domain/advocacy/settings.server";
import type { StaffActor } from "~/domain/auth/actor";
import { countInbox, listInbox } from "~/domain/inbox/inbox.server";
import { addComment } from "~/domain/plans/comments.server";
import { signOffMilestone } from "~/domain/plans/milestone-actions.server";
import { assignTask } from "~/domain/plans/task-actions.server";
import { addTask } from "~/domain/plans/task-editing.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { getNotificationPreferences, saveNotificationPreferences, turnOffKind } from "~/domain/mail/preferences.server";
import { newId } from "~/lib/ids.server";
import { mailsTo } from "../support/outbox";

let marketing: StaffActor;

beforeAll(async () => {
  marketing = actorOf(await createStaff("marketing")) as StaffActor;
  await createAskRule(marketing, { signal: "milestone_achieved", askType: "case_study", reviewUrl: "" });
});

const itemsOf = (userId: string) => db.select().from(inboxItems).where(eq(inboxItems.userId, userId));

async function planWithTask() {
  const csmUser = await createStaff("csm");
  const account = await createAccount({ csmId: csmUser.id });
  const champion = await createCustomer(account.id, "champion");
  const member = await createCustomer(account.id, "member");
  const plan = await createPlan(account.id);
  const milestone = await createMilestone(plan, { title: "Go-live" });
  const task = await createTask(milestone, { title: "Invite the team" });
  return { csm: actorOf(csmUser), account, champion, member, plan, milestone, task };
}

describe("the bell's items from plans", () => {
  it("tells the person a task was given to, not the one who gave it, and links to the task", async () => {
    const { csm, account, champion, member, task } = await planWithTask();
    expect(
      await assignTask(csm, account.id, task.id, { assigneeId: member.id, expectedVersion: task.version }),
    ).toEqual({
      ok: true,
    });
    const [item] = await itemsOf(member.id);
    expect(item).toMatchObject({
      accountId: account.id,
      kind: "task_assigned",
      params: { who: csm.name, title: "Invite the team" },
      href: `/accounts/${account.id}/tasks/${task.id}`,
      readAt: null,
    });
    expect(await itemsOf(csm.id)).toEqual([]);

    // The champion takes a task themselves: nobody is told.
    await assignTask(actorOf(champion), account.id, task.id, {
      assigneeId: champion.id,
      expectedVersion: task.version + 1,
    });
    expect(await itemsOf(champion.id)).toEqual([]);

    const { items } = await listInbox(member.id);
    expect(items).toEqual([expect.objectContaining({ source: "item", kind: "task_assigned", read: false })]);
    expect(await countInbox(member.id)).toBe(1);
  });

  it("tells the assignee of a new task", async () => {
    const { csm, account, member, milestone } = await planWithTask();
    const added = await addTask(csm, account.id, milestone.id, {
      title: "Connect SSO",
      notes: "",
      side: "customer",
      assigneeId: member.id,
      dueDate: "",
      internal: false,
    });
    expect(added.ok).toBe(true);
    expect((await itemsOf(member.id)).map((item) => item.kind)).toEqual(["task_assigned"]);
  });

  it("tells a task's assignee of a comment, unless they wrote it", async () => {
    const { csm, account, member, milestone } = await planWithTask();
    const task = await createTask(milestone, { title: "Import users", assigneeId: member.id });
    await addComment(csm, account.id, { subjectType: "task", subjectId: task.id, body: "Need help?", internal: false });
    await addComment(actorOf(member), account.id, {
      subjectType: "task",
      subjectId: task.id,
      body: "All good",
      internal: false,
    });
    const items = await itemsOf(member.id);
    expect(items).toEqual([
      expect.objectContaining({ kind: "task_comment", params: { who: csm.name, title: "Import users" } }),
    ]);
    // An internal comment never reaches a customer.
    await addComment(csm, account.id, { subjectType: "task", subjectId: task.id, body: "Internal", internal: true });
    expect(await itemsOf(member.id)).toHaveLength(1);
  });

  it("tells the other side a milestone waits for its sign-off: the champions, or the account's CSM", async () => {
    const { csm, account, champion, member, plan } = await planWithTask();
    const first = await createMilestone(plan, { title: "Kick-off" });
    expect(await signOffMilestone(csm, account.id, first.id, {})).toMatchObject({ ok: true, achieved: false });
    expect(await itemsOf(champion.id)).toEqual([
      expect.objectContaining({
        kind: "signoff_waiting",
        params: { title: "Kick-off" },
        href: `/accounts/${account.id}/plan#milestone-${first.id}`,
      }),
    ]);
    expect(await itemsOf(member.id)).toEqual([]);

    const second = await createMilestone(plan, { title: "Training" });
    await signOffMilestone(actorOf(champion), account.id, second.id, {});
    expect(await itemsOf(csm.id)).toEqual([expect.objectContaining({ kind: "signoff_waiting" })]);
    // The second signature achieves the milestone: nobody waits any more.
    await signOffMilestone(csm, account.id, second.id, {});
    expect(await itemsOf(champion.id)).toHaveLength(1);
  });
});

describe("each kind follows the person's channel", () => {
  const choose = async (person: Parameters<typeof actorOf>[0], channels: Record<string, string>) => {
    const prefs = await getNotificationPreferences(person.id);
    await saveNotificationPreferences(actorOf(person), {
      email: { champion: prefs.email.champion, digest: prefs.email.digest },
      channels: channels as never,
      quietHours: null,
      timeZone: "UTC",
    });
  };

  it("by default a task given to you is in the app only: no email", async () => {
    const { csm, account, member, task } = await planWithTask();
    await assignTask(csm, account.id, task.id, { assigneeId: member.id, expectedVersion: task.version });
    expect(await itemsOf(member.id)).toHaveLength(1);
    expect(await mailsTo(member.email)).toEqual([]);
  });

  it("email only: an email with the link, nothing under the bell", async () => {
    const { csm, account, member, task } = await planWithTask();
    await choose(member, { task_assigned: "email" });
    await assignTask(csm, account.id, task.id, { assigneeId: member.id, expectedVersion: task.version });
    expect(await itemsOf(member.id)).toEqual([]);
    const [mail] = await mailsTo(member.email);
    expect(mail).toMatchObject({ kind: "task_assigned", recipientId: member.id, status: "queued" });
    expect(mail!.subject).toBe(`${csm.name} gave you the task “Invite the team”`);
    expect(mail!.text).toContain(`/accounts/${account.id}/tasks/${task.id}`);
  });

  it("both, or off, or only in the digest", async () => {
    const { csm, account, champion, member, milestone } = await planWithTask();
    await choose(member, { task_assigned: "app_email" });
    await choose(champion, { task_assigned: "off" });
    const first = await createTask(milestone);
    await assignTask(csm, account.id, first.id, { assigneeId: member.id, expectedVersion: first.version });
    expect(await itemsOf(member.id)).toHaveLength(1);
    expect(await mailsTo(member.email)).toHaveLength(1);
    await assignTask(csm, account.id, first.id, { assigneeId: champion.id, expectedVersion: first.version + 1 });
    expect(await itemsOf(champion.id)).toEqual([]);
    expect(await mailsTo(champion.email)).toEqual([]);
    await choose(member, { task_assigned: "digest" });
    const second = await createTask(milestone);
    await assignTask(csm, account.id, second.id, { assigneeId: member.id, expectedVersion: second.version });
    expect(await itemsOf(member.id)).toHaveLength(1);
    expect(await mailsTo(member.email)).toHaveLength(1);
  });

  it("the one-click unsubscribe takes email off the kind's channel and keeps the bell", async () => {
    const { member } = await planWithTask();
    await choose(member, { task_assigned: "app_email", task_due: "email" });
    expect(await turnOffKind(member.id, "task_assigned")).toBe(true);
    expect(await turnOffKind(member.id, "reminders")).toBe(true);
    const prefs = await getNotificationPreferences(member.id);
    expect(prefs.channels).toMatchObject({ task_assigned: "app", task_due: "off" });
    expect(prefs.email).toMatchObject({ task_assigned: false, reminders: false, community: true });
  });

  it("a comment's channel is its own: comments off leaves tasks given to you on", async () => {
    const { csm, account, member, milestone } = await planWithTask();
    await choose(member, { task_comment: "off" });
    const task = await createTask(milestone, { assigneeId: member.id });
    await addComment(csm, account.id, { subjectType: "task", subjectId: task.id, body: "Hi", internal: false });
    expect(await itemsOf(member.id)).toEqual([]);
    await assignTask(csm, account.id, task.id, { assigneeId: null, expectedVersion: task.version });
    await assignTask(csm, account.id, task.id, { assigneeId: member.id, expectedVersion: task.version + 1 });
    expect((await itemsOf(member.id)).map((item) => item.kind)).toEqual(["task_assigned"]);
  });
});

describe("the bell's items from advocacy", () => {
  it("tells the advocate of an ask from a signal and of a case study to review", async () => {
    const csm = actorOf(await createStaff("csm"));
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    const plan = await createPlan(account.id);
    const outcome = await createOutcome(plan, { title: "Faster month-end" });
    const metric = await createMetric(outcome, { name: "Days to close", unit: "days", baseline: 9, target: 4 });
    await db
      .insert(measurements)
      .values({ id: newId(), metricId: metric.id, accountId: account.id, measuredOn: todayIn("UTC"), value: 4 });
    const milestone = await createMilestone(plan, { title: "Go-live", targetDate: datePlusDays(todayIn("UTC"), 3) });
    await signOffMilestone(csm, account.id, milestone.id, {});
    await signOffMilestone(actorOf(champion), account.id, milestone.id, {});
    const [ask] = await db.select().from(asks).where(eq(asks.recipientId, champion.id));
    expect((await itemsOf(champion.id)).map((item) => [item.kind, item.href])).toEqual([
      ["signoff_waiting", `/accounts/${account.id}/plan#milestone-${milestone.id}`],
      ["ask_waiting", `/accounts/${account.id}/asks/${ask!.id}`],
    ]);

    await respondToAsk(actorOf(champion), account.id, ask!.id, {
      response: "accept",
      consent: { uses: ["name", "logo", "metrics"], scope: "public" },
    });
    const [opportunity] = await db.select().from(opportunities).where(eq(opportunities.askId, ask!.id));
    await moveOpportunity(marketing, opportunity!.id, { to: "in_production", version: opportunity!.version });
    await saveDraft(marketing, opportunity!.id, { title: "Closing in 4 days", body: "How they did it.", facts: [] });
    expect(await sendForReview(marketing, opportunity!.id)).toEqual({ ok: true });
    const review = (await itemsOf(champion.id)).find((item) => item.kind === "case_study_review");
    expect(review).toMatchObject({ params: { title: "Closing in 4 days" }, accountId: account.id });
    expect(review!.href).toMatch(new RegExp(`^/accounts/${account.id}/case-studies/`));
    expect(await itemsOf(marketing.id)).toEqual([]);
  });

  it("tells the advocate of an ask marketing sends by hand", async () => {
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    const created = await createOpportunity(marketing, {
      accountId: account.id,
      advocateId: champion.id,
      askType: "quote",
      ownerId: marketing.id,
      dueDate: "",
      notes: "",
    });
    if (!created.ok) throw new Error(created.error);
    expect(await moveOpportunity(marketing, created.id, { to: "asked", version: 1 })).toEqual({ ok: true });
    expect((await itemsOf(champion.id)).map((item) => item.kind)).toEqual(["ask_waiting"]);
  });
});
