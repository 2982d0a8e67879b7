import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import {
  accounts,
  communityProfiles,
  communityReplies,
  communityReports,
  communitySpaces,
  communityTopics,
  users,
} from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { notifyAboutPost, type PendingNotification } from "./notifications.server";
import { isModerator } from "./permissions";
import { authorFields } from "./profiles.server";

type Fail = { ok: false; error: "not_found" | "forbidden" };
const fail = (error: Fail["error"]): Fail => ({ ok: false, error });
export type ModerationAction = "hide" | "restore" | "approve";

/**
 * Hides a post (with the reason, kept on the post and in the audit log), restores a hidden one,
 * or approves a pending first post (which then notifies like a new post). Resolves the post's open
 * reports. Staff only.
 */
export async function moderatePost(
  actor: Actor,
  postType: "topic" | "reply",
  postId: string,
  action: ModerationAction,
  reason: string | null,
): Promise<{ ok: true; notifications: PendingNotification[] } | Fail> {
  if (!isModerator(actor)) return fail("not_found");
  return db.transaction(async (tx) => {
    const table = postType === "topic" ? communityTopics : communityReplies;
    const [post] = await tx
      .select({ status: table.status, authorId: table.authorId, body: table.body })
      .from(table)
      .where(eq(table.id, postId))
      .for("update");
    if (!post) return fail("not_found");
    const [reply] =
      postType === "reply"
        ? await tx
            .select({ topicId: communityReplies.topicId })
            .from(communityReplies)
            .where(eq(communityReplies.id, postId))
        : [];
    const topicId = reply?.topicId ?? postId;
    const to = action === "hide" ? "hidden" : "visible";
    if (action === "approve" && post.status !== "pending") return { ok: true as const, notifications: [] };
    if (action === "restore" && post.status !== "hidden") return { ok: true as const, notifications: [] };
    await tx
      .update(table)
      .set({ status: to, hiddenReason: action === "hide" ? reason : null })
      .where(eq(table.id, postId));
    await tx
      .update(communityReports)
      .set({ status: "resolved", resolvedById: actor.id, resolvedAt: new Date() })
      .where(and(eq(communityReports.postId, postId), eq(communityReports.status, "open")));
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action: `community.post.${action === "hide" ? "hidden" : action === "restore" ? "restored" : "approved"}`,
      subjectType: `community_${postType}`,
      subjectId: postId,
      details: { topicId, from: post.status, to, ...(reason ? { reason } : {}) },
    });
    const notifications =
      action === "approve"
        ? await notifyAboutPost(tx, {
            topicId,
            replyId: postType === "reply" ? postId : null,
            authorId: post.authorId,
            body: post.body,
          })
        : [];
    return { ok: true as const, notifications };
  });
}

/** Dismisses a report without touching the post. */
export async function dismissReport(actor: Actor, reportId: string): Promise<{ ok: true } | Fail> {
  if (!isModerator(actor)) return fail("not_found");
  return db.transaction(async (tx) => {
    const [report] = await tx
      .update(communityReports)
      .set({ status: "resolved", resolvedById: actor.id, resolvedAt: new Date() })
      .where(and(eq(communityReports.id, reportId), eq(communityReports.status, "open")))
      .returning({ postId: communityReports.postId, postType: communityReports.postType });
    if (!report) return fail("not_found");
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action: "community.report.dismissed",
      subjectType: `community_${report.postType}`,
      subjectId: report.postId,
      details: { reportId },
    });
    return { ok: true as const };
  });
}

export type TopicFlag = "pin" | "unpin" | "lock" | "unlock";

/** Pins, unpins, locks or unlocks a topic, or moves it to another space. Staff only. */
export async function updateTopicSettings(
  actor: Actor,
  topicId: string,
  change: { flag: TopicFlag } | { moveTo: string },
): Promise<{ ok: true } | Fail> {
  if (!isModerator(actor)) return fail("not_found");
  return db.transaction(async (tx) => {
    const [topic] = await tx
      .select({ pinned: communityTopics.pinned, locked: communityTopics.locked, spaceId: communityTopics.spaceId })
      .from(communityTopics)
      .where(eq(communityTopics.id, topicId))
      .for("update");
    if (!topic) return fail("not_found");
    let details: Record<string, unknown>;
    let action: string;
    if ("moveTo" in change) {
      const [space] = await tx
        .select({ id: communitySpaces.id })
        .from(communitySpaces)
        .where(eq(communitySpaces.id, change.moveTo));
      if (!space) return fail("not_found");
      await tx.update(communityTopics).set({ spaceId: space.id }).where(eq(communityTopics.id, topicId));
      action = "community.topic.moved";
      details = { from: topic.spaceId, to: space.id };
    } else {
      const field = change.flag === "pin" || change.flag === "unpin" ? "pinned" : "locked";
      const value = change.flag === "pin" || change.flag === "lock";
      await tx
        .update(communityTopics)
        .set({ [field]: value })
        .where(eq(communityTopics.id, topicId));
      action = `community.topic.${change.flag === "pin" ? "pinned" : change.flag === "unpin" ? "unpinned" : change.flag === "lock" ? "locked" : "unlocked"}`;
      details = { from: topic[field], to: value };
    }
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action,
      subjectType: "community_topic",
      subjectId: topicId,
      details,
    });
    return { ok: true as const };
  });
}

function excerpt(body: string) {
  return body.length > 280 ? `${body.slice(0, 280)}…` : body;
}

/** The staff moderation queue: posts waiting for review, open reports, and recently hidden posts. */
export async function listModerationQueue(actor: Actor) {
  if (!isModerator(actor)) return null;
  const postsOf = (status: "pending" | "hidden") =>
    db.execute<{
      post_type: "topic" | "reply";
      id: string;
      topic_id: string;
      topic_title: string;
      body: string;
      hidden_reason: string | null;
      created_at: Date;
      author_id: string;
    }>(sql`
      select 'topic' as post_type, t.id, t.id as topic_id, t.title as topic_title, t.body, t.hidden_reason, t.created_at, t.author_id
        from ${communityTopics} t where t.status = ${status}
      union all
      select 'reply', r.id, r.topic_id, t.title, r.body, r.hidden_reason, r.created_at, r.author_id
        from ${communityReplies} r join ${communityTopics} t on t.id = r.topic_id where r.status = ${status}
      order by created_at desc limit 50`);
  const [pending, hidden] = await Promise.all([postsOf("pending"), postsOf("hidden")]);
  const reports = await db
    .select({
      id: communityReports.id,
      postId: communityReports.postId,
      postType: communityReports.postType,
      topicId: communityReports.topicId,
      topicTitle: communityTopics.title,
      reason: communityReports.reason,
      createdAt: communityReports.createdAt,
      replyBody: communityReplies.body,
      topicBody: communityTopics.body,
    })
    .from(communityReports)
    .innerJoin(communityTopics, eq(communityTopics.id, communityReports.topicId))
    .leftJoin(
      communityReplies,
      and(eq(communityReports.postType, "reply"), eq(communityReplies.id, communityReports.postId)),
    )
    .where(eq(communityReports.status, "open"))
    .orderBy(desc(communityReports.createdAt))
    .limit(50);
  const authorIds = [...new Set([...pending, ...hidden].map((row) => row.author_id))];
  const authors = authorIds.length
    ? await db
        .select(authorFields)
        .from(users)
        .leftJoin(communityProfiles, eq(communityProfiles.userId, users.id))
        .leftJoin(accounts, eq(accounts.id, users.accountId))
        .where(inArray(users.id, authorIds))
    : [];
  const nameOf = (id: string) => authors.find((a) => a.authorId === id)?.authorName ?? "";
  const toPost = (row: (typeof pending)[number]) => ({
    postType: row.post_type,
    id: row.id,
    topicId: row.topic_id,
    topicTitle: row.topic_title,
    excerpt: excerpt(row.body),
    hiddenReason: row.hidden_reason,
    createdAt: new Date(row.created_at).toISOString(),
    authorName: nameOf(row.author_id),
  });
  return {
    pending: pending.map(toPost),
    hidden: hidden.map(toPost),
    reports: reports.map(({ replyBody, topicBody, createdAt, ...report }) => ({
      ...report,
      excerpt: excerpt((report.postType === "reply" ? replyBody : topicBody) ?? ""),
      createdAt: createdAt.toISOString(),
    })),
  };
}
