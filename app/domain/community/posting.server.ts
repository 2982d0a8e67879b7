import { and, eq, or, sql } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import { communityReplies, communityRevisions, communitySpaces, communityTopics, type PostStatus } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { newId } from "~/lib/ids.server";
import { follow, notifyAboutPost, type PendingNotification } from "./notifications.server";
import { canOnPost, isModerator, topicKindsFor } from "./permissions";
import { ensureProfile } from "./profiles.server";
import { POST_LIMIT, POST_WINDOW_MINUTES } from "./rules";
import type { TopicInput } from "./schemas";

type PostError = "not_found" | "forbidden" | "rate_limited" | "locked" | "stale";
type Fail = { ok: false; error: PostError };
export type PostResult = { ok: true; id: string; status: PostStatus; notifications: PendingNotification[] } | Fail;
const fail = (error: PostError): Fail => ({ ok: false, error });

/** The activity entry's account: the customer's own account, none for staff. */
export const accountOf = (actor: Actor) => (actor.kind === "customer" ? actor.accountId : null);

/**
 * Posts (topics and replies) the person wrote in the last window, counted from the database so it
 * holds across processes. Staff, who publish announcements, are not limited.
 */
async function isRateLimited(tx: Transaction, actor: Actor): Promise<boolean> {
  if (isModerator(actor)) return false;
  const since = sql`now() - make_interval(mins => ${POST_WINDOW_MINUTES})`;
  const [row] = await tx.execute<{ n: number }>(sql`
    select (select count(*) from ${communityTopics} where ${communityTopics.authorId} = ${actor.id} and ${communityTopics.createdAt} > ${since})
         + (select count(*) from ${communityReplies} where ${communityReplies.authorId} = ${actor.id} and ${communityReplies.createdAt} > ${since}) as n`);
  return Number(row?.n ?? 0) >= POST_LIMIT;
}

/** A newcomer's first post in a space with first-post review waits for a moderator. */
async function initialStatus(tx: Transaction, actor: Actor, firstPostReview: boolean): Promise<PostStatus> {
  if (!firstPostReview || isModerator(actor)) return "visible";
  const [approved] = await tx
    .select({ id: communityTopics.id })
    .from(communityTopics)
    .where(and(eq(communityTopics.authorId, actor.id), eq(communityTopics.status, "visible")))
    .limit(1);
  if (approved) return "visible";
  const [approvedReply] = await tx
    .select({ id: communityReplies.id })
    .from(communityReplies)
    .where(and(eq(communityReplies.authorId, actor.id), eq(communityReplies.status, "visible")))
    .limit(1);
  return approvedReply ? "visible" : "pending";
}

export async function createTopic(actor: Actor, input: TopicInput): Promise<PostResult> {
  await ensureProfile(actor);
  return db.transaction(async (tx) => {
    const [space] = await tx.select().from(communitySpaces).where(eq(communitySpaces.id, input.spaceId));
    if (!space) return fail("not_found");
    if (!topicKindsFor(actor, space).includes(input.kind)) return fail("forbidden");
    // Serialize one person's posts so two quick submissions can't both slip under the limit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`community-post:${actor.id}`}))`);
    if (await isRateLimited(tx, actor)) return fail("rate_limited");
    const id = newId();
    const status = await initialStatus(tx, actor, space.firstPostReview);
    await tx.insert(communityTopics).values({
      id,
      spaceId: space.id,
      authorId: actor.id,
      kind: input.kind,
      title: input.title,
      body: input.body,
      tags: input.tags,
      status,
    });
    await follow(tx, id, actor.id);
    await recordActivity(tx, {
      accountId: accountOf(actor),
      actorId: actor.id,
      action: "community.topic.created",
      subjectType: "community_topic",
      subjectId: id,
      details: { spaceId: space.id, kind: input.kind, status },
    });
    const notifications =
      status === "visible"
        ? await notifyAboutPost(tx, { topicId: id, replyId: null, authorId: actor.id, body: input.body })
        : [];
    return { ok: true as const, id, status, notifications };
  });
}

/** The topic with what decides who may act on it; staff also reach hidden and pending topics. */
export async function loadTopicContext(tx: Transaction, actor: Actor, topicId: string) {
  const [topic] = await tx
    .select({
      id: communityTopics.id,
      authorId: communityTopics.authorId,
      kind: communityTopics.kind,
      status: communityTopics.status,
      locked: communityTopics.locked,
      spaceId: communityTopics.spaceId,
      title: communityTopics.title,
      acceptedReplyId: communityTopics.acceptedReplyId,
      customersMayPost: communitySpaces.customersMayPost,
      firstPostReview: communitySpaces.firstPostReview,
    })
    .from(communityTopics)
    .innerJoin(communitySpaces, eq(communitySpaces.id, communityTopics.spaceId))
    .where(
      and(
        eq(communityTopics.id, topicId),
        isModerator(actor)
          ? undefined
          : or(
              eq(communityTopics.status, "visible"),
              and(eq(communityTopics.status, "pending"), eq(communityTopics.authorId, actor.id)),
            ),
      ),
    )
    .for("update", { of: communityTopics });
  return topic ?? null;
}

export async function createReply(actor: Actor, topicId: string, body: string): Promise<PostResult> {
  await ensureProfile(actor);
  return db.transaction(async (tx) => {
    const topic = await loadTopicContext(tx, actor, topicId);
    if (!topic) return fail("not_found");
    const context = {
      authorId: topic.authorId,
      topicAuthorId: topic.authorId,
      postType: "topic" as const,
      topicKind: topic.kind,
      status: topic.status,
      topicLocked: topic.locked,
      customersMayPost: topic.customersMayPost,
    };
    if (!canOnPost(actor, "topic.reply", context)) return fail(topic.locked ? "locked" : "forbidden");
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`community-post:${actor.id}`}))`);
    if (await isRateLimited(tx, actor)) return fail("rate_limited");
    const id = newId();
    const status = await initialStatus(tx, actor, topic.firstPostReview);
    await tx.insert(communityReplies).values({ id, topicId, authorId: actor.id, body, status });
    if (status === "visible")
      await tx.update(communityTopics).set({ lastActivityAt: new Date() }).where(eq(communityTopics.id, topicId));
    await follow(tx, topicId, actor.id);
    await recordActivity(tx, {
      accountId: accountOf(actor),
      actorId: actor.id,
      action: "community.reply.created",
      subjectType: "community_reply",
      subjectId: id,
      details: { topicId, status },
    });
    const notifications =
      status === "visible" ? await notifyAboutPost(tx, { topicId, replyId: id, authorId: actor.id, body }) : [];
    return { ok: true as const, id, status, notifications };
  });
}

export type EditResult = { ok: true } | Fail;

/** Edits a topic's text; the previous text goes to the edit history. A stale version is refused. */
export async function editTopic(
  actor: Actor,
  topicId: string,
  input: { title: string; body: string; tags: string[]; version: number },
): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const topic = await loadTopicContext(tx, actor, topicId);
    if (!topic) return fail("not_found");
    const context = {
      authorId: topic.authorId,
      topicAuthorId: topic.authorId,
      postType: "topic" as const,
      topicKind: topic.kind,
      status: topic.status,
      topicLocked: topic.locked,
      customersMayPost: topic.customersMayPost,
    };
    if (!canOnPost(actor, "post.edit", context)) return fail(topic.locked ? "locked" : "forbidden");
    const [before] = await tx
      .select({ body: communityTopics.body, version: communityTopics.version })
      .from(communityTopics)
      .where(eq(communityTopics.id, topicId));
    if (!before || before.version !== input.version) return fail("stale");
    await tx.insert(communityRevisions).values({
      id: newId(),
      postId: topicId,
      postType: "topic",
      editorId: actor.id,
      title: topic.title,
      body: before.body,
    });
    await tx
      .update(communityTopics)
      .set({
        title: input.title,
        body: input.body,
        tags: input.tags,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(communityTopics.id, topicId));
    await recordActivity(tx, {
      accountId: accountOf(actor),
      actorId: actor.id,
      action: "community.topic.edited",
      subjectType: "community_topic",
      subjectId: topicId,
      details: { from: { title: topic.title }, to: { title: input.title }, byModerator: actor.id !== topic.authorId },
    });
    return { ok: true as const };
  });
}

/** The reply with its topic's context, for actions on one reply. Non-staff reach visible ones (and their own pending). */
export async function loadReplyContext(tx: Transaction, actor: Actor, replyId: string) {
  const [reply] = await tx
    .select({
      id: communityReplies.id,
      authorId: communityReplies.authorId,
      status: communityReplies.status,
      body: communityReplies.body,
      version: communityReplies.version,
      official: communityReplies.official,
      topicId: communityReplies.topicId,
    })
    .from(communityReplies)
    .where(
      and(
        eq(communityReplies.id, replyId),
        isModerator(actor)
          ? undefined
          : or(
              eq(communityReplies.status, "visible"),
              and(eq(communityReplies.status, "pending"), eq(communityReplies.authorId, actor.id)),
            ),
      ),
    )
    .for("update");
  if (!reply) return null;
  const topic = await loadTopicContext(tx, actor, reply.topicId);
  if (!topic) return null;
  const context = {
    authorId: reply.authorId,
    topicAuthorId: topic.authorId,
    postType: "reply" as const,
    topicKind: topic.kind,
    status: reply.status,
    topicLocked: topic.locked,
    customersMayPost: topic.customersMayPost,
  };
  return { reply, topic, context };
}

export async function editReply(
  actor: Actor,
  replyId: string,
  input: { body: string; version: number },
): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const found = await loadReplyContext(tx, actor, replyId);
    if (!found) return fail("not_found");
    if (!canOnPost(actor, "post.edit", found.context)) return fail(found.topic.locked ? "locked" : "forbidden");
    if (found.reply.version !== input.version) return fail("stale");
    await tx.insert(communityRevisions).values({
      id: newId(),
      postId: replyId,
      postType: "reply",
      editorId: actor.id,
      title: null,
      body: found.reply.body,
    });
    await tx
      .update(communityReplies)
      .set({ body: input.body, version: found.reply.version + 1, updatedAt: new Date() })
      .where(eq(communityReplies.id, replyId));
    await recordActivity(tx, {
      accountId: accountOf(actor),
      actorId: actor.id,
      action: "community.reply.edited",
      subjectType: "community_reply",
      subjectId: replyId,
      details: { topicId: found.topic.id, byModerator: actor.id !== found.reply.authorId },
    });
    return { ok: true as const };
  });
}
