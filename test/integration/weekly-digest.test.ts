import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { mailDigests, type User } from "~db/schema";
import {
  actorOf,
  addTrainee,
  createAccount,
  createAsk,
  createCertificate,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
  signedInRequest,
} from "~db/seed/factories";
import { listDueDigests, sendWeeklyDigests } from "~/domain/mail/digest.server";
import { getNotificationPreferences, saveNotificationPreferences } from "~/domain/mail/preferences.server";
import { action } from "~/routes/settings_.notifications";
import { mailsTo } from "../support/outbox";

const context = { clientIp: "127.0.0.1" };
const ALL_ON = { reminders: true, champion: true, community: true, digest: true };
// Monday 9 March 2026, 09:00 UTC.
const MONDAY = new Date("2026-03-09T09:00:00Z");

async function customer(overrides: Parameters<typeof createCustomer>[2] = {}) {
  const account = await createAccount();
  return createCustomer(account.id, "member", overrides);
}

async function digestAt(person: User, timeZone: string, digest: { day: number; hour: number }) {
  await saveNotificationPreferences(actorOf(person), { email: ALL_ON, quietHours: null, timeZone, digest });
}

async function dueAt(now: Date, people: User[]): Promise<string[]> {
  const ids = new Set(people.map((person) => person.id));
  return (await listDueDigests(now, 100_000)).filter((row) => ids.has(row.id)).map((row) => row.id);
}

/** A person with one open task, so their digest has something to say. */
async function busyCustomer(overrides: Parameters<typeof createCustomer>[2] = {}) {
  const person = await customer(overrides);
  const plan = await createPlan(person.accountId!);
  const milestone = await createMilestone(plan, { targetDate: "2026-04-01" });
  await createTask(milestone, { assigneeId: person.id, dueDate: "2026-03-30" });
  return person;
}

describe("who gets the digest when", () => {
  it("by default on Monday from 08:00 in the person's own time zone", async () => {
    const person = await customer();
    expect(await dueAt(new Date("2026-03-09T07:59:00Z"), [person])).toEqual([]);
    expect(await dueAt(new Date("2026-03-09T08:00:00Z"), [person])).toEqual([person.id]);
    // Later that Monday still counts (a missed run), but not Tuesday.
    expect(await dueAt(new Date("2026-03-09T22:00:00Z"), [person])).toEqual([person.id]);
    expect(await dueAt(new Date("2026-03-10T08:00:00Z"), [person])).toEqual([]);
  });

  it("on the chosen day and hour, in the person's zone (Shanghai, Wednesday 09:00)", async () => {
    const person = await customer();
    await digestAt(person, "Asia/Shanghai", { day: 3, hour: 9 });
    expect(await dueAt(new Date("2026-03-11T00:00:00Z"), [person])).toEqual([]); // 08:00 there
    expect(await dueAt(new Date("2026-03-11T01:00:00Z"), [person])).toEqual([person.id]); // 09:00 there
    expect(await dueAt(new Date("2026-03-09T08:00:00Z"), [person])).toEqual([]); // Monday
  });

  it("follows the clocks across the DST week (New York springs forward on 8 March 2026)", async () => {
    const person = await customer();
    await digestAt(person, "America/New_York", { day: 1, hour: 8 });
    // The Monday before: 08:00 EST = 13:00 UTC.
    expect(await dueAt(new Date("2026-03-02T12:00:00Z"), [person])).toEqual([]);
    expect(await dueAt(new Date("2026-03-02T13:00:00Z"), [person])).toEqual([person.id]);
    // The Monday after: 08:00 EDT = 12:00 UTC; 11:00 UTC is only 07:00 there.
    expect(await dueAt(new Date("2026-03-09T11:00:00Z"), [person])).toEqual([]);
    expect(await dueAt(new Date("2026-03-09T12:00:00Z"), [person])).toEqual([person.id]);
  });

  it("an hour the clocks skip still sends, at the first hour after it", async () => {
    const person = await customer();
    await digestAt(person, "America/New_York", { day: 7, hour: 2 });
    // Sunday 8 March: 01:00 EST (06:00 UTC) is before; 02:00 never happens; 03:00 EDT is 07:00 UTC.
    expect(await dueAt(new Date("2026-03-08T06:00:00Z"), [person])).toEqual([]);
    expect(await dueAt(new Date("2026-03-08T07:00:00Z"), [person])).toEqual([person.id]);
  });

  it("keys the week by the person's own Monday (Auckland's Monday morning is Sunday in UTC)", async () => {
    const person = await busyCustomer();
    await digestAt(person, "Pacific/Auckland", { day: 1, hour: 8 });
    const now = new Date("2026-03-08T19:00:00Z"); // Monday 08:00 NZDT
    const [row] = (await listDueDigests(now, 100_000)).filter((due) => due.id === person.id);
    expect(row).toMatchObject({ today: "2026-03-09", weekStart: "2026-03-09" });
  });

  it("leaves out people who turned the digest off, staff and deactivated people", async () => {
    const off = await customer();
    await saveNotificationPreferences(actorOf(off), {
      email: { ...ALL_ON, digest: false },
      quietHours: null,
      timeZone: "UTC",
    });
    const staff = await createStaff("csm");
    const gone = await customer({ deactivatedAt: new Date("2026-01-01T00:00:00Z") });
    expect(await dueAt(new Date("2026-03-09T08:00:00Z"), [off, staff, gone])).toEqual([]);
  });
});

describe("what the digest says", () => {
  it("lists the person's overdue and due-this-week tasks, the plan's progress and next milestone, training and asks", async () => {
    const person = await customer();
    const other = await createCustomer(person.accountId!, "member");
    const plan = await createPlan(person.accountId!, { name: "Rollout 2026" });
    const signed = new Date("2026-02-27T10:00:00Z");
    await createMilestone(plan, {
      title: "Kick-off",
      targetDate: "2026-03-01",
      vendorSignedAt: signed,
      customerSignedAt: signed,
      position: 0,
    });
    const next = await createMilestone(plan, { title: "First dashboards live", targetDate: "2026-03-20", position: 1 });
    const mine = { assigneeId: person.id };
    await createTask(next, { ...mine, title: "Send the export", dueDate: "2026-03-05" });
    await createTask(next, { ...mine, title: "Invite the finance team", dueDate: "2026-03-11" });
    await createTask(next, { ...mine, title: "Review the dashboard", dueDate: "2026-03-15" });
    await createTask(next, { ...mine, title: "Plan the QBR", dueDate: "2026-03-16" });
    await createTask(next, { ...mine, title: "Already done", dueDate: "2026-03-10", status: "done" });
    await createTask(next, { assigneeId: other.id, title: "Someone else's", dueDate: "2026-03-10" });
    const course = await createTask(next, {
      title: "Finance learns",
      courseSlug: "leading-the-change",
      dueDate: "2026-03-12",
    });
    await addTrainee(course, person);
    const finished = await createTask(next, { title: "Basics", courseSlug: "getting-started-with-lumen" });
    await addTrainee(finished, person);
    await createCertificate(person, "getting-started-with-lumen");
    await createAsk(person, { askType: "reference_call" });
    await createAsk(person, { askType: "quote", status: "declined", respondedAt: signed });
    await createAsk(person, { askType: "review", status: "snoozed", snoozedUntil: new Date("2026-03-01T00:00:00Z") });

    const result = await sendWeeklyDigests(MONDAY);
    expect(result.queued).toBeGreaterThanOrEqual(1);
    const [mail] = await mailsTo(person.email);
    expect(mail).toMatchObject({ kind: "digest", recipientId: person.id, status: "queued" });
    const text = mail!.text;
    // Tasks: 4 open of theirs (and the course task isn't theirs); overdue and the next 7 days (to the 15th).
    expect(text).toContain("You have 4 open tasks.");
    expect(text).toMatch(/Overdue:\n- Send the export \(due Mar 5, 2026\)/);
    expect(text).toMatch(
      /Due in the next 7 days:\n- Invite the finance team \(due Mar 11, 2026\)\n- Review the dashboard \(due Mar 15, 2026\)\n/,
    );
    expect(text).not.toContain("Plan the QBR");
    expect(text).not.toContain("Already done");
    expect(text).not.toContain("Someone else's");
    expect(text).toContain("/my-tasks");
    // Plan: one milestone achieved, the other with 1 of its 8 tasks done → (1 + 1/8) / 2 = 56%.
    expect(text).toContain("The plan “Rollout 2026” is 56% done.");
    expect(text).toContain("Next milestone: “First dashboards live”, by Mar 20, 2026.");
    expect(text).toContain(`/accounts/${person.accountId}/plan`);
    // Training: the unfinished course only.
    expect(text).toMatch(
      /Training assigned to you:\n- Leading the change \(due Mar 12, 2026\)\n {2}\S+\/training\/leading-the-change/,
    );
    expect(text).not.toContain("Getting started");
    // Asks: the open one and the snoozed one whose "not now" ran out.
    expect(text).toMatch(/2 asks are waiting for your answer:\n- (Reference call|Review)\n- (Reference call|Review)\n/);
    // Optional mail: the one-click link for the digest kind.
    expect(text).toMatch(/Don't want the weekly digest by email\? Unsubscribe in one click:\n\S+\/unsubscribe\?token=/);
    expect(mail!.html).toContain("Rollout 2026");
  });

  it("is worded in the person's language", async () => {
    const person = await busyCustomer({ locale: "zh-CN" });
    await sendWeeklyDigests(MONDAY);
    const [mail] = await mailsTo(person.email);
    expect(mail!.subject).toContain("本周摘要");
    expect(mail!.text).toContain("你有 1 项未完成的任务。");
    expect(mail!.text).toContain("未来 7 天内没有你的任务到期。");
  });

  it("sends nothing when there is nothing to say, and decides it once for the week", async () => {
    const person = await customer();
    // Their account has a plan, but nothing in it is theirs.
    const plan = await createPlan(person.accountId!);
    await createMilestone(plan);
    await sendWeeklyDigests(MONDAY);
    expect(await mailsTo(person.email)).toHaveLength(0);
    const rows = await db.select().from(mailDigests).where(eq(mailDigests.userId, person.id));
    expect(rows).toMatchObject([{ weekStart: "2026-03-09", messageId: null }]);
    // A task given to them later that Monday waits for next week's digest.
    const milestone = await createMilestone(plan);
    await createTask(milestone, { assigneeId: person.id });
    await sendWeeklyDigests(new Date("2026-03-09T10:00:00Z"));
    expect(await mailsTo(person.email)).toHaveLength(0);
    await sendWeeklyDigests(new Date("2026-03-16T09:00:00Z"));
    expect(await mailsTo(person.email)).toHaveLength(1);
  });
});

describe("exactly once per person and week", () => {
  it("a re-run, a later hour and two workers at once send one digest", async () => {
    const person = await busyCustomer();
    await Promise.all([sendWeeklyDigests(MONDAY), sendWeeklyDigests(MONDAY)]);
    await sendWeeklyDigests(MONDAY);
    await sendWeeklyDigests(new Date("2026-03-09T15:00:00Z"));
    const mails = await mailsTo(person.email);
    expect(mails).toHaveLength(1);
    const [row] = await db.select().from(mailDigests).where(eq(mailDigests.userId, person.id));
    expect(row?.messageId).toBe(mails[0]!.id);
    // The next week brings the next one.
    await sendWeeklyDigests(new Date("2026-03-16T09:00:00Z"));
    expect(await mailsTo(person.email)).toHaveLength(2);
  });
});

describe("choosing the digest's day and time", () => {
  const form = (fields: Record<string, string>) => ({
    method: "POST",
    body: new URLSearchParams({ digest: "on", timeZone: "Europe/Berlin", ...fields }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

  it("saves the day and hour from /settings/notifications", async () => {
    const person = await customer();
    const request = await signedInRequest(
      person.id,
      "http://localhost/settings/notifications",
      form({ digestDay: "5", digestHour: "16" }),
    );
    expect(((await action({ request, params: {}, context })) as Response).status).toBe(302);
    expect((await getNotificationPreferences(person.id)).digest).toEqual({ day: 5, hour: 16 });
    // Friday 16:00 in Berlin (CET) is 15:00 UTC.
    expect(await dueAt(new Date("2026-03-13T15:00:00Z"), [person])).toEqual([person.id]);
    expect(await dueAt(new Date("2026-03-13T14:00:00Z"), [person])).toEqual([]);
  });

  it("refuses a day or hour that isn't one, and changes nothing", async () => {
    const person = await customer();
    for (const [fields, field] of [
      [{ digestDay: "8", digestHour: "8" }, "digestDay"],
      [{ digestDay: "1", digestHour: "24" }, "digestHour"],
      [{ digestDay: "monday", digestHour: "8" }, "digestDay"],
    ] as const) {
      const request = await signedInRequest(person.id, "http://localhost/settings/notifications", form(fields));
      const answer = (await action({ request, params: {}, context })) as unknown as {
        init: { status: number };
        data: { form: { error: Record<string, string[]> } };
      };
      expect(answer.init.status).toBe(400);
      expect(answer.data.form.error[field]?.[0]).toBe(`settings:notifications.errors.${field}`);
    }
    expect((await getNotificationPreferences(person.id)).digest).toEqual({ day: 1, hour: 8 });
  });
});
