import { and, desc, eq, gte, inArray, or, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { activity, users } from "~db/schema";
import { newId } from "~/lib/ids.server";

export interface ActivityEntry {
  accountId: string | null;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
  /** When it happened, for what a job logs after the fact (default: now). */
  createdAt?: Date;
}

/** Record inside the same transaction as the change it describes. */
export async function recordActivity(tx: Executor, entry: ActivityEntry) {
  await recordActivities(tx, [entry]);
}

/** `recordActivity` for many entries in one insert (a job's batch). */
export async function recordActivities(tx: Executor, entries: readonly ActivityEntry[]) {
  if (entries.length === 0) return;
  await tx.insert(activity).values(entries.map((entry) => ({ id: newId(), ...entry, details: entry.details ?? {} })));
}

/**
 * The people on these accounts whose role last changed away from `fromRole`, with when: one row per
 * person, their latest such change (since `since`, when given). Reads the `member.role_changed`
 * entries, which name the old role in `details.from`.
 */
export async function roleChangesAway(
  executor: Executor,
  accountIds: readonly string[],
  fromRole: string,
  since: Date | null,
): Promise<{ accountId: string; userId: string; at: Date }[]> {
  if (accountIds.length === 0) return [];
  const rows = await executor
    .selectDistinctOn([activity.subjectId], {
      accountId: activity.accountId,
      userId: activity.subjectId,
      at: activity.createdAt,
    })
    .from(activity)
    .where(
      and(
        inArray(activity.accountId, [...accountIds]),
        eq(activity.action, "member.role_changed"),
        sql`${activity.details}->>'from' = ${fromRole}`,
        since ? sql`${activity.createdAt} > ${since.toISOString()}::timestamptz` : undefined,
      ),
    )
    .orderBy(activity.subjectId, desc(activity.createdAt));
  return rows.map((row) => ({ accountId: row.accountId!, userId: row.userId, at: row.at }));
}

export async function listAccountActivity(accountId: string, limit = 50, executor: Executor = db) {
  return executor
    .select({
      id: activity.id,
      action: activity.action,
      subjectType: activity.subjectType,
      details: activity.details,
      createdAt: activity.createdAt,
      actorName: users.name,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(eq(activity.accountId, accountId))
    .orderBy(desc(activity.createdAt))
    .limit(limit);
}

export interface PlanActivityFilter {
  accountId: string;
  planId: string;
  /** Leave out entries marked internal and entries about these internal tasks (for people who may not see them). */
  hideInternal: { taskIds: readonly string[] } | null;
  limit: number;
}

/**
 * A plan's entries, newest first: entries of the account whose details name the plan, plus the plan's
 * own entries (such as its creation), which name it as their subject. Hidden entries are left out in
 * SQL, never fetched and filtered afterwards.
 */
export async function listPlanEntries(filter: PlanActivityFilter, executor: Executor = db) {
  const { accountId, planId, hideInternal } = filter;
  return executor
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
        hideInternal ? sql`(${activity.details}->>'internal') is distinct from 'true'` : undefined,
        hideInternal && hideInternal.taskIds.length > 0
          ? sql`not (${activity.subjectType} = 'task' and ${inArray(activity.subjectId, [...hideInternal.taskIds])})`
          : undefined,
      ),
    )
    .orderBy(desc(activity.createdAt), desc(activity.id))
    .limit(filter.limit);
}

/**
 * The newest entry of `action` about one subject of an account since `since` (e.g. the status
 * change that just marked a task done), or null. Bounded by time so it reads only recent entries.
 */
export async function latestSubjectEntry(
  executor: Executor,
  filter: { accountId: string; subjectType: string; subjectId: string; action: string; since: Date },
) {
  const [entry] = await executor
    .select({
      id: activity.id,
      actorId: activity.actorId,
      details: activity.details,
      createdAt: activity.createdAt,
    })
    .from(activity)
    .where(
      and(
        eq(activity.accountId, filter.accountId),
        gte(activity.createdAt, filter.since),
        eq(activity.subjectType, filter.subjectType),
        eq(activity.subjectId, filter.subjectId),
        eq(activity.action, filter.action),
      ),
    )
    .orderBy(desc(activity.createdAt), desc(activity.id))
    .limit(1);
  return entry ?? null;
}
