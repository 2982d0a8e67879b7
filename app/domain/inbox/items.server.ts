import { and, count, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { type InboxItemKind, inboxItems } from "~db/schema";
import { newId } from "~/lib/ids.server";
import { type SortPart, keysetCondition, keysetOrder, timeKey } from "~/lib/keyset.server";
import type { Cursor } from "~/lib/pagination";

/*
 * In-app notifications of plans and advocacy. The owning area calls `notifyInApp` in the
 * transaction of the change; the bell (inbox.server.ts) reads them beside the community's
 * notifications and the playbooks' reminders.
 */

export interface InAppNotice {
  accountId: string;
  userId: string;
  kind: InboxItemKind;
  /** Interpolation values of the kind's text (title, actorName). */
  params: Record<string, string>;
  href: string;
}

/**
 * Writes the notices in the caller's transaction. Nobody is told about their own action: notices
 * for `actorId` are dropped, and one person gets one notice per call and href.
 */
export async function notifyInApp(tx: Executor, actorId: string | null, notices: readonly InAppNotice[]) {
  const seen = new Set<string>();
  const rows = notices.filter((notice) => {
    const key = `${notice.userId}:${notice.href}`;
    if (notice.userId === actorId || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (rows.length === 0) return 0;
  await tx.insert(inboxItems).values(rows.map((row) => ({ id: newId(), ...row })));
  return rows.length;
}

export async function countUnreadItems(userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(inboxItems)
    .where(and(eq(inboxItems.userId, userId), isNull(inboxItems.readAt)));
  return Number(row?.n ?? 0);
}

const ORDER: SortPart[] = [
  { expr: inboxItems.createdAt, descending: true },
  { expr: inboxItems.id, descending: true },
];

/** Up to `limit` of the person's items beyond the inbox's cursor, in the cursor's order. */
export async function itemRows(userId: string, cursor: Cursor | null, limit: number) {
  const rows = await db
    .select({
      id: inboxItems.id,
      kind: inboxItems.kind,
      params: inboxItems.params,
      href: inboxItems.href,
      readAt: inboxItems.readAt,
      key: timeKey(inboxItems.createdAt),
    })
    .from(inboxItems)
    .where(and(eq(inboxItems.userId, userId), keysetCondition(ORDER, cursor)))
    .orderBy(...keysetOrder(ORDER, cursor))
    .limit(limit);
  return rows.map(({ readAt, ...row }) => ({ ...row, read: readAt !== null }));
}

/** Marks one item (or all, without an id) of the person as read; another person's is left alone. */
export async function markItemsRead(userId: string, itemId?: string) {
  await db
    .update(inboxItems)
    .set({ readAt: new Date() })
    .where(
      and(eq(inboxItems.userId, userId), isNull(inboxItems.readAt), itemId ? eq(inboxItems.id, itemId) : undefined),
    );
}
