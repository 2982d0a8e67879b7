import { and, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { tasks } from "~db/schema";
import { listPlanEntries } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { canOnPlan } from "./plan-permissions";

export interface PlanActivityEntry {
  id: string;
  action: string;
  actorName: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

/**
 * A plan's audit trail, newest first (see listPlanEntries). For anyone who may not see internal items,
 * entries about them are left out: entries marked internal, and every entry about a task that is
 * internal now (a task made internal after it was created takes its earlier history with it, as its
 * comments do).
 */
export async function listPlanActivity(
  actor: Actor,
  accountId: string,
  planId: string,
  limit = 50,
): Promise<PlanActivityEntry[]> {
  if (!canOnPlan(actor, "plan.view", { accountId })) return [];
  const seesInternal = canOnPlan(actor, "internal.view", { accountId });
  const internalTasks = seesInternal
    ? []
    : await db
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.accountId, accountId), eq(tasks.planId, planId), eq(tasks.internal, true)));
  const rows = await listPlanEntries({
    accountId,
    planId,
    hideInternal: seesInternal ? null : { taskIds: internalTasks.map((task) => task.id) },
    limit,
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
