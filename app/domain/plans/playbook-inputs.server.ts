import { inArray } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { tasks } from "~db/schema";

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
