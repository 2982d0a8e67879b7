import { and, eq } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import {
  communityFollows,
  communityReplies,
  communityReports,
  communityTopics,
  communityVotes,
  users,
} from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { hasEvent, recordEvent } from "~/domain/events/record.server";
import { newId } from "~/lib/ids.server";
import { notifyAccepted, type PendingNotification } from "./notifications.server";
import { canOnPost, type PostContext } from "./permissions";
import { accountOf, loadReplyContext, loadTopicContext } from "./posting.server";

type ReactionError = "not_found" | "forbidden";
type Fail = { ok: false; error: ReactionError };
const fail = (error: ReactionError): Fail => ({ ok: false, error });

/** A topic or reply as a post others act on, or null when the person can't see it. */
async function loadPost(tx: Transaction, actor: Actor, postType: "topic" | "reply", postId: string) {
  if (postType === "reply") {
    const found = await loadReplyContext(tx, actor, postId);
    return found ? { topicId: found.topic.id, context: found.context } : null;
  }
  const topic = await loadTopicContext(tx, actor, postId);
  if (!topic) return null;
  const context: PostContext = {
    authorId: topic.authorId,
    topicAuthorId: topic.authorId,
    postType: "topic",
    topicKind: topic.kind,
    status: topic.status,
    topicLocked: topic.locked,
    customersMayPost: topic.customersMayPost,
  };
  return { topicId: topic.id, context };
}

async function customerAccountOf(tx: Transaction, userId: string): Promise<string | null> {
  const [row] = await tx.select({ accountId: users.accountId }).from(users).where(eq(users.id, userId));
  return row?.accountId ?? null;
}

/**
 * Upvotes (or takes back an upvote on) a post: one per person, never one's own. The first upvote
 * a person gives a customer's reply is a `reply.upvoted` event (a helpful-reply signal).
 */
export async function setVote(
  actor: Actor,
  postType: "topic" | "reply",
  postId: string,
  up: boolean,
): Promise<{ ok: true } | Fail> {
  return db.transaction(async (tx) => {
    const post = await loadPost(tx, actor, postType, postId);
    if (!post) return fail("not_found");
    if (!canOnPost(actor, "post.vote", post.context)) return fail("forbidden");
    if (!up) {
      await tx
        .delete(communityVotes)
        .where(and(eq(communityVotes.postId, postId), eq(communityVotes.userId, actor.id)));
      return { ok: true as const };
    }
    const inserted = await tx
      .insert(communityVotes)
      .values({ postId, postType, userId: actor.id })
      .onConflictDoNothing()
      .returning({ postId: communityVotes.postId });
    if (inserted.length > 0 && postType === "reply") {
      const authorAccount = await customerAccountOf(tx, post.context.authorId);
      const already = await hasEvent(tx, { type: "reply.upvoted", subjectId: postId, actorId: actor.id });
      if (authorAccount && !already) {
        await recordEvent(tx, {
          type: "reply.upvoted",
          accountId: authorAccount,
          actorId: actor.id,
          subjectId: postId,
          payload: { replyId: postId, topicId: post.topicId, authorId: post.context.authorId },
        });
      }
    }
    return { ok: true as const };
  });
}

/**
 * Marks a reply as the accepted answer of its question (or clears it). The asker or staff may;
 * the reply's author hears about it, and a customer's accepted answer is an `answer.accepted` event.
 */
export async function setAcceptedAnswer(
  actor: Actor,
  replyId: string,
  accept: boolean,
): Promise<{ ok: true; notifications: PendingNotification[] } | Fail> {
  return db.transaction(async (tx) => {
    const found = await loadReplyContext(tx, actor, replyId);
    if (!found) return fail("not_found");
    if (!canOnPost(actor, "answer.accept", found.context)) return fail("forbidden");
    const { topic, reply } = found;
    const next = accept ? replyId : topic.acceptedReplyId === replyId ? null : topic.acceptedReplyId;
    if (next === topic.acceptedReplyId) return { ok: true as const, notifications: [] };
    await tx.update(communityTopics).set({ acceptedReplyId: next }).where(eq(communityTopics.id, topic.id));
    await recordActivity(tx, {
      accountId: accountOf(actor),
      actorId: actor.id,
      action: accept ? "community.answer.accepted" : "community.answer.unaccepted",
      subjectType: "community_topic",
      subjectId: topic.id,
      details: { from: topic.acceptedReplyId, to: next },
    });
    if (!accept) return { ok: true as const, notifications: [] };
    const authorAccount = await customerAccountOf(tx, reply.authorId);
    if (authorAccount) {
      await recordEvent(tx, {
        type: "answer.accepted",
        accountId: authorAccount,
        actorId: actor.id,
        subjectId: replyId,
        payload: { replyId, topicId: topic.id, authorId: reply.authorId },
      });
    }
    const notifications = await notifyAccepted(tx, {
      topicId: topic.id,
      replyId,
      replyAuthorId: reply.authorId,
      actorId: actor.id,
    });
    return { ok: true as const, notifications };
  });
}

/** Staff mark a reply as the vendor's official answer (or take it back). */
export async function setOfficialAnswer(
  actor: Actor,
  replyId: string,
  official: boolean,
): Promise<{ ok: true } | Fail> {
  return db.transaction(async (tx) => {
    const found = await loadReplyContext(tx, actor, replyId);
    if (!found) return fail("not_found");
    if (!canOnPost(actor, "answer.official", found.context)) return fail("forbidden");
    await tx.update(communityReplies).set({ official }).where(eq(communityReplies.id, replyId));
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action: official ? "community.reply.official" : "community.reply.unofficial",
      subjectType: "community_reply",
      subjectId: replyId,
      details: { topicId: found.topic.id, from: found.reply.official, to: official },
    });
    return { ok: true as const };
  });
}

export async function setFollow(actor: Actor, topicId: string, following: boolean): Promise<{ ok: true } | Fail> {
  return db.transaction(async (tx) => {
    const topic = await loadTopicContext(tx, actor, topicId);
    if (!topic) return fail("not_found");
    if (following) await tx.insert(communityFollows).values({ topicId, userId: actor.id }).onConflictDoNothing();
    else
      await tx
        .delete(communityFollows)
        .where(and(eq(communityFollows.topicId, topicId), eq(communityFollows.userId, actor.id)));
    return { ok: true as const };
  });
}

/** Reports a post to the moderators with a reason. */
export async function reportPost(
  actor: Actor,
  postType: "topic" | "reply",
  postId: string,
  reason: string,
): Promise<{ ok: true } | Fail> {
  return db.transaction(async (tx) => {
    const post = await loadPost(tx, actor, postType, postId);
    if (!post) return fail("not_found");
    if (!canOnPost(actor, "post.report", post.context)) return fail("forbidden");
    const id = newId();
    await tx
      .insert(communityReports)
      .values({ id, postId, postType, topicId: post.topicId, reporterId: actor.id, reason });
    await recordActivity(tx, {
      accountId: accountOf(actor),
      actorId: actor.id,
      action: "community.post.reported",
      subjectType: `community_${postType}`,
      subjectId: postId,
      details: { reportId: id, reason },
    });
    return { ok: true as const };
  });
}
