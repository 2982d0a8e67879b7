import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Milestone, type User, communityTopics, notifications, outboxMessages, tasks } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCommunitySpace,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
} from "~db/seed/factories";
import { listInbox } from "~/domain/inbox/inbox.server";
import { listOutbox } from "~/domain/mail/outbox.server";
import { FEED_DAYS_AHEAD, FEED_DAYS_BACK, listCalendarFeedItems } from "~/domain/plans/calendar-feed.server";
import { type MyTaskGroup } from "~/domain/plans/my-task-groups";
import { type MyTaskFilters, listMyTasks } from "~/domain/plans/my-tasks.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { newId } from "~/lib/ids.server";
import { PAGE_SIZE, encodeCursor } from "~/lib/pagination";

// 00:30 on 11 March in Shanghai (UTC+8) while it is still 10 March in UTC: the day edge that matters.
const NOW = new Date("2026-03-10T16:30:00Z");
const TODAY = "2026-03-11";

let person: User;
let milestone: Milestone;
let otherMilestone: Milestone;

async function bulkTasks(on: Milestone, count: number, values: (index: number) => Partial<typeof tasks.$inferInsert>) {
  const rows = Array.from({ length: count }, (_, index) => ({
    id: newId(),
    planId: on.planId,
    accountId: on.accountId,
    milestoneId: on.id,
    title: `Bulk ${index}`,
    side: "vendor" as const,
    assigneeId: person.id,
    ...values(index),
  }));
  await db.insert(tasks).values(rows);
  return rows;
}

async function group(name: MyTaskGroup, filters: MyTaskFilters = {}, cursor?: string, who = person) {
  const list = await listMyTasks(actorOf(who), { filters, cursors: { [name]: cursor }, now: NOW });
  return list.groups.find((entry) => entry.group === name)!;
}

/** Every task of a group, page by page forward; checks each page's bound on the way. */
async function walk(name: MyTaskGroup, filters: MyTaskFilters = {}) {
  const seen: string[] = [];
  const cursors: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await group(name, filters, cursor);
    expect(page.tasks.length).toBeLessThanOrEqual(PAGE_SIZE);
    expect(page.page.from).toBe(seen.length);
    seen.push(...page.tasks.map((task) => task.id));
    cursor = page.page.next ?? undefined;
    if (cursor) cursors.push(cursor);
  } while (cursor);
  return { seen, cursors };
}

beforeAll(async () => {
  person = await createStaff("csm", { timeZone: "Asia/Shanghai" });
  const account = await createAccount({ csmId: person.id, timeZone: "UTC" });
  milestone = await createMilestone(await createPlan(account.id));
  const other = await createAccount({ csmId: person.id });
  otherMilestone = await createMilestone(await createPlan(other.id));

  // Overdue: 120 tasks over the 60 days before TODAY (two a day, so pages split inside a day).
  await bulkTasks(milestone, 120, (index) => ({
    dueDate: datePlusDays(TODAY, -1 - (index % 60)),
    side: index % 3 === 0 ? "customer" : "vendor",
    ...(index % 10 === 0 ? { status: "blocked" as const, blockedReason: "Waiting on IT" } : {}),
  }));
  // This week's edges, Later and undated, and the other account's few.
  await bulkTasks(milestone, 1, () => ({ title: "Due today", dueDate: TODAY }));
  await bulkTasks(milestone, 1, () => ({ title: "Due day 7", dueDate: datePlusDays(TODAY, 6) }));
  await bulkTasks(milestone, 1, () => ({ title: "Due day 8", dueDate: datePlusDays(TODAY, 7) }));
  await bulkTasks(milestone, 1, () => ({ title: "Undated", dueDate: null }));
  await bulkTasks(otherMilestone, 3, (index) => ({ title: `Other ${index}`, dueDate: datePlusDays(TODAY, -2) }));
  // Never listed: done, someone else's.
  await bulkTasks(milestone, 1, () => ({ title: "Done", dueDate: TODAY, status: "done" }));
  await bulkTasks(milestone, 1, () => ({ title: "Not mine", dueDate: TODAY, assigneeId: null }));
});

describe("My tasks, grouped and paged", () => {
  it("groups by the person's own calendar day, this week being today and the next six days, undated last", async () => {
    const list = await listMyTasks(actorOf(person), { now: NOW });
    const titles = (name: MyTaskGroup) =>
      list.groups.find((entry) => entry.group === name)!.tasks.map((task) => task.title);
    expect(list.today).toBe(TODAY);
    // In UTC it is still the 10th: "Due today" would not be this week's first day there, but it is here.
    expect(titles("week")).toEqual(["Due today", "Due day 7"]);
    expect(titles("later")).toEqual(["Due day 8", "Undated"]);
    expect(titles("overdue")).not.toContain("Done");
    const counts = Object.fromEntries(list.groups.map((entry) => [entry.group, [entry.count, entry.capped]]));
    expect(counts).toEqual({ overdue: [123, false], week: [2, false], later: [2, false] });
    expect(list.groups.every((entry) => entry.tasks.length <= PAGE_SIZE)).toBe(true);
    // A minute before midnight in Shanghai, the 10th's tasks are still this week's.
    const before = await listMyTasks(actorOf(person), { now: new Date("2026-03-10T15:59:00Z") });
    expect(before.today).toBe("2026-03-10");
    expect(before.groups.find((entry) => entry.group === "week")!.tasks.map((task) => task.dueDate)).toContain(
      "2026-03-10",
    );
  });

  it("pages a group forward and back without duplicates or gaps, in due-date order", async () => {
    const { seen, cursors } = await walk("overdue");
    expect(seen).toHaveLength(123);
    expect(new Set(seen).size).toBe(123);
    expect(cursors).toHaveLength(2);
    const first = await group("overdue");
    const last = await group("overdue", {}, cursors[1]);
    expect(last.tasks).toHaveLength(23);
    expect(last.page.from).toBe(100);
    const back = await group("overdue", {}, last.page.previous!);
    expect(back.page.from).toBe(50);
    expect(back.tasks.map((task) => task.id)).toEqual(seen.slice(50, 100));
    // Due dates only ever go up across the pages (undated never appears among overdue).
    const dates = [...first.tasks, ...back.tasks, ...last.tasks].map((task) => task.dueDate!);
    expect(dates).toEqual([...dates].sort());
    // Paging Overdue leaves the other groups on their first page.
    const list = await listMyTasks(actorOf(person), { cursors: { overdue: cursors[0] }, now: NOW });
    expect(list.groups.find((entry) => entry.group === "week")!.page.from).toBe(0);
  });

  it("filters by side, status and account, the counts and pages following the filter", async () => {
    const customer = await walk("overdue", { side: "customer" });
    expect(customer.seen).toHaveLength(40);
    const page = await group("overdue", { side: "customer" });
    expect(page.tasks.every((task) => task.side === "customer")).toBe(true);
    expect(page.count).toBe(40);

    const other = await group("overdue", { accountId: otherMilestone.accountId });
    expect(other.tasks.map((task) => task.title).sort()).toEqual(["Other 0", "Other 1", "Other 2"]);
    expect(other.count).toBe(3);
    expect((await group("week", { accountId: otherMilestone.accountId })).count).toBe(0);

    const blocked = await group("overdue", { status: "blocked" });
    expect(blocked.count).toBe(12);
    expect(blocked.tasks.every((task) => task.status === "blocked")).toBe(true);
    expect((await group("overdue", { status: "blocked", side: "customer" })).count).toBe(4);
  });

  it("treats a bad, foreign or tampered cursor as the first page", async () => {
    const first = await group("overdue");
    const { cursors } = await walk("overdue");
    const week = await group("week");
    for (const bad of [
      "garbage",
      "%%%",
      "x".repeat(5000),
      encodeCursor({ direction: "after", at: -5, key: ["2026-01-01", "x"] }, "nope"),
      encodeCursor({ direction: "after", at: 5, key: ["not a date", "x"] }, "nope"),
    ]) {
      const page = await group("overdue", {}, bad);
      expect(page.page.from).toBe(0);
      expect(page.tasks.map((task) => task.id)).toEqual(first.tasks.map((task) => task.id));
    }
    // Overdue's cursor in This week's slot, or under another filter, starts over too.
    expect((await group("week", {}, cursors[0])).tasks.map((task) => task.id)).toEqual(
      week.tasks.map((task) => task.id),
    );
    expect((await group("overdue", { side: "vendor" }, cursors[0])).page.from).toBe(0);
  });

  it("selects the same tasks as the calendar feed, for staff and for a customer", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member");
    const target = await createMilestone(await createPlan(account.id));
    const today = todayIn("UTC");
    await createTask(target, { title: "CSM's", side: "vendor", assigneeId: person.id, dueDate: today });
    await createTask(target, { title: "Member's", assigneeId: member.id, dueDate: today });
    await createTask(target, { title: "Member's later", assigneeId: member.id, dueDate: datePlusDays(today, 20) });
    await createTask(target, {
      title: "Wrongly internal",
      side: "vendor",
      internal: true,
      assigneeId: member.id,
      dueDate: today,
    });
    await createTask(target, { title: "Done", assigneeId: member.id, dueDate: today, status: "done" });
    const oldPlan = await createPlan(account.id, { isCurrent: false });
    await createTask(await createMilestone(oldPlan), { title: "Old plan", assigneeId: member.id, dueDate: today });

    for (const who of [member, person]) {
      const feed = (await listCalendarFeedItems(actorOf(who)))
        .filter((item) => item.kind === "task")
        .map((item) => item.id)
        .sort();
      const list = await listMyTasks(actorOf(who), { pageSize: 500 });
      const whoToday = todayIn(who.timeZone);
      const mine = list.groups
        .flatMap((entry) => entry.tasks)
        .filter((task) => task.dueDate !== null && task.dueDate >= datePlusDays(whoToday, -FEED_DAYS_BACK))
        .filter((task) => task.dueDate! <= datePlusDays(whoToday, FEED_DAYS_AHEAD))
        .map((task) => task.id)
        .sort();
      expect(feed).toEqual(mine);
      expect(feed.length).toBeGreaterThan(0);
    }
  });
});

describe("notifications and outbox pages", () => {
  it("shows 50 notifications a page, newest first, with no duplicates across pages", async () => {
    const space = await createCommunitySpace();
    const [topic] = await db
      .insert(communityTopics)
      .values({ id: newId(), spaceId: space.id, authorId: person.id, kind: "discussion", title: "Paging", body: "x" })
      .returning();
    // Pairs share a timestamp to the microsecond: the id breaks the tie.
    const base = Date.parse("2026-03-01T00:00:00Z");
    await db.insert(notifications).values(
      Array.from({ length: 55 }, (_, index) => ({
        id: newId(),
        userId: person.id,
        type: "reply" as const,
        topicId: topic!.id,
        createdAt: new Date(base + Math.floor(index / 2) * 1000),
      })),
    );
    const first = await listInbox(person.id);
    expect(first.items).toHaveLength(50);
    expect(first.page.next).not.toBeNull();
    const second = await listInbox(person.id, first.page.next);
    expect(second.items).toHaveLength(5);
    expect(second.page.next).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(55);
    const times = [...first.items, ...second.items].map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await listInbox(person.id, "bad-cursor")).page.from).toBe(0);
  });

  it("shows 50 outbox messages a page, keeping microseconds in the cursor", async () => {
    const before = (await listOutbox(null, 1000)).messages.length;
    // The same millisecond, different microseconds: a millisecond cursor would skip some of these.
    const times = Array.from(
      { length: 60 },
      (_, index) => `2026-03-01 00:00:00.123${String(index).padStart(3, "0")}+00`,
    );
    for (const at of times) {
      await db.execute(
        sql`insert into ${outboxMessages} (id, "to", subject, text, created_at)
          values (${newId()}, 'paging@test.example', 'Paging', 'x', ${at}::timestamptz)`,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result: Awaited<ReturnType<typeof listOutbox>> = await listOutbox(cursor);
      expect(result.messages.length).toBeLessThanOrEqual(50);
      seen.push(...result.messages.map((message) => message.id));
      cursor = result.page.next;
      pages++;
    } while (cursor);
    expect(seen).toHaveLength(before + 60);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil((before + 60) / 50));
  });
});
