import { desc, eq } from "drizzle-orm";
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
}

/** Record inside the same transaction as the change it describes. */
export async function recordActivity(tx: Executor, entry: ActivityEntry) {
  await tx.insert(activity).values({ id: newId(), ...entry, details: entry.details ?? {} });
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
