import { asc, ilike, isNull, or, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { escapeLike } from "~/lib/like";
import { accounts } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { claimAccountExternalId } from "~/domain/people/accounts.server";
import { ACCOUNT_CHOICES, UNMATCHED_PAGE_SIZE } from "./unmatched";
import { lockUsageAccounts } from "./usage-locks.server";

/** How much of a sample event the page shows. */
const SAMPLE_CHARS = 600;

export interface UnmatchedRow {
  id: string;
  events: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  sample: string | null;
}

type Row = { id: string; events: number; first_seen_at: string; last_seen_at: string; sample: string | null };

const toRow = (row: Row): UnmatchedRow => ({
  id: row.id,
  events: Number(row.events),
  firstSeenAt: new Date(row.first_seen_at),
  lastSeenAt: new Date(row.last_seen_at),
  sample: row.sample,
});

/** The newest event of the page's groups, one each, as the page shows it (its JSON, cut short). */
const sampleColumn = sql.raw(`left(jsonb_strip_nulls(jsonb_build_object(
  'type', s.type, 'event', s.event, 'userId', s.user_id, 'anonymousId', s.anonymous_id, 'groupId', s.group_id,
  'messageId', s.message_id, 'timestamp', s.occurred_at, 'properties', s.properties, 'traits', s.traits))::text, ${SAMPLE_CHARS})`);

/**
 * Events kept aside for want of an account, by the vendor's group id, most recently seen first;
 * and the product users whose events carry no group at all. Two queries, each one page (one row
 * more than the page, to tell whether there is a next one).
 */
export async function listUnmatched(page: { groups: number; users: number }) {
  const limit = UNMATCHED_PAGE_SIZE + 1;
  const [groups, users] = await Promise.all([
    db.execute<Row>(sql`
      select g.id, g.events, g.first_seen_at, g.last_seen_at, ${sampleColumn} as sample
      from (
        select group_id as id, count(*)::int as events, min(received_at) as first_seen_at, max(received_at) as last_seen_at
        from telemetry_events where account_id is null and group_id is not null
        group by group_id order by max(received_at) desc, group_id limit ${limit} offset ${page.groups * UNMATCHED_PAGE_SIZE}
      ) g
      left join lateral (
        select * from telemetry_events e where e.account_id is null and e.group_id = g.id
        order by e.received_at desc limit 1
      ) s on true
      order by g.last_seen_at desc, g.id`),
    db.execute<Row>(sql`
      select u.id, u.events, u.first_seen_at, u.last_seen_at, ${sampleColumn} as sample
      from (
        select user_id as id, count(*)::int as events, min(received_at) as first_seen_at, max(received_at) as last_seen_at
        from telemetry_events where account_id is null and group_id is null and user_id is not null
        group by user_id order by max(received_at) desc, user_id limit ${limit} offset ${page.users * UNMATCHED_PAGE_SIZE}
      ) u
      left join lateral (
        select * from telemetry_events e where e.account_id is null and e.group_id is null and e.user_id = u.id
        order by e.received_at desc limit 1
      ) s on true
      order by u.last_seen_at desc, u.id`),
  ]);
  return {
    groups: groups.slice(0, UNMATCHED_PAGE_SIZE).map(toRow),
    hasMoreGroups: groups.length > UNMATCHED_PAGE_SIZE,
    users: users.slice(0, UNMATCHED_PAGE_SIZE).map(toRow),
    hasMoreUsers: users.length > UNMATCHED_PAGE_SIZE,
  };
}

/** One unmatched group's counts, or null when no event of that group is waiting. */
export async function getUnmatchedGroup(groupId: string): Promise<UnmatchedRow | null> {
  const [row] = await db.execute<Row>(sql`
    select group_id as id, count(*)::int as events, min(received_at) as first_seen_at,
      max(received_at) as last_seen_at, null as sample
    from telemetry_events where account_id is null and group_id = ${groupId} group by group_id`);
  return row ? toRow(row) : null;
}

/**
 * Accounts to link a group to, by name or external id, alphabetically and bounded. Accounts are
 * people's; telemetry only reads them, to show their names.
 */
export async function searchAccountsToLink(query: string) {
  const escaped = escapeLike(query.trim());
  return db
    .select({ id: accounts.id, name: accounts.name, externalId: accounts.externalId })
    .from(accounts)
    .where(
      escaped
        ? or(ilike(accounts.name, `%${escaped}%`), ilike(accounts.externalId, `%${escaped}%`))
        : isNull(accounts.externalId),
    )
    .orderBy(asc(accounts.name))
    .limit(ACCOUNT_CHOICES);
}

export type LinkGroupError = "not_found" | "unknown_account" | "external_id_taken" | "has_external_id";

/**
 * Links an unmatched group to an account and replays its kept events into it, in one transaction:
 * the account gets the group id as its external id (unless it has it already), the group's product
 * users join the account (and their portal person by email), the events get the account, and the
 * daily rollups grow by exactly those events — as if they had arrived matched.
 *
 * Idempotent: only events still without an account are moved, and each moved row is counted once
 * by the same statement that moves it, so a second replay (or a concurrent one, which waits on the
 * row locks and then finds nothing left) adds nothing.
 */
export async function linkUnmatchedGroup(
  actor: Actor,
  input: { groupId: string; accountId: string },
): Promise<{ ok: true; replayed: number; accountName: string } | { ok: false; error: LinkGroupError }> {
  return db.transaction(async (tx) => {
    const [waiting] = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from telemetry_events where account_id is null and group_id = ${input.groupId}`);
    const [grouped] = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from telemetry_product_users where account_id is null and group_id = ${input.groupId}`);
    if (Number(waiting?.n ?? 0) === 0 && Number(grouped?.n ?? 0) === 0) return { ok: false, error: "not_found" };

    const claimed = await claimAccountExternalId(tx, actor, input.accountId, input.groupId);
    if (!claimed.ok) return claimed;
    // Before the product users' row locks, in the order every writer of the usage aggregates takes them.
    await lockUsageAccounts(tx, [input.accountId]);

    await tx.execute(sql`
      update telemetry_product_users set account_id = ${input.accountId}
      where group_id = ${input.groupId} and account_id is null`);
    // Product users are linked to the portal person of their own account with the same email.
    await tx.execute(sql`
      update telemetry_product_users p set person_id = u.id
      from users u
      where p.group_id = ${input.groupId} and p.account_id = ${input.accountId} and p.email is not null
        and u.account_id = p.account_id and lower(u.email) = lower(p.email)
        and p.person_id is distinct from u.id`);

    // The same rules as rollupsOf (rollups.ts) and addToKeyFeatureRollups: track calls with an event
    // name, on their UTC day;
    // per product user only when there is one, anonymous events under "" per event name.
    const [replayed] = await tx.execute<{ n: number }>(sql`
      with moved as (
        update telemetry_events set account_id = ${input.accountId}
        where account_id is null and group_id = ${input.groupId}
        returning type, event, product_user_id, properties, (occurred_at at time zone 'UTC')::date as day
      ),
      usage as (select * from moved where type = 'track' and event is not null),
      by_account as (
        insert into telemetry_daily_accounts as d (account_id, day, events)
        select ${input.accountId}, day, count(*)::int from usage group by day order by day
        on conflict (account_id, day) do update set events = d.events + excluded.events
      ),
      by_user as (
        insert into telemetry_daily_users as d (account_id, day, product_user_id, events)
        select ${input.accountId}, day, product_user_id, count(*)::int from usage
        where product_user_id is not null group by day, product_user_id order by day, product_user_id
        on conflict (account_id, day, product_user_id) do update set events = d.events + excluded.events
      ),
      by_event as (
        insert into telemetry_daily_events as d (account_id, day, event, product_user_id, events)
        select ${input.accountId}, day, event, coalesce(product_user_id, ''), count(*)::int from usage
        group by day, event, coalesce(product_user_id, '') order by 2, 3, 4
        on conflict (account_id, day, event, product_user_id) do update set events = d.events + excluded.events
      ),
      -- Key features with a property filter have their own rollup (key-feature-rollups.server.ts).
      by_key_feature as (
        insert into telemetry_daily_key_features as d (account_id, key_feature_id, day, product_user_id, events)
        select ${input.accountId}, f.id, u.day, coalesce(u.product_user_id, ''), count(*)::int
        from usage u
        join telemetry_key_features f
          on f.event = u.event and f.property_key is not null and u.properties ->> f.property_key = f.property_value
        group by f.id, u.day, coalesce(u.product_user_id, '') order by 2, 3, 4
        on conflict (account_id, key_feature_id, day, product_user_id) do update set events = d.events + excluded.events
      )
      select count(*)::int as n from moved`);
    return { ok: true, replayed: Number(replayed?.n ?? 0), accountName: claimed.name };
  });
}
