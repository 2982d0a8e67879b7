import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import {
  communityFollows,
  communityProfiles,
  communityTopics,
  notifications,
  users,
  type NotificationType,
} from "~db/schema";
import { inApp } from "~/domain/mail/channels";
import { queueMail } from "~/domain/mail/outbox.server";
import { channelsFor } from "~/domain/mail/preferences.server";
import { communityNotificationMail } from "~/domain/mail/messages.server";
import { appOrigin } from "~/lib/http.server";
import { newId } from "~/lib/ids.server";
import { type SortPart, keysetCondition, keysetOrder, timeKey } from "~/lib/keyset.server";
import type { Cursor } from "~/lib/pagination";
import { authorFields, findProfilesByHandle } from "./profiles.server";
import { extractMentions } from "./rules";

export interface PendingNotification {
  id: string;
  userId: string;
  type: NotificationType;
  topicId: string;
  replyId: string | null;
  actorId: string;
}

async function insertNotifications(
  tx: Executor,
  rows: Omit<PendingNotification, "id">[],
): Promise<PendingNotification[]> {
  if (rows.length === 0) return [];
  const withIds = rows.map((row) => ({ id: newId(), ...row }));
  // The bell shows them to people whose community channel is in the app; email follows its own choice.
  const channels = await channelsFor(
    tx,
    rows.map((row) => row.userId),
    "community",
  );
  const shown = withIds.filter((row) => inApp(channels.get(row.userId)!));
  if (shown.length) await tx.insert(notifications).values(shown);
  await queueNotificationEmails(tx, withIds);
  return shown;
}

export async function follow(tx: Executor, topicId: string, userId: string) {
  await tx.insert(communityFollows).values({ topicId, userId }).onConflictDoNothing();
}

/**
 * Who hears about a newly visible post, inside the post's transaction: followers of the topic (for
 * a reply) and everyone @mentioned. A person mentioned and following gets one notification, the
 * mention. The author never notifies themselves.
 */
export async function notifyAboutPost(
  tx: Executor,
  post: { topicId: string; replyId: string | null; authorId: string; body: string },
): Promise<PendingNotification[]> {
  const mentioned = (await findProfilesByHandle(tx, extractMentions(post.body)))
    .map((row) => row.userId)
    .filter((id) => id !== post.authorId);
  const followers = post.replyId
    ? (
        await tx
          .select({ userId: communityFollows.userId })
          .from(communityFollows)
          .where(eq(communityFollows.topicId, post.topicId))
      )
        .map((row) => row.userId)
        .filter((id) => id !== post.authorId && !mentioned.includes(id))
    : [];
  const base = { topicId: post.topicId, replyId: post.replyId, actorId: post.authorId };
  return insertNotifications(tx, [
    ...mentioned.map((userId) => ({ ...base, userId, type: "mention" as const })),
    ...followers.map((userId) => ({ ...base, userId, type: "reply" as const })),
  ]);
}

export async function notifyAccepted(
  tx: Executor,
  input: { topicId: string; replyId: string; replyAuthorId: string; actorId: string },
) {
  if (input.replyAuthorId === input.actorId) return [];
  return insertNotifications(tx, [
    {
      userId: input.replyAuthorId,
      type: "accepted",
      topicId: input.topicId,
      replyId: input.replyId,
      actorId: input.actorId,
    },
  ]);
}

const PREFERENCE = { reply: "emailOnReply", accepted: "emailOnAccepted", mention: "emailOnMention" } as const;

/**
 * Emails for new notifications, to people whose preferences allow it, queued in the notifications'
 * own transaction (so the post and its emails commit or roll back together; the mail job sends them).
 */
async function queueNotificationEmails(tx: Executor, pending: PendingNotification[]) {
  if (pending.length === 0) return;
  const origin = appOrigin();
  const recipients = await tx
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      emailOnReply: sql<boolean>`coalesce(${communityProfiles.emailOnReply}, true)`,
      emailOnAccepted: sql<boolean>`coalesce(${communityProfiles.emailOnAccepted}, true)`,
      emailOnMention: sql<boolean>`coalesce(${communityProfiles.emailOnMention}, true)`,
    })
    .from(users)
    .leftJoin(communityProfiles, eq(communityProfiles.userId, users.id))
    .where(
      and(
        inArray(
          users.id,
          pending.map((n) => n.userId),
        ),
        isNull(users.deactivatedAt),
      ),
    );
  const topics = await tx
    .select({ id: communityTopics.id, title: communityTopics.title })
    .from(communityTopics)
    .where(inArray(communityTopics.id, [...new Set(pending.map((n) => n.topicId))]));
  const actors = await tx
    .select({ id: users.id, name: authorFields.authorName })
    .from(users)
    .leftJoin(communityProfiles, eq(communityProfiles.userId, users.id))
    .where(inArray(users.id, [...new Set(pending.map((n) => n.actorId))]));
  for (const notification of pending) {
    const to = recipients.find((r) => r.id === notification.userId);
    const topic = topics.find((t) => t.id === notification.topicId);
    if (!to || !topic || !to[PREFERENCE[notification.type]]) continue;
    const link = `${origin}/community/topics/${topic.id}${notification.replyId ? `#reply-${notification.replyId}` : ""}`;
    const who = actors.find((a) => a.id === notification.actorId)?.name ?? "";
    await queueMail(
      tx,
      communityNotificationMail(to.email, to.locale, {
        type: notification.type,
        who,
        title: topic.title,
        link,
        preferencesUrl: `${origin}/community/profile`,
        recipientId: to.id,
      }),
    );
  }
}

export async function countUnread(userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * Up to `limit` of the person's notifications (who did what on which topic) beyond the inbox's
 * cursor, in the cursor's order (newest first, or oldest first walking back). The inbox
 * (~/domain/inbox) merges them with the other areas' notices into pages.
 */
export async function notificationRows(userId: string, cursor: Cursor | null, limit: number) {
  const order: SortPart[] = [
    { expr: notifications.createdAt, descending: true },
    { expr: notifications.id, descending: true },
  ];
  const rows = await db
    .select({
      id: notifications.id,
      type: notifications.type,
      topicId: notifications.topicId,
      replyId: notifications.replyId,
      topicTitle: communityTopics.title,
      readAt: notifications.readAt,
      key: timeKey(notifications.createdAt),
      actorName: authorFields.authorName,
    })
    .from(notifications)
    .innerJoin(communityTopics, eq(communityTopics.id, notifications.topicId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .leftJoin(communityProfiles, eq(communityProfiles.userId, users.id))
    .where(and(eq(notifications.userId, userId), keysetCondition(order, cursor)))
    .orderBy(...keysetOrder(order, cursor))
    .limit(limit);
  return rows.map(({ readAt, ...row }) => ({ ...row, read: readAt !== null }));
}

/** Marks one notification (or all, without an id) of the person as read. Scoped to the person. */
export async function markNotificationsRead(userId: string, notificationId?: string) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        notificationId ? eq(notifications.id, notificationId) : undefined,
      ),
    );
}
