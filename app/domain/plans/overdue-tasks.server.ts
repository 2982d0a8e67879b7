import { sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { eventExists, recordEvents } from "~/domain/events/record.server";

/**
 * Records a `task.overdue` event for every open task of a current plan whose due date is before
 * today in its account's time zone — exactly once per task and due date, so running it again
 * records nothing new, and a task whose due date moves later and passes again is recorded again.
 * Internal tasks count too (events are internal data). Superseded plans are left out: their open
 * tasks were abandoned with them, as in the account list's overdue count.
 *
 * One transaction: a transaction-scoped advisory lock makes concurrent runs (two server processes,
 * start-up and the hourly tick) take turns, so the second sees the first's events.
 */
export async function recordOverdueTasks(
  now: Date,
  executor: Executor = db,
): Promise<{ recorded: number; eventIds: string[] }> {
  return executor.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('task.overdue'))`);
    const overdue = await tx.execute<{ task_id: string; plan_id: string; account_id: string; due_date: string }>(sql`
      select t.id as task_id, t.plan_id, t.account_id, t.due_date::text as due_date
      from tasks t
      join plans p on p.id = t.plan_id and p.is_current
      join accounts a on a.id = t.account_id
      where t.status <> 'done'
        and t.due_date < (${now.toISOString()}::timestamptz at time zone a.time_zone)::date
        and not ${eventExists({ type: "task.overdue", subjectId: sql`t.id`, payload: { dueDate: sql`t.due_date::text` } })}
      order by t.due_date, t.id
    `);
    const ids = await recordEvents(
      tx,
      overdue.map((task) => ({
        type: "task.overdue" as const,
        accountId: task.account_id,
        actorId: null,
        subjectId: task.task_id,
        payload: { taskId: task.task_id, planId: task.plan_id, dueDate: task.due_date },
        occurredAt: now,
      })),
    );
    return { recorded: ids.length, eventIds: ids };
  });
}
