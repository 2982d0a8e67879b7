import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { events } from "./events";
import { accounts, users } from "./people";

/** What sets an ask off: a plan event, a promoter's NPS answer, or marketing asking by hand (manual). */
export const askSignal = pgEnum("ask_signal", [
  "milestone_achieved",
  "plan_completed",
  "nps_promoter",
  "team_trained",
  "manual",
]);
export const askType = pgEnum("ask_type", ["reference_call", "case_study", "review", "quote", "logo", "speaking"]);
/** open: waiting for an answer; snoozed: "not now" (asked, answered later); accepted / declined: answered. */
export const askStatus = pgEnum("ask_status", ["open", "snoozed", "accepted", "declined"]);
export const consentScope = pgEnum("consent_scope", ["internal", "sales", "public"]);
export const opportunityStage = pgEnum("opportunity_stage", [
  "identified",
  "asked",
  "accepted",
  "in_production",
  "customer_review",
  "published",
  "declined",
  "withdrawn",
]);

/**
 * One answer to the in-portal NPS survey. A dismissal is stored as a row without a score: it counts
 * as "asked" for the 90-day rhythm but not in the score.
 */
export const npsResponses = pgTable(
  "nps_responses",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    score: integer("score"),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("nps_responses_account_idx").on(t.accountId, t.createdAt),
    index("nps_responses_user_idx").on(t.userId, t.createdAt),
    check("nps_responses_score_range", sql`${t.score} is null or (${t.score} between 0 and 10)`),
  ],
);

/** Which signal triggers which ask (marketing and admins configure them). */
export const askRules = pgTable(
  "ask_rules",
  {
    id: text("id").primaryKey(),
    signal: askSignal("signal").notNull(),
    askType: askType("ask_type").notNull(),
    /** For a review ask: where the review is written. */
    reviewUrl: text("review_url"),
    enabled: boolean("enabled").notNull().default(true),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ask_rules_signal_type_idx").on(t.signal, t.askType),
    index("ask_rules_created_by_idx").on(t.createdById),
  ],
);

/** The workspace's guardrails: one row (id "workspace"). */
export const advocacySettings = pgTable(
  "advocacy_settings",
  {
    id: text("id").primaryKey(),
    cooldownDays: integer("cooldown_days").notNull().default(30),
    declinedRepeatDays: integer("declined_repeat_days").notNull().default(180),
    referenceCallsPerQuarter: integer("reference_calls_per_quarter").notNull().default(2),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("advocacy_settings_cooldown_range", sql`${t.cooldownDays} between 0 and 365`),
    check("advocacy_settings_declined_range", sql`${t.declinedRepeatDays} between 0 and 730`),
    check("advocacy_settings_fatigue_range", sql`${t.referenceCallsPerQuarter} between 1 and 50`),
  ],
);

/** What the person achieved, for the ask's wording. */
export interface AskContext {
  milestoneTitle?: string;
  daysEarly?: number;
  score?: number;
  /** The title when the ask was made, in English; `courseSlug` finds it in the reader's language. */
  courseTitle?: string;
  courseSlug?: string;
}

/** An ask put to one person, tied to the signal that set it off. */
export const asks = pgTable(
  "asks",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => users.id),
    askType: askType("ask_type").notNull(),
    signal: askSignal("signal").notNull(),
    /** The event that set it off; one ask per event, person and type keeps reactions idempotent. */
    eventId: text("event_id").references(() => events.id),
    /** What the person achieved, for the ask's wording: a milestone's title and days early, or the NPS score. */
    context: jsonb("context").$type<AskContext>().notNull().default({}),
    reviewUrl: text("review_url"),
    status: askStatus("status").notNull().default("open"),
    snoozedUntil: timestamp("snoozed_until", { withTimezone: true }),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("asks_event_recipient_type_idx").on(t.eventId, t.recipientId, t.askType),
    index("asks_recipient_idx").on(t.recipientId, t.createdAt),
    index("asks_account_idx").on(t.accountId, t.status),
  ],
);

/** What a person allowed to be used, where; withdrawn at any time. */
export const consents = pgTable(
  "consents",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    askId: text("ask_id").references(() => asks.id),
    askType: askType("ask_type").notNull(),
    /** Any of name, title, company, logo, quote, metrics. */
    uses: text("uses").array().notNull(),
    scope: consentScope("scope").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    index("consents_user_idx").on(t.userId),
    index("consents_account_idx").on(t.accountId),
    index("consents_ask_idx").on(t.askId),
  ],
);

/** An advocacy opportunity in marketing's pipeline. */
export const opportunities = pgTable(
  "opportunities",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    advocateId: text("advocate_id").references(() => users.id),
    askId: text("ask_id").references(() => asks.id),
    consentId: text("consent_id").references(() => consents.id),
    askType: askType("ask_type").notNull(),
    stage: opportunityStage("stage").notNull(),
    stageEnteredAt: timestamp("stage_entered_at", { withTimezone: true }).notNull().defaultNow(),
    ownerId: text("owner_id").references(() => users.id),
    dueDate: date("due_date"),
    notes: text("notes").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("opportunities_account_idx").on(t.accountId),
    index("opportunities_stage_idx").on(t.stage),
    index("opportunities_advocate_idx").on(t.advocateId),
    uniqueIndex("opportunities_ask_idx").on(t.askId),
    index("opportunities_consent_idx").on(t.consentId),
    index("opportunities_owner_idx").on(t.ownerId),
  ],
);

/** Every stage change of an opportunity, for time-in-stage and the audit trail. */
export const opportunityTransitions = pgTable(
  "opportunity_transitions",
  {
    id: text("id").primaryKey(),
    opportunityId: text("opportunity_id")
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    fromStage: opportunityStage("from_stage"),
    toStage: opportunityStage("to_stage").notNull(),
    actorId: text("actor_id").references(() => users.id),
    note: text("note").notNull().default(""),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("opportunity_transitions_opportunity_idx").on(t.opportunityId, t.at),
    index("opportunity_transitions_actor_idx").on(t.actorId),
  ],
);

export type NpsResponse = typeof npsResponses.$inferSelect;
export type AskRule = typeof askRules.$inferSelect;
export type Ask = typeof asks.$inferSelect;
export type Consent = typeof consents.$inferSelect;
export type Opportunity = typeof opportunities.$inferSelect;
export type AskSignal = (typeof askSignal.enumValues)[number];
export type AskType = (typeof askType.enumValues)[number];
export type AskStatus = (typeof askStatus.enumValues)[number];
export type ConsentScope = (typeof consentScope.enumValues)[number];
export type OpportunityStage = (typeof opportunityStage.enumValues)[number];

/** withdrawn: the advocate withdrew the consent it rested on. */
export const referenceRequestStatus = pgEnum("reference_request_status", [
  "asked",
  "accepted",
  "declined",
  "withdrawn",
]);

/** Sales or marketing asks an advocate to take one reference call with a prospect. */
export const referenceRequests = pgTable(
  "reference_requests",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    advocateId: text("advocate_id")
      .notNull()
      .references(() => users.id),
    consentId: text("consent_id")
      .notNull()
      .references(() => consents.id),
    prospectCompany: text("prospect_company").notNull(),
    notes: text("notes").notNull().default(""),
    requestedById: text("requested_by_id").references(() => users.id),
    status: referenceRequestStatus("status").notNull().default("asked"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reference_requests_advocate_idx").on(t.advocateId, t.createdAt),
    index("reference_requests_account_idx").on(t.accountId),
    index("reference_requests_consent_idx").on(t.consentId),
    index("reference_requests_requested_by_idx").on(t.requestedById),
  ],
);

export type ReferenceRequest = typeof referenceRequests.$inferSelect;
export type ReferenceRequestStatus = (typeof referenceRequestStatus.enumValues)[number];

/** draft → in_review (sent to the advocate) → approved, or changes_requested (a new version follows). */
export const caseStudyStatus = pgEnum("case_study_status", ["draft", "in_review", "changes_requested", "approved"]);

/** One version of a case study's Markdown draft; every save is a new version. */
export const caseStudyVersions = pgTable(
  "case_study_versions",
  {
    id: text("id").primaryKey(),
    opportunityId: text("opportunity_id")
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: caseStudyStatus("status").notNull().default("draft"),
    authorId: text("author_id").references(() => users.id),
    reviewComment: text("review_comment").notNull().default(""),
    reviewedById: text("reviewed_by_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("case_study_versions_opportunity_version_idx").on(t.opportunityId, t.version),
    index("case_study_versions_account_idx").on(t.accountId, t.status),
    index("case_study_versions_author_idx").on(t.authorId),
    index("case_study_versions_reviewed_by_idx").on(t.reviewedById),
  ],
);

/**
 * The review conversation on a case study: marketing and the customer comment on a version, may
 * quote a passage of it, and staff mark a comment resolved once a later version deals with it.
 */
export const caseStudyComments = pgTable(
  "case_study_comments",
  {
    id: text("id").primaryKey(),
    opportunityId: text("opportunity_id")
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    versionId: text("version_id")
      .notNull()
      .references(() => caseStudyVersions.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    /** The passage of the draft the comment is about, as the commenter selected it (plain text). */
    quote: text("quote").notNull().default(""),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedById: text("resolved_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_study_comments_opportunity_idx").on(t.opportunityId, t.createdAt),
    index("case_study_comments_version_idx").on(t.versionId),
    index("case_study_comments_account_idx").on(t.accountId),
    index("case_study_comments_author_idx").on(t.authorId),
    index("case_study_comments_resolved_by_idx").on(t.resolvedById),
    check("case_study_comments_body_length", sql`char_length(${t.body}) between 1 and 2000`),
    check("case_study_comments_quote_length", sql`char_length(${t.quote}) <= 500`),
  ],
);

export type CaseStudyVersion = typeof caseStudyVersions.$inferSelect;
export type CaseStudyComment = typeof caseStudyComments.$inferSelect;
export type CaseStudyStatus = (typeof caseStudyStatus.enumValues)[number];
