import { and, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { accounts, milestones, plans, tasks, type TaskStatus } from "~db/schema";

export interface CurrentMilestone {
  id: string;
  accountId: string;
  title: string;
  targetDate: string;
  vendorSignedAt: Date | null;
  customerSignedAt: Date | null;
  /** The account's time zone: a milestone's status is derived in the account's calendar. */
  timeZone: string;
  tasks: { status: TaskStatus; dueDate: string | null; side: string }[];
}

/**
 * The milestones of the accounts' current plans with their tasks, what a status is derived from
 * (milestone-status.ts): two queries whatever the number of accounts. For health's plan-progress
 * inputs and the milestone_at_risk playbooks.
 */
export async function currentMilestones(
  accountIds: readonly string[],
  executor: Executor = db,
): Promise<CurrentMilestone[]> {
  if (accountIds.length === 0) return [];
  const current = and(eq(plans.isCurrent, true), inArray(plans.accountId, [...new Set(accountIds)]));
  const [milestoneRows, taskRows] = await Promise.all([
    executor
      .select({
        id: milestones.id,
        accountId: milestones.accountId,
        title: milestones.title,
        targetDate: milestones.targetDate,
        vendorSignedAt: milestones.vendorSignedAt,
        customerSignedAt: milestones.customerSignedAt,
        timeZone: accounts.timeZone,
      })
      .from(milestones)
      .innerJoin(plans, and(eq(plans.id, milestones.planId), current))
      .innerJoin(accounts, eq(accounts.id, milestones.accountId)),
    executor
      .select({ milestoneId: tasks.milestoneId, status: tasks.status, dueDate: tasks.dueDate, side: tasks.side })
      .from(tasks)
      .innerJoin(plans, and(eq(plans.id, tasks.planId), current)),
  ]);
  const tasksByMilestone = new Map<string, CurrentMilestone["tasks"]>();
  for (const { milestoneId, ...task } of taskRows) {
    const list = tasksByMilestone.get(milestoneId) ?? [];
    list.push(task);
    tasksByMilestone.set(milestoneId, list);
  }
  return milestoneRows.map((row) => ({ ...row, tasks: tasksByMilestone.get(row.id) ?? [] }));
}
