import { and, count, eq, isNull } from "drizzle-orm";
import { db } from "~db/client.server";
import { interventionNotices } from "~db/schema";
import { type SortPart, keysetCondition, keysetOrder, timeKey } from "~/lib/keyset.server";
import type { Cursor } from "~/lib/pagination";

/*
 * The in-app side of a playbook's reminder (runs.server.ts writes them beside the email): what the
 * bell shows for plans and interventions. The inbox (~/domain/inbox) merges them with the
 * community's notifications.
 */

export async function countUnreadNotices(userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(interventionNotices)
    .where(and(eq(interventionNotices.userId, userId), isNull(interventionNotices.readAt)));
  return Number(row?.n ?? 0);
}

const ORDER: SortPart[] = [
  { expr: interventionNotices.createdAt, descending: true },
  { expr: interventionNotices.id, descending: true },
];

/** Up to `limit` of the person's notices beyond the inbox's cursor, in the cursor's order. */
export async function noticeRows(userId: string, cursor: Cursor | null, limit: number) {
  const rows = await db
    .select({
      id: interventionNotices.id,
      title: interventionNotices.title,
      href: interventionNotices.href,
      readAt: interventionNotices.readAt,
      key: timeKey(interventionNotices.createdAt),
    })
    .from(interventionNotices)
    .where(and(eq(interventionNotices.userId, userId), keysetCondition(ORDER, cursor)))
    .orderBy(...keysetOrder(ORDER, cursor))
    .limit(limit);
  return rows.map(({ readAt, ...row }) => ({ ...row, read: readAt !== null }));
}

/** Marks one notice (or all, without an id) of the person as read; another person's is left alone. */
export async function markNoticesRead(userId: string, noticeId?: string) {
  await db
    .update(interventionNotices)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(interventionNotices.userId, userId),
        isNull(interventionNotices.readAt),
        noticeId ? eq(interventionNotices.id, noticeId) : undefined,
      ),
    );
}
