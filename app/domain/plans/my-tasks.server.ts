import { and, asc, eq, ne, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { type TaskSide, type TaskStatus, accounts, milestones, plans, tasks } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { todayIn } from "~/lib/format";

export interface MyTask {
  id: string;
  title: string;
  status: TaskStatus;
  dueDate: string | null;
  overdue: boolean;
  side: TaskSide;
  version: number;
  planId: string;
  planName: string;
  accountId: string;
  accountName: string;
  milestoneTitle: string;
}

/**
 * The actor's open tasks across the current plans of every account they work with (a customer:
 * their own account only), in one query: overdue first, then by due date, undated last. "Overdue"
 * is against each account's own calendar date, so it is decided here with `todayIn` rather than
 * by the database's clock.
 */
export async function listMyOpenTasks(actor: Actor): Promise<MyTask[]> {
  const rows = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      status: tasks.status,
      dueDate: tasks.dueDate,
      side: tasks.side,
      version: tasks.version,
      planId: plans.id,
      planName: plans.name,
      accountId: accounts.id,
      accountName: accounts.name,
      timeZone: accounts.timeZone,
      milestoneTitle: milestones.title,
    })
    .from(tasks)
    .innerJoin(plans, and(eq(plans.id, tasks.planId), eq(plans.accountId, tasks.accountId)))
    .innerJoin(accounts, eq(accounts.id, tasks.accountId))
    .innerJoin(milestones, and(eq(milestones.id, tasks.milestoneId), eq(milestones.accountId, tasks.accountId)))
    .where(
      and(
        eq(tasks.assigneeId, actor.id),
        ne(tasks.status, "done"),
        eq(plans.isCurrent, true),
        actor.kind === "customer" ? and(eq(tasks.accountId, actor.accountId), eq(tasks.internal, false)) : undefined,
      ),
    )
    .orderBy(
      sql`${tasks.dueDate} asc nulls last`,
      asc(accounts.name),
      asc(milestones.targetDate),
      asc(tasks.position),
      asc(tasks.id),
    );

  const todayByZone = new Map<string, string>();
  const today = (timeZone: string) => {
    let date = todayByZone.get(timeZone);
    if (date === undefined) todayByZone.set(timeZone, (date = todayIn(timeZone)));
    return date;
  };
  const list = rows.map(({ timeZone, ...task }) => ({
    ...task,
    overdue: task.dueDate !== null && task.dueDate < today(timeZone),
  }));
  // Stable: within each group the database's order (due date, undated last) stands.
  return [...list.filter((task) => task.overdue), ...list.filter((task) => !task.overdue)];
}
