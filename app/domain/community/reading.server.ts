import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db } from "~db/client.server";
import {
  accounts,
  communityFollows,
  communityProfiles,
  communityReplies,
  communityRevisions,
  communitySpaces,
  communityTopics,
  communityVotes,
  users,
} from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { communityImageHosts } from "~/lib/env.server";
import { renderMarkdown } from "./markdown.server";
import { canOnPost, isModerator, type PostContext } from "./permissions";
import { authorFields, toAuthor } from "./profiles.server";

const voteCount = (postId: SQL | AnyPgColumn) =>
  sql<number>`(select count(*)::int from ${communityVotes} where ${communityVotes.postId} = ${postId})`;

/** Who can see a topic: everyone if visible; its author while pending; staff always. */
function topicVisibleTo(actor: Actor) {
  return isModerator(actor)
    ? undefined
    : or(
        eq(communityTopics.status, "visible"),
        and(eq(communityTopics.status, "pending"), eq(communityTopics.authorId, actor.id)),
      );
}

/**
 * One topic page: the topic, its accepted answer, its replies (oldest first), votes, whether the
 * person follows it, and what they may do. Hidden posts reach staff only; a hidden topic is a 404
 * (null) for everyone else. A fixed number of queries, whatever the number of replies.
 */
export async function getTopicPage(actor: Actor, topicId: string) {
  const [topic] = await db
    .select({
      id: communityTopics.id,
      kind: communityTopics.kind,
      title: communityTopics.title,
      body: communityTopics.body,
      tags: communityTopics.tags,
      status: communityTopics.status,
      hiddenReason: communityTopics.hiddenReason,
      pinned: communityTopics.pinned,
      locked: communityTopics.locked,
      acceptedReplyId: communityTopics.acceptedReplyId,
      version: communityTopics.version,
      createdAt: communityTopics.createdAt,
      updatedAt: communityTopics.updatedAt,
      spaceId: communitySpaces.id,
      spaceName: communitySpaces.name,
      spaceSlug: communitySpaces.slug,
      customersMayPost: communitySpaces.customersMayPost,
      votes: voteCount(communityTopics.id),
      ...authorFields,
    })
    .from(communityTopics)
    .innerJoin(communitySpaces, eq(communitySpaces.id, communityTopics.spaceId))
    .innerJoin(users, eq(users.id, communityTopics.authorId))
    .leftJoin(communityProfiles, eq(communityProfiles.userId, users.id))
    .leftJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(communityTopics.id, topicId), topicVisibleTo(actor)));
  if (!topic) return null;

  const staff = isModerator(actor);
  const replyRows = await db
    .select({
      id: communityReplies.id,
      body: communityReplies.body,
      status: communityReplies.status,
      hiddenReason: communityReplies.hiddenReason,
      official: communityReplies.official,
      version: communityReplies.version,
      createdAt: communityReplies.createdAt,
      updatedAt: communityReplies.updatedAt,
      votes: voteCount(communityReplies.id),
      ...authorFields,
    })
    .from(communityReplies)
    .innerJoin(users, eq(users.id, communityReplies.authorId))
    .leftJoin(communityProfiles, eq(communityProfiles.userId, users.id))
    .leftJoin(accounts, eq(accounts.id, users.accountId))
    .where(
      and(
        eq(communityReplies.topicId, topicId),
        staff
          ? undefined
          : or(
              eq(communityReplies.status, "visible"),
              and(eq(communityReplies.status, "pending"), eq(communityReplies.authorId, actor.id)),
            ),
      ),
    )
    .orderBy(asc(communityReplies.createdAt), asc(communityReplies.id));

  const postIds = [topic.id, ...replyRows.map((reply) => reply.id)];
  const [myVotes, follows, revisions] = await Promise.all([
    db
      .select({ postId: communityVotes.postId })
      .from(communityVotes)
      .where(and(eq(communityVotes.userId, actor.id), inArray(communityVotes.postId, postIds))),
    db
      .select({ userId: communityFollows.userId })
      .from(communityFollows)
      .where(and(eq(communityFollows.topicId, topicId), eq(communityFollows.userId, actor.id))),
    db
      .select({ postId: communityRevisions.postId, n: sql<number>`count(*)::int` })
      .from(communityRevisions)
      .where(inArray(communityRevisions.postId, postIds))
      .groupBy(communityRevisions.postId),
  ]);
  const voted = new Set(myVotes.map((vote) => vote.postId));
  const edits = new Map(revisions.map((row) => [row.postId, row.n]));
  const render = (body: string) => renderMarkdown(body, { imageHosts: communityImageHosts });

  const topicContext: PostContext = {
    authorId: topic.authorId,
    topicAuthorId: topic.authorId,
    postType: "topic",
    topicKind: topic.kind,
    status: topic.status,
    topicLocked: topic.locked,
    customersMayPost: topic.customersMayPost,
  };
  const replies = replyRows.map((reply) => {
    const context: PostContext = { ...topicContext, authorId: reply.authorId, postType: "reply", status: reply.status };
    return {
      id: reply.id,
      html: render(reply.body),
      body: canOnPost(actor, "post.edit", context) ? reply.body : null,
      status: reply.status,
      hiddenReason: staff ? reply.hiddenReason : null,
      official: reply.official,
      accepted: topic.acceptedReplyId === reply.id,
      version: reply.version,
      createdAt: reply.createdAt.toISOString(),
      edited: (edits.get(reply.id) ?? 0) > 0,
      votes: reply.votes,
      voted: voted.has(reply.id),
      author: toAuthor(reply),
      can: {
        edit: canOnPost(actor, "post.edit", context),
        vote: canOnPost(actor, "post.vote", context),
        report: canOnPost(actor, "post.report", context),
        accept: canOnPost(actor, "answer.accept", context),
        official: canOnPost(actor, "answer.official", context),
        moderate: canOnPost(actor, "post.moderate", context),
      },
    };
  });
  return {
    topic: {
      id: topic.id,
      kind: topic.kind,
      title: topic.title,
      html: render(topic.body),
      body: canOnPost(actor, "post.edit", topicContext) ? topic.body : null,
      tags: topic.tags,
      status: topic.status,
      hiddenReason: staff ? topic.hiddenReason : null,
      pinned: topic.pinned,
      locked: topic.locked,
      version: topic.version,
      createdAt: topic.createdAt.toISOString(),
      edited: (edits.get(topic.id) ?? 0) > 0,
      votes: topic.votes,
      voted: voted.has(topic.id),
      following: follows.length > 0,
      space: { id: topic.spaceId, name: topic.spaceName, slug: topic.spaceSlug },
      author: toAuthor(topic),
      can: {
        edit: canOnPost(actor, "post.edit", topicContext),
        vote: canOnPost(actor, "post.vote", topicContext),
        report: canOnPost(actor, "post.report", topicContext),
        reply: canOnPost(actor, "topic.reply", topicContext),
        moderate: canOnPost(actor, "post.moderate", topicContext),
      },
    },
    accepted: replies.find((reply) => reply.accepted) ?? null,
    replies,
  };
}
export type TopicPage = NonNullable<Awaited<ReturnType<typeof getTopicPage>>>;

/** A post's earlier versions, newest first, for its author and staff. */
export async function listRevisions(actor: Actor, postType: "topic" | "reply", postId: string) {
  const table = postType === "topic" ? communityTopics : communityReplies;
  const [post] = await db
    .select({ authorId: table.authorId, status: table.status })
    .from(table)
    .where(eq(table.id, postId));
  if (!post || (!isModerator(actor) && (post.authorId !== actor.id || post.status === "hidden"))) return null;
  const rows = await db
    .select({
      id: communityRevisions.id,
      title: communityRevisions.title,
      body: communityRevisions.body,
      createdAt: communityRevisions.createdAt,
    })
    .from(communityRevisions)
    .where(eq(communityRevisions.postId, postId))
    .orderBy(desc(communityRevisions.createdAt));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
