import { type SQL, sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./people";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const topicKind = pgEnum("community_topic_kind", ["question", "discussion", "article"]);
/** visible: everyone sees it; pending: a newcomer's first post waiting for review; hidden: a moderator hid it. */
export const postStatus = pgEnum("community_post_status", ["visible", "pending", "hidden"]);
export const postType = pgEnum("community_post_type", ["topic", "reply"]);
export const reportStatus = pgEnum("community_report_status", ["open", "resolved"]);
export const notificationType = pgEnum("notification_type", ["reply", "accepted", "mention"]);

/** A place to talk about one subject. Staff create and order them. */
export const communitySpaces = pgTable(
  "community_spaces",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    /** false: customers read and reply only where staff allow (announcements); only staff start topics. */
    customersMayPost: boolean("customers_may_post").notNull().default(true),
    /** Topics here are best-practice articles by staff. */
    articles: boolean("articles").notNull().default(false),
    /** A newcomer's first post here waits in the moderation queue until staff approve it. */
    firstPostReview: boolean("first_post_review").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("community_spaces_slug_idx").on(t.slug), index("community_spaces_position_idx").on(t.position)],
);

/** How a person appears in the community: never their email, their company only if they opt in. */
export const communityProfiles = pgTable(
  "community_profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id),
    displayName: text("display_name").notNull(),
    /** For @mentions: lower-case letters, digits, dots, dashes and underscores. */
    handle: text("handle").notNull(),
    title: text("title").notNull().default(""),
    showCompany: boolean("show_company").notNull().default(false),
    emailOnReply: boolean("email_on_reply").notNull().default(true),
    emailOnAccepted: boolean("email_on_accepted").notNull().default(true),
    emailOnMention: boolean("email_on_mention").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("community_profiles_handle_idx").on(t.handle)],
);

export const communityTopics = pgTable(
  "community_topics",
  {
    id: text("id").primaryKey(),
    spaceId: text("space_id")
      .notNull()
      .references(() => communitySpaces.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    kind: topicKind("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: postStatus("status").notNull().default("visible"),
    hiddenReason: text("hidden_reason"),
    pinned: boolean("pinned").notNull().default(false),
    locked: boolean("locked").notNull().default(false),
    acceptedReplyId: text("accepted_reply_id"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('english', coalesce(${communityTopics.title}, '')), 'A') || setweight(to_tsvector('english', coalesce(${communityTopics.body}, '')), 'B')`,
      ),
  },
  (t) => [
    index("community_topics_space_idx").on(t.spaceId, t.lastActivityAt),
    index("community_topics_author_idx").on(t.authorId, t.createdAt),
    index("community_topics_status_idx").on(t.status),
    index("community_topics_tags_idx").using("gin", t.tags),
    index("community_topics_search_idx").using("gin", t.search),
    check("community_topics_hidden_has_reason", sql`${t.status} <> 'hidden' or ${t.hiddenReason} is not null`),
  ],
);

export const communityReplies = pgTable(
  "community_replies",
  {
    id: text("id").primaryKey(),
    topicId: text("topic_id")
      .notNull()
      .references(() => communityTopics.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    status: postStatus("status").notNull().default("visible"),
    hiddenReason: text("hidden_reason"),
    /** Marked by staff as the vendor's official answer. */
    official: boolean("official").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('english', coalesce(${communityReplies.body}, ''))`),
  },
  (t) => [
    index("community_replies_topic_idx").on(t.topicId, t.createdAt),
    index("community_replies_author_idx").on(t.authorId, t.createdAt),
    index("community_replies_status_idx").on(t.status),
    index("community_replies_search_idx").using("gin", t.search),
    check("community_replies_hidden_has_reason", sql`${t.status} <> 'hidden' or ${t.hiddenReason} is not null`),
  ],
);

/** One upvote per person and post (topic or reply ids are unique across both tables). */
export const communityVotes = pgTable(
  "community_votes",
  {
    postId: text("post_id").notNull(),
    postType: postType("post_type").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index("community_votes_user_idx").on(t.userId)],
);

export const communityFollows = pgTable(
  "community_follows",
  {
    topicId: text("topic_id")
      .notNull()
      .references(() => communityTopics.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] }), index("community_follows_user_idx").on(t.userId)],
);

/** The text of a post before each edit: its edit history. */
export const communityRevisions = pgTable(
  "community_revisions",
  {
    id: text("id").primaryKey(),
    postId: text("post_id").notNull(),
    postType: postType("post_type").notNull(),
    editorId: text("editor_id")
      .notNull()
      .references(() => users.id),
    title: text("title"),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("community_revisions_post_idx").on(t.postId, t.createdAt),
    index("community_revisions_editor_idx").on(t.editorId),
  ],
);

export const communityReports = pgTable(
  "community_reports",
  {
    id: text("id").primaryKey(),
    postId: text("post_id").notNull(),
    postType: postType("post_type").notNull(),
    topicId: text("topic_id")
      .notNull()
      .references(() => communityTopics.id),
    reporterId: text("reporter_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    status: reportStatus("status").notNull().default("open"),
    resolvedById: text("resolved_by_id").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("community_reports_status_idx").on(t.status, t.createdAt),
    index("community_reports_post_idx").on(t.postId),
    index("community_reports_topic_idx").on(t.topicId),
    index("community_reports_reporter_idx").on(t.reporterId),
    index("community_reports_resolved_by_idx").on(t.resolvedById),
  ],
);

/** In-app notifications (community replies, accepted answers, mentions). */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    type: notificationType("type").notNull(),
    actorId: text("actor_id").references(() => users.id),
    topicId: text("topic_id")
      .notNull()
      .references(() => communityTopics.id),
    replyId: text("reply_id"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    index("notifications_actor_idx").on(t.actorId),
    index("notifications_topic_idx").on(t.topicId),
  ],
);

export type CommunitySpace = typeof communitySpaces.$inferSelect;
export type CommunityTopic = typeof communityTopics.$inferSelect;
export type CommunityReply = typeof communityReplies.$inferSelect;
export type CommunityProfile = typeof communityProfiles.$inferSelect;
export type TopicKind = (typeof topicKind.enumValues)[number];
export type PostStatus = (typeof postStatus.enumValues)[number];
export type PostType = (typeof postType.enumValues)[number];
export type NotificationType = (typeof notificationType.enumValues)[number];
