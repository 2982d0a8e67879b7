import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { type InboxItemKind, inboxItems, users } from "~db/schema";
import { byEmail, inApp, keepsDigestLine } from "~/domain/mail/channels";
import { addDigestLines } from "~/domain/mail/digest-lines.server";
import { inboxItemMail } from "~/domain/mail/messages.server";
import { queueMails } from "~/domain/mail/outbox.server";
import { channelsFor } from "~/domain/mail/preferences.server";
import { appOrigin } from "~/lib/http.server";
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
 * Tells people, in the caller's transaction, through the channel each chose for the kind: an item
 * under the bell, an email (through the outbox, after commit, in their quiet hours' terms), both,
 * a line kept for the weekly digest (for the kinds it doesn't list by itself), or nothing. Nobody is told about their own action: notices
 * for `actorId` are dropped, and one person gets one notice per call and href.
 */
export async function notifyInApp(tx: Executor, actorId: string | null, notices: readonly InAppNotice[]) {
  const seen = new Set<string>();
  const wanted = notices.filter((notice) => {
    const key = `${notice.userId}:${notice.href}`;
    if (notice.userId === actorId || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (wanted.length === 0) return 0;
  const kinds = [...new Set(wanted.map((notice) => notice.kind))];
  const channels = new Map(
    await Promise.all(
      kinds.map(
        async (kind) =>
          [
            kind,
            await channelsFor(
              tx,
              wanted.filter((notice) => notice.kind === kind).map((notice) => notice.userId),
              kind,
            ),
          ] as const,
      ),
    ),
  );
  const channelOf = (notice: InAppNotice) => channels.get(notice.kind)!.get(notice.userId)!;
  const items = wanted.filter((notice) => inApp(channelOf(notice)));
  if (items.length) await tx.insert(inboxItems).values(items.map((row) => ({ id: newId(), ...row })));
  await addDigestLines(
    tx,
    wanted.flatMap((notice) =>
      keepsDigestLine(notice.kind, channelOf(notice))
        ? [
            {
              accountId: notice.accountId,
              userId: notice.userId,
              kind: notice.kind,
              params: notice.params,
              href: notice.href,
            },
          ]
        : [],
    ),
  );
  const mailed = wanted.filter((notice) => byEmail(channelOf(notice)));
  if (mailed.length) {
    const people = await tx
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(
        and(
          inArray(
            users.id,
            mailed.map((notice) => notice.userId),
          ),
          isNull(users.deactivatedAt),
        ),
      );
    const byId = new Map(people.map((person) => [person.id, person]));
    await queueMails(
      tx,
      mailed.flatMap((notice) => {
        const person = byId.get(notice.userId);
        if (!person) return [];
        return [
          inboxItemMail(person.email, person.locale, {
            kind: notice.kind,
            params: notice.params,
            name: person.name,
            link: `${appOrigin()}${notice.href}`,
            recipientId: person.id,
          }),
        ];
      }),
    );
  }
  return items.length;
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
