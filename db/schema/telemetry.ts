import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { accounts, segments, users } from "./people";

/**
 * Product telemetry: usage events sent by the vendor's own product through the Segment-compatible
 * ingest API (/api/v1/*).
 *
 * The raw events live in `telemetry_events`, a table partitioned by month of `received_at`. Drizzle
 * can't declare a partitioned table, so it is created by a custom SQL migration (with the function
 * `telemetry_ensure_partition(month)`) and written with SQL from app/domain/telemetry/. Pages never
 * read it: they read the daily rollups below, which the ingest keeps current in its transaction.
 */

/** What an API key may do: send telemetry (`ingest`, a source's write key) or read accounts and health (`read`). */
export const apiKeyScope = pgEnum("api_key_scope", ["ingest", "read"]);

/**
 * An API key: a source's write key (scope `ingest`) or a read key (scope `read`). Only the SHA-256
 * of the key is stored; the prefix is kept so an admin can tell keys apart. Rotating replaces the
 * secret on the same row, so the source (and its messageId history) stays the same. The table
 * keeps the name it had when write keys were the only kind (see app/domain/telemetry/api-keys.server.ts).
 */
export const telemetryWriteKeys = pgTable(
  "telemetry_write_keys",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    scope: apiKeyScope("scope").notNull().default("ingest"),
    keyHash: text("key_hash").notNull(),
    /** The first characters of the key as shown once ("tdm_wk_Ab12…"), to recognise it later. */
    keyPrefix: text("key_prefix").notNull(),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    rotatedAt: timestamp("rotated_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("telemetry_write_keys_hash_idx").on(t.keyHash),
    index("telemetry_write_keys_created_by_idx").on(t.createdById),
  ],
);

/**
 * Every messageId a source has sent, forever: a second event with the same id is a duplicate. Kept
 * apart from the raw events because a unique index on a partitioned table must include the
 * partition key, and raw events expire while this must not.
 */
export const telemetryMessageIds = pgTable(
  "telemetry_message_ids",
  {
    writeKeyId: text("write_key_id")
      .notNull()
      .references(() => telemetryWriteKeys.id),
    messageId: text("message_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.writeKeyId, t.messageId] })],
);

/**
 * A person using the vendor's product (the `userId` the product sends), not a portal login. It
 * belongs to the account of its last `group` call (or the `context.groupId` of its events), and is
 * linked to a portal person of that account when the emails match.
 */
export const telemetryProductUsers = pgTable(
  "telemetry_product_users",
  {
    id: text("id").primaryKey(),
    /** Null while the product user's group is unknown or matches no account (unmatched). */
    accountId: text("account_id").references(() => accounts.id),
    externalId: text("external_id").notNull(),
    /** The vendor's group id last seen for this user, even when it matches no account yet. */
    groupId: text("group_id"),
    /** The timestamp of the call that set `groupId`: a late-arriving older call does not move the user back. */
    groupedAt: timestamp("grouped_at", { withTimezone: true }),
    email: text("email"),
    name: text("name"),
    personId: text("person_id").references(() => users.id),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("telemetry_product_users_external_idx").on(t.externalId),
    index("telemetry_product_users_account_idx").on(t.accountId, t.lastSeenAt),
    index("telemetry_product_users_group_idx").on(t.groupId),
    index("telemetry_product_users_person_idx").on(t.personId),
  ],
);

/** Events per account per day (UTC), for the account's usage. */
export const telemetryDailyAccounts = pgTable(
  "telemetry_daily_accounts",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    day: date("day").notNull(),
    events: integer("events").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] })],
);

/** Events per product user per day (UTC): a row is one active user on one day (DAU, WAU, MAU). */
export const telemetryDailyUsers = pgTable(
  "telemetry_daily_users",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    productUserId: text("product_user_id")
      .notNull()
      .references(() => telemetryProductUsers.id),
    day: date("day").notNull(),
    events: integer("events").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.day, t.productUserId] }),
    index("telemetry_daily_users_user_idx").on(t.productUserId),
  ],
);

/**
 * Tracked events by name per account, product user and day (UTC): which features were used by how
 * many people. Anonymous events count under an empty product user id ("").
 */
export const telemetryDailyEvents = pgTable(
  "telemetry_daily_events",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    day: date("day").notNull(),
    event: text("event").notNull(),
    productUserId: text("product_user_id").notNull().default(""),
    events: integer("events").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.day, t.event, t.productUserId] }),
    index("telemetry_daily_events_event_idx").on(t.accountId, t.event, t.day),
  ],
);

export type TelemetryWriteKey = typeof telemetryWriteKeys.$inferSelect;
export type TelemetryProductUser = typeof telemetryProductUsers.$inferSelect;

/**
 * What the ingest answered, per write key, UTC day, verdict and (for rejections) reason: the
 * ingestion health page's counts. `unmatched` counts accepted events kept aside for want of an
 * account, so it overlaps `accepted`. Not tenant data (a key belongs to the workspace), hence no
 * account_id. Updated in the transaction that stores the accepted events.
 */
export const telemetryIngestDaily = pgTable(
  "telemetry_ingest_daily",
  {
    writeKeyId: text("write_key_id")
      .notNull()
      .references(() => telemetryWriteKeys.id),
    day: date("day").notNull(),
    verdict: text("verdict", { enum: ["accepted", "duplicate", "rejected", "unmatched"] }).notNull(),
    /** The rejection reason; "" for the other verdicts. */
    reason: text("reason").notNull().default(""),
    events: integer("events").notNull(),
  },
  (t) => [primaryKey({ columns: [t.writeKeyId, t.day, t.verdict, t.reason] })],
);

/**
 * The latest rejected events per write key and reason (a few dozen at most: the ingest prunes
 * older ones), with the start of each payload, so an admin sees what the product sent wrong.
 */
export const telemetryRejectionSamples = pgTable(
  "telemetry_rejection_samples",
  {
    id: text("id").primaryKey(),
    writeKeyId: text("write_key_id")
      .notNull()
      .references(() => telemetryWriteKeys.id),
    reason: text("reason").notNull(),
    messageId: text("message_id"),
    /** The event as JSON, cut to a bounded length. */
    payload: text("payload").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("telemetry_rejection_samples_key_idx").on(t.writeKeyId, t.reason, t.receivedAt)],
);

/**
 * The events that count as the product's key features (issue 12 item 3), named by an admin.
 * Vendor-wide configuration, not a tenant's data, so it has no `account_id`: a feature applies to
 * every account, or only to the accounts of one segment. A feature may narrow its event to those
 * whose property `propertyKey` equals `propertyValue` (both set or both null).
 */
export const telemetryKeyFeatures = pgTable(
  "telemetry_key_features",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    event: text("event").notNull(),
    propertyKey: text("property_key"),
    propertyValue: text("property_value"),
    /** Null: every segment. */
    segmentId: text("segment_id").references(() => segments.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("telemetry_key_features_name_idx").on(sql`lower(${t.name})`),
    uniqueIndex("telemetry_key_features_definition_idx").on(
      t.event,
      sql`coalesce(${t.propertyKey}, '')`,
      sql`coalesce(${t.propertyValue}, '')`,
      sql`coalesce(${t.segmentId}, '')`,
    ),
    check("telemetry_key_features_filter_whole", sql`(${t.propertyKey} is null) = (${t.propertyValue} is null)`),
  ],
);

/**
 * Uses of the key features that have a property filter, per account, product user and day (UTC).
 * The per-event rollup has no properties, so a filtered feature is counted here: by the ingest as
 * events arrive, and from the raw events kept when the feature is created or its filter changes.
 * Features without a filter are read from `telemetry_daily_events` and have no rows here.
 */
export const telemetryDailyKeyFeatures = pgTable(
  "telemetry_daily_key_features",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    keyFeatureId: text("key_feature_id")
      .notNull()
      .references(() => telemetryKeyFeatures.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    productUserId: text("product_user_id").notNull().default(""),
    events: integer("events").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.keyFeatureId, t.day, t.productUserId] }),
    index("telemetry_daily_key_features_feature_idx").on(t.keyFeatureId),
  ],
);

/*
 * The Usage tab's per-account aggregates, so it reads a handful of rows instead of every product
 * user's days. Distinct counts over trailing windows can't be summed from daily counts, so each row
 * is recomputed from the per-user rollups above by statement triggers on them (migration 0032):
 * any writer — the ingest, the replay of unmatched events, a key feature's recount, the seed —
 * keeps them, inside its own transaction. A day has a row while someone is inside its 30-day
 * window, so rows run up to 29 days past the latest activity (future days hold the counts so far).
 */

/** Distinct active product users per account on the 1, 7 and 30 UTC days ending `day`. */
export const telemetryDailyActiveUsers = pgTable(
  "telemetry_daily_active_users",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    day: date("day").notNull(),
    daily: integer("daily").notNull(),
    weekly: integer("weekly").notNull(),
    monthly: integer("monthly").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] }), index("telemetry_daily_active_users_day_idx").on(t.day)],
);

/**
 * Per account, tracked event name and UTC day: that day's events (anonymous ones included) and the
 * distinct product users who sent the event in the 30 days ending `day` (key-feature adoption).
 */
export const telemetryDailyEventUsage = pgTable(
  "telemetry_daily_event_usage",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    event: text("event").notNull(),
    day: date("day").notNull(),
    events: integer("events").notNull(),
    monthlyUsers: integer("monthly_users").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.event, t.day] })],
);

/** The same for the key features with a property filter, from `telemetry_daily_key_features`. */
export const telemetryDailyKeyFeatureUsage = pgTable(
  "telemetry_daily_key_feature_usage",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    keyFeatureId: text("key_feature_id")
      .notNull()
      .references(() => telemetryKeyFeatures.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    events: integer("events").notNull(),
    monthlyUsers: integer("monthly_users").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.keyFeatureId, t.day] }),
    index("telemetry_daily_key_feature_usage_feature_idx").on(t.keyFeatureId),
  ],
);

export type TelemetryKeyFeature = typeof telemetryKeyFeatures.$inferSelect;
