import { and, asc, between, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { accounts, milestones, plans, tasks } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { todayIn } from "~/lib/format";
import { myOpenTasksCondition, myTaskDueKey } from "./my-tasks.server";

/** The feed's window: calendar apps keep what they fetched, so the recent past and the next half year suffice. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 180;
/** Whatever the window holds, a feed never grows past this many events. */
const FEED_MAX_EVENTS = 500;

interface FeedMilestone {
  kind: "milestone";
  id: string;
  accountId: string;
  accountName: string;
  title: string;
  description: string;
  date: string;
}

interface FeedTask {
  kind: "task";
  id: string;
  accountId: string;
  accountName: string;
  title: string;
  side: "customer" | "vendor";
  milestoneTitle: string;
  date: string;
}

export type FeedItem = FeedMilestone | FeedTask;

function shiftDate(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

/**
 * What a person's calendar feed holds, in two queries. A customer: their account's current plan
 * milestones and their own open, non-internal tasks. Staff: their own open tasks anywhere ("my
 * tasks") and the current plan milestones of the accounts they are CSM of.
 */
export async function listCalendarFeedItems(actor: Actor, now = new Date()): Promise<FeedItem[]> {
  const today = todayIn(actor.timeZone, now);
  const from = shiftDate(today, -FEED_DAYS_BACK);
  const to = shiftDate(today, FEED_DAYS_AHEAD);

  const milestoneRows = await db
    .select({
      id: milestones.id,
      accountId: accounts.id,
      accountName: accounts.name,
      title: milestones.title,
      description: milestones.description,
      date: milestones.targetDate,
    })
    .from(milestones)
    .innerJoin(plans, and(eq(plans.id, milestones.planId), eq(plans.accountId, milestones.accountId)))
    .innerJoin(accounts, eq(accounts.id, milestones.accountId))
    .where(
      and(
        eq(plans.isCurrent, true),
        between(milestones.targetDate, from, to),
        actor.kind === "customer" ? eq(milestones.accountId, actor.accountId) : eq(accounts.csmId, actor.id),
      ),
    )
    .orderBy(asc(milestones.targetDate), asc(milestones.id))
    .limit(FEED_MAX_EVENTS);

  const taskRows = await db
    .select({
      id: tasks.id,
      accountId: accounts.id,
      accountName: accounts.name,
      title: tasks.title,
      side: tasks.side,
      milestoneTitle: milestones.title,
      dueDate: tasks.dueDate,
    })
    .from(tasks)
    .innerJoin(accounts, eq(accounts.id, tasks.accountId))
    .innerJoin(milestones, and(eq(milestones.id, tasks.milestoneId), eq(milestones.accountId, tasks.accountId)))
    .where(
      // The same tasks as My tasks (internal ones never reach a customer), within the feed's window;
      // the due key rather than the column, so the walk uses My tasks' index.
      and(myOpenTasksCondition(actor), between(myTaskDueKey, from, to)),
    )
    .orderBy(asc(myTaskDueKey), asc(tasks.id))
    .limit(FEED_MAX_EVENTS);

  const items: FeedItem[] = [
    ...milestoneRows.map((row) => ({ kind: "milestone" as const, ...row })),
    ...taskRows.map(({ dueDate, ...row }) => ({ kind: "task" as const, ...row, date: dueDate! })),
  ];
  return items.sort((a, b) => a.date.localeCompare(b.date)).slice(0, FEED_MAX_EVENTS);
}
