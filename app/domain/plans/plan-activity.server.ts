import { and, desc, eq, or, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { activity, tasks, users } from "~db/schema";
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
 * A plan's audit trail, newest first: entries of the account whose details name the plan (plus the
 * plan's own entries, such as its creation, which name it as their subject). For anyone who may not
 * see internal items, entries about them are left out in SQL, never fetched and filtered afterwards:
 * entries marked internal, and every entry about a task that is internal now (a task made internal
 * after it was created takes its earlier history with it, as its comments do).
 */
export async function listPlanActivity(
  actor: Actor,
  accountId: string,
  planId: string,
  limit = 50,
): Promise<PlanActivityEntry[]> {
  if (!canOnPlan(actor, "plan.view", { accountId })) return [];
  const seesInternal = canOnPlan(actor, "internal.view", { accountId });
  const rows = await db
    .select({
      id: activity.id,
      action: activity.action,
      actorName: users.name,
      details: activity.details,
      createdAt: activity.createdAt,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(
      and(
        eq(activity.accountId, accountId),
        or(
          sql`${activity.details}->>'planId' = ${planId}`,
          and(eq(activity.subjectType, "plan"), eq(activity.subjectId, planId)),
        ),
        seesInternal ? undefined : sql`(${activity.details}->>'internal') is distinct from 'true'`,
        seesInternal
          ? undefined
          : sql`not (${activity.subjectType} = 'task' and exists (
              select 1 from ${tasks} where ${tasks.id} = ${activity.subjectId} and ${tasks.accountId} = ${activity.accountId} and ${tasks.internal}
            ))`,
      ),
    )
    .orderBy(desc(activity.createdAt), desc(activity.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
