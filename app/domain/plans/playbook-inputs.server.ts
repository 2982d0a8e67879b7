import { and, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { accounts, tasks } from "~db/schema";
import { todayIn } from "~/lib/format";
import { currentMilestones } from "./current-milestones.server";
import { milestoneStatus } from "./milestone-status";

export interface TaskForPlaybook {
  id: string;
  accountId: string;
  title: string;
  assigneeId: string | null;
  dueDate: string | null;
  done: boolean;
}

/**
 * What interventions need of the tasks their runs are about (one query for many): who to remind,
 * what to call it, and whether the reason is gone (the task is done).
 */
export async function tasksForPlaybooks(
  taskIds: readonly string[],
  executor: Executor = db,
): Promise<Map<string, TaskForPlaybook>> {
  if (taskIds.length === 0) return new Map();
  const rows = await executor
    .select({
      id: tasks.id,
      accountId: tasks.accountId,
      title: tasks.title,
      assigneeId: tasks.assigneeId,
      dueDate: tasks.dueDate,
      status: tasks.status,
    })
    .from(tasks)
    .where(inArray(tasks.id, [...taskIds]));
  return new Map(rows.map(({ status, ...row }) => [row.id, { ...row, done: status === "done" }]));
}

export interface MilestoneForPlaybook {
  id: string;
  accountId: string;
  title: string;
  status: "at_risk" | "stalled";
}

/**
 * The milestones of the accounts' current plans that are at risk or stalled today (each in its
 * account's calendar, as the plan page derives them): what the `milestone_at_risk` playbooks start
 * and resolve on. Two queries for any number of accounts.
 */
export async function milestonesAtRiskForPlaybooks(
  accountIds: readonly string[],
  now: Date,
  executor: Executor = db,
): Promise<MilestoneForPlaybook[]> {
  if (accountIds.length === 0) return [];
  const rows = await currentMilestones(accountIds, executor);
  const today = new Map<string, string>();
  const result: MilestoneForPlaybook[] = [];
  for (const row of rows) {
    if (!today.has(row.timeZone)) today.set(row.timeZone, todayIn(row.timeZone, now));
    const status = milestoneStatus(row, today.get(row.timeZone)!);
    if (status === "at_risk" || status === "stalled") {
      result.push({ id: row.id, accountId: row.accountId, title: row.title, status });
    }
  }
  return result;
}

export interface DueTaskForPlaybook {
  id: string;
  accountId: string;
  title: string;
  dueDate: string;
  /** Days from the account's today to the due date (negative once overdue). */
  daysLeft: number;
}

/**
 * The accounts' open tasks with a due date, for the `task_due_soon` playbooks: those due within
 * `withinDays` of the account's today (any due date when null, to tell which runs still hold).
 * One query.
 */
export async function openTasksDueForPlaybooks(
  accountIds: readonly string[],
  now: Date,
  withinDays: number | null,
  executor: Executor = db,
): Promise<DueTaskForPlaybook[]> {
  if (accountIds.length === 0) return [];
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${accounts.timeZone})::date`;
  const rows = await executor
    .select({
      id: tasks.id,
      accountId: tasks.accountId,
      title: tasks.title,
      dueDate: sql<string>`${tasks.dueDate}::text`,
      daysLeft: sql<number>`(${tasks.dueDate} - ${today})::int`,
    })
    .from(tasks)
    .innerJoin(accounts, eq(accounts.id, tasks.accountId))
    .where(
      and(
        inArray(tasks.accountId, [...new Set(accountIds)]),
        ne(tasks.status, "done"),
        isNotNull(tasks.dueDate),
        withinDays === null
          ? undefined
          : sql`${tasks.dueDate} >= ${today} and ${tasks.dueDate} <= ${today} + ${withinDays}::int`,
      ),
    );
  return rows.map((row) => ({ ...row, daysLeft: Number(row.daysLeft) }));
}
