import type { Actor } from "~/domain/auth/actor";

/**
 * Who may do what in the community. The community is shared by every customer account, so a
 * customer's account role (champion or member) gives no extra power here; vendor staff moderate.
 *
 * - `post.edit`      change a post's text (its author, or staff)
 * - `post.vote`      upvote (anyone but the author, on a visible post)
 * - `post.report`    report to the moderators (anyone but the author, on a visible post)
 * - `answer.accept`  mark a reply as the accepted answer of a question (the asker, or staff; not one's own reply unless staff)
 * - `answer.official` mark a reply as the vendor's official answer (staff)
 * - `topic.reply`    reply (anyone, unless the topic is locked or the space is read-only for customers; staff always)
 * - `post.moderate`  pin, lock, move, hide, restore, approve, see hidden and pending posts (staff)
 */
export type PostAction =
  "post.edit" | "post.vote" | "post.report" | "answer.accept" | "answer.official" | "topic.reply" | "post.moderate";

export interface PostContext {
  authorId: string;
  /** The topic's author (for a topic: its own author). */
  topicAuthorId: string;
  postType: "topic" | "reply";
  topicKind: "question" | "discussion" | "article";
  status: "visible" | "pending" | "hidden";
  topicLocked: boolean;
  customersMayPost: boolean;
}

export function isModerator(actor: Actor): boolean {
  return actor.kind === "staff";
}

export function canOnPost(actor: Actor, action: PostAction, post: PostContext): boolean {
  const staff = isModerator(actor);
  const own = post.authorId === actor.id;
  switch (action) {
    case "post.moderate":
    case "answer.official":
      return staff && (action === "post.moderate" || (post.postType === "reply" && post.status === "visible"));
    case "post.edit":
      if (staff) return true;
      return own && post.status !== "hidden" && !post.topicLocked && post.customersMayPost;
    case "post.vote":
    case "post.report":
      return !own && post.status === "visible";
    case "answer.accept":
      if (post.postType !== "reply" || post.topicKind !== "question" || post.status !== "visible") return false;
      if (staff) return true;
      return post.topicAuthorId === actor.id && !own;
    case "topic.reply":
      if (post.status !== "visible") return false;
      if (staff) return true;
      return !post.topicLocked && post.customersMayPost;
  }
}

/** Whether the person may start a topic in a space, and of which kinds. */
export function topicKindsFor(
  actor: Actor,
  space: { customersMayPost: boolean; articles: boolean },
): ("question" | "discussion" | "article")[] {
  if (isModerator(actor)) return space.articles ? ["article", "discussion"] : ["question", "discussion", "article"];
  if (!space.customersMayPost || space.articles) return [];
  return ["question", "discussion"];
}

/** Creating, editing and ordering spaces. */
export function canManageSpaces(actor: Actor): boolean {
  return actor.kind === "staff" && actor.staffRole === "admin";
}
