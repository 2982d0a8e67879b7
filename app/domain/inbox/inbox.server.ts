import { countUnread, markNotificationsRead, notificationRows } from "~/domain/community/notifications.server";
import { countUnreadNotices, markNoticesRead, noticeRows } from "~/domain/interventions/notices.server";
import type { InboxItem } from "./inbox";
import { countUnreadItems, itemRows, markItemsRead } from "./items.server";
import { type Cursor, PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";

/*
 * The bell: one list of what is new for a person, from every area that tells people things (the
 * community's replies and mentions, the playbooks' reminders, plans' and advocacy's items). Each area keeps its own table and
 * answers rows beyond one shared cursor (time to the microsecond, then id); the inbox merges them.
 */

export async function countInbox(userId: string): Promise<number> {
  const counts = await Promise.all([countUnread(userId), countUnreadNotices(userId), countUnreadItems(userId)]);
  return counts.reduce((sum, n) => sum + n, 0);
}

const fingerprint = filterFingerprint({ list: "inbox" });

/** Newest first, or oldest first when walking back from a "before" cursor (as the sources answer). */
function compare(cursor: Cursor | null) {
  const sign = cursor?.direction === "before" ? 1 : -1;
  return (a: { key: string; id: string }, b: { key: string; id: string }) =>
    sign * (a.key === b.key ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.key < b.key ? -1 : 1);
}

/** One page of the person's inbox, newest first. */
export async function listInbox(userId: string, rawCursor?: string | null, pageSize = PAGE_SIZE) {
  const cursor = decodeCursor(rawCursor, fingerprint, 2);
  // Each source gives the page's worth beyond the cursor; whichever rows win, none is skipped.
  const [community, reminders, items] = await Promise.all([
    notificationRows(userId, cursor, pageSize + 1),
    noticeRows(userId, cursor, pageSize + 1),
    itemRows(userId, cursor, pageSize + 1),
  ]);
  const merged = [
    ...community.map((row) => ({ ...row, source: "community" as const })),
    ...reminders.map((row) => ({ ...row, source: "reminder" as const })),
    ...items.map((row) => ({ ...row, source: "item" as const })),
  ]
    .sort(compare(cursor))
    .slice(0, pageSize + 1);
  const { rows, page } = pageFromRows(merged, { cursor, pageSize, fingerprint, keyOf: (row) => [row.key, row.id] });
  return {
    page,
    items: rows.map(({ key, ...row }): InboxItem => ({ ...row, createdAt: key })),
  };
}

/** Marks one item (by id: ids are unique across tables) or everything of the person's as read. */
export async function markInboxRead(userId: string, id?: string) {
  await Promise.all([markNotificationsRead(userId, id), markNoticesRead(userId, id), markItemsRead(userId, id)]);
}
