import { sql } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import { newId } from "~/lib/ids.server";
import { type ValidEvent, namesFromTraits } from "./events";
import { type RejectedEvent, recordIngestStats } from "./ingest-stats.server";
import { addToKeyFeatureRollups } from "./key-feature-rollups.server";
import { type RollupRows, rollupsOf } from "./rollups";
import { lockUsageAccounts } from "./usage-locks.server";

/** Months whose partition this process has made sure of; one round trip per month, not per request. */
const ensuredMonths = new Set<string>();

function monthOf(date: Date, offset = 0): string {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

/** The partition for the month being received into, and the next one ahead of time. */
async function ensurePartitions(receivedAt: Date) {
  for (const month of [monthOf(receivedAt), monthOf(receivedAt, 1)]) {
    if (ensuredMonths.has(month)) continue;
    await db.execute(sql`select telemetry_ensure_partition(${month}::date)`);
    ensuredMonths.add(month);
  }
}

interface UserState {
  /** The group stored before this request, to tell a move from a repeat of the same group. */
  storedGroupId: string | null;
  groupId: string | null;
  groupedAt: Date | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  email: string | null;
  name: string | null;
  namedAt: Date | null;
  touched: boolean;
  regrouped: boolean;
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * Accounts by external id, for the given group ids and for the stored groups of the given product
 * users: one query, so it can run alongside the others. Accounts are people's; reading them by
 * external id is the one join telemetry makes into that area.
 */
async function lookUpAccounts(tx: Transaction, groupIds: string[], userIds: string[]): Promise<Map<string, string>> {
  if (groupIds.length === 0 && userIds.length === 0) return new Map();
  const rows = await tx.execute<{ id: string; external_id: string }>(sql`
    select a.id, a.external_id from accounts a
    where a.external_id in (select jsonb_array_elements_text(${json(groupIds)}))
       or a.external_id in (
         select p.group_id from telemetry_product_users p
         where p.external_id in (select jsonb_array_elements_text(${json(userIds)})))`);
  return new Map(rows.map((row) => [row.external_id, row.id]));
}

async function loadUsers(tx: Transaction, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await tx.execute<{ external_id: string; group_id: string | null; grouped_at: string | null }>(sql`
    select external_id, group_id, grouped_at from telemetry_product_users
    where external_id in (select jsonb_array_elements_text(${json(userIds)}))`);
  return rows.map((row) => ({
    externalId: row.external_id,
    groupId: row.group_id,
    groupedAt: row.grouped_at === null ? null : new Date(row.grouped_at),
  }));
}

/** Keeps the messageIds never seen before (claiming them); the rest are duplicates. */
async function claimMessageIds(tx: Transaction, writeKeyId: string, ids: string[], receivedAt: Date) {
  // Sorted, so two requests claiming overlapping ids lock them in the same order.
  const rows = await tx.execute<{ message_id: string }>(sql`
    insert into telemetry_message_ids (write_key_id, message_id, received_at)
    select ${writeKeyId}, m, ${receivedAt.toISOString()}::timestamptz
    from jsonb_array_elements_text(${json(ids)}) as m order by m
    on conflict do nothing
    returning message_id`);
  return new Set(rows.map((row) => row.message_id));
}

/** Walks the batch in order: each event's account, and what it tells about its product user. */
function resolveEvents(
  events: ValidEvent[],
  users: Map<string, UserState>,
  accountOf: Map<string, string>,
): { event: ValidEvent; groupId: string | null; accountId: string | null }[] {
  return events.map((event) => {
    const user = event.userId ? users.get(event.userId) : undefined;
    if (user) {
      user.touched = true;
      if (event.occurredAt < user.firstSeenAt) user.firstSeenAt = event.occurredAt;
      if (event.occurredAt > user.lastSeenAt) user.lastSeenAt = event.occurredAt;
      if (event.groupId && (!user.groupedAt || event.occurredAt >= user.groupedAt)) {
        user.groupId = event.groupId;
        user.groupedAt = event.occurredAt;
        user.regrouped = true;
      }
      if (event.type === "identify" && (!user.namedAt || event.occurredAt >= user.namedAt)) {
        const { email, name } = namesFromTraits(event.traits);
        user.email = email ?? user.email;
        user.name = name ?? user.name;
        user.namedAt = event.occurredAt;
      }
    }
    const groupId = event.groupId ?? user?.groupId ?? null;
    return { event, groupId, accountId: groupId ? (accountOf.get(groupId) ?? null) : null };
  });
}

async function upsertProductUsers(
  tx: Transaction,
  users: Map<string, UserState>,
  accountOf: Map<string, string>,
): Promise<Map<string, string>> {
  const rows = [...users.entries()]
    .filter(([, user]) => user.touched)
    .map(([externalId, user]) => ({
      id: newId(),
      external_id: externalId,
      group_id: user.regrouped ? user.groupId : null,
      grouped_at: user.regrouped ? user.groupedAt : null,
      account_id: user.regrouped && user.groupId ? (accountOf.get(user.groupId) ?? null) : null,
      email: user.email,
      name: user.name,
      first_seen_at: user.firstSeenAt,
      last_seen_at: user.lastSeenAt,
    }));
  if (rows.length === 0) return new Map();
  // A regrouping older than the stored one loses: the user stays with the account of its latest group call.
  const moves = sql.raw(
    `excluded.grouped_at is not null and (p.grouped_at is null or excluded.grouped_at >= p.grouped_at)`,
  );
  const saved = await tx.execute<{ id: string; external_id: string }>(sql`
    insert into telemetry_product_users as p
      (id, external_id, group_id, grouped_at, account_id, email, name, first_seen_at, last_seen_at)
    select id, external_id, group_id, grouped_at, account_id, email, name, first_seen_at, last_seen_at
    from jsonb_to_recordset(${json(rows)}) as x(
      id text, external_id text, group_id text, grouped_at timestamptz, account_id text,
      email text, name text, first_seen_at timestamptz, last_seen_at timestamptz)
    order by external_id
    on conflict (external_id) do update set
      first_seen_at = least(p.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(p.last_seen_at, excluded.last_seen_at),
      email = coalesce(excluded.email, p.email),
      name = coalesce(excluded.name, p.name),
      group_id = case when ${moves} then excluded.group_id else p.group_id end,
      account_id = case when ${moves} then excluded.account_id else p.account_id end,
      grouped_at = case when ${moves} then excluded.grouped_at else p.grouped_at end
    returning id, external_id`);
  // Only a new email or a new account can change who the product user is in the portal.
  const named = [...users.entries()]
    .filter(([, user]) => user.touched && (user.email || (user.regrouped && user.groupId !== user.storedGroupId)))
    .map(([externalId]) => externalId);
  if (named.length > 0) {
    // Product users are linked to the portal person of their own account with the same email.
    await tx.execute(sql`
      update telemetry_product_users p set person_id = u.id
      from users u
      where p.external_id in (select jsonb_array_elements_text(${json(named)}))
        and p.email is not null and p.account_id is not null
        and u.account_id = p.account_id and lower(u.email) = lower(p.email)
        and p.person_id is distinct from u.id`);
  }
  return new Map(saved.map((row) => [row.external_id, row.id]));
}

async function insertRawEvents(
  tx: Transaction,
  input: { writeKeyId: string; receivedAt: Date },
  resolved: ReturnType<typeof resolveEvents>,
  productUserIds: Map<string, string>,
) {
  const rows = resolved.map(({ event, groupId, accountId }) => ({
    message_id: event.messageId,
    type: event.type,
    event: event.event,
    user_id: event.userId,
    anonymous_id: event.anonymousId,
    group_id: groupId,
    account_id: accountId,
    product_user_id: event.userId ? (productUserIds.get(event.userId) ?? null) : null,
    occurred_at: event.occurredAt,
    original_timestamp: event.originalTimestamp,
    sent_at: event.sentAt,
    properties: event.properties,
    traits: event.traits,
    context: event.context,
  }));
  await tx.execute(sql`
    insert into telemetry_events
      (received_at, write_key_id, message_id, type, event, user_id, anonymous_id, group_id, account_id,
       product_user_id, occurred_at, original_timestamp, sent_at, properties, traits, context)
    select ${input.receivedAt.toISOString()}::timestamptz, ${input.writeKeyId}, x.*
    from jsonb_to_recordset(${json(rows)}) as x(
      message_id text, type text, event text, user_id text, anonymous_id text, group_id text, account_id text,
      product_user_id text, occurred_at timestamptz, original_timestamp timestamptz, sent_at timestamptz,
      properties jsonb, traits jsonb, context jsonb)`);
}

/** The three rollup upserts, sent together (pipelined on the transaction's connection). */
async function addToRollups(tx: Transaction, rollups: RollupRows) {
  // First the usage aggregates' locks of every account the batch counts for (see usage-locks.server.ts).
  const writes: Promise<unknown>[] = [
    lockUsageAccounts(
      tx,
      rollups.accounts.map((row) => row.account_id),
    ),
  ];
  if (rollups.accounts.length > 0) {
    writes.push(
      tx.execute(sql`
      insert into telemetry_daily_accounts as d (account_id, day, events)
      select * from jsonb_to_recordset(${json(rollups.accounts)}) as x(account_id text, day date, events int)
      order by 1, 2
      on conflict (account_id, day) do update set events = d.events + excluded.events`),
    );
  }
  if (rollups.users.length > 0) {
    writes.push(
      tx.execute(sql`
      insert into telemetry_daily_users as d (account_id, day, product_user_id, events)
      select * from jsonb_to_recordset(${json(rollups.users)}) as x(account_id text, day date, product_user_id text, events int)
      order by 1, 2, 3
      on conflict (account_id, day, product_user_id) do update set events = d.events + excluded.events`),
    );
  }
  if (rollups.events.length > 0) {
    writes.push(
      tx.execute(sql`
      insert into telemetry_daily_events as d (account_id, day, event, product_user_id, events)
      select * from jsonb_to_recordset(${json(rollups.events)})
        as x(account_id text, day date, event text, product_user_id text, events int)
      order by 1, 2, 3, 4
      on conflict (account_id, day, event, product_user_id) do update set events = d.events + excluded.events`),
    );
  }
  await Promise.all(writes);
}

/**
 * Stores a request's valid events in one transaction: claims their messageIds (a known id is a
 * duplicate and changes nothing), maps each to an account by its group, keeps the product users
 * current, writes the raw events and adds them to the daily rollups. Returns the messageIds
 * accepted (each for its first occurrence in the request); every other valid event is a duplicate.
 * The request's verdicts, with its `rejected` events, go to the key's ingestion health counts in
 * the same transaction.
 */
export async function ingestEvents(input: {
  writeKeyId: string;
  events: ValidEvent[];
  receivedAt: Date;
  rejected?: RejectedEvent[];
}): Promise<Set<string>> {
  const rejected = input.rejected ?? [];
  const firsts = new Map<string, ValidEvent>();
  for (const event of input.events) if (!firsts.has(event.messageId)) firsts.set(event.messageId, event);
  if (firsts.size === 0) {
    if (rejected.length > 0) {
      await db.transaction((tx) =>
        recordIngestStats(tx, input.writeKeyId, input.receivedAt, {
          accepted: 0,
          duplicates: 0,
          unmatched: 0,
          rejected,
        }),
      );
    }
    return new Set<string>();
  }
  await ensurePartitions(input.receivedAt);

  // The three reads are independent of each other, so they go out together (postgres.js pipelines
  // queries sent at once on the transaction's connection): one round trip instead of three. The
  // users and accounts are looked up for every event of the request, duplicates included.
  const requestUserIds = [...new Set([...firsts.values()].flatMap((event) => (event.userId ? [event.userId] : [])))];
  const requestGroupIds = [...new Set([...firsts.values()].flatMap((event) => (event.groupId ? [event.groupId] : [])))];
  return db.transaction(async (tx) => {
    const [fresh, stored, accountOf] = await Promise.all([
      claimMessageIds(tx, input.writeKeyId, [...firsts.keys()], input.receivedAt),
      loadUsers(tx, requestUserIds),
      lookUpAccounts(tx, requestGroupIds, requestUserIds),
    ]);
    const events = [...firsts.values()].filter((event) => fresh.has(event.messageId));
    if (events.length === 0) {
      await recordIngestStats(tx, input.writeKeyId, input.receivedAt, {
        accepted: 0,
        duplicates: input.events.length,
        unmatched: 0,
        rejected,
      });
      return fresh;
    }

    const storedBy = new Map(stored.map((row) => [row.externalId, row]));
    const users = new Map<string, UserState>();
    for (const event of events) {
      const externalId = event.userId;
      if (!externalId || users.has(externalId)) continue;
      const known = storedBy.get(externalId);
      const seen = event.occurredAt;
      users.set(externalId, {
        storedGroupId: known?.groupId ?? null,
        groupId: known?.groupId ?? null,
        groupedAt: known?.groupedAt ?? null,
        firstSeenAt: seen,
        lastSeenAt: seen,
        email: null,
        name: null,
        namedAt: null,
        touched: false,
        regrouped: false,
      });
    }
    const resolved = resolveEvents(events, users, accountOf);
    const productUserIds = await upsertProductUsers(tx, users, accountOf);
    const rollups = rollupsOf(
      resolved.map(({ event, accountId }) => ({
        type: event.type,
        event: event.event,
        accountId,
        productUserId: event.userId ? (productUserIds.get(event.userId) ?? null) : null,
        occurredAt: event.occurredAt,
      })),
    );
    // Sent together, executed in this order: the raw events, then the rows every request of the
    // account and key shares (rollups, health counts), whose locks are so held the least.
    await Promise.all([
      insertRawEvents(tx, input, resolved, productUserIds),
      addToRollups(tx, rollups),
      recordIngestStats(tx, input.writeKeyId, input.receivedAt, {
        accepted: events.length,
        duplicates: input.events.length - events.length,
        unmatched: resolved.filter((row) => row.accountId === null).length,
        rejected,
      }),
    ]);
    await addToKeyFeatureRollups(
      tx,
      resolved.flatMap(({ event, accountId }) =>
        event.type === "track" && accountId && event.event
          ? [
              {
                accountId,
                event: event.event,
                productUserId: event.userId ? (productUserIds.get(event.userId) ?? null) : null,
                occurredAt: event.occurredAt,
                properties: event.properties,
              },
            ]
          : [],
      ),
    );
    return fresh;
  });
}
