import { type AnyColumn, and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { events } from "~db/schema";
import { newId } from "~/lib/ids.server";
import type { DomainEvent, DomainEventInput, EventPayloads, EventType } from "./types";

/**
 * Records a domain event. Call it with the transaction that makes the change, so the event exists
 * exactly when the change does; whoever reacts to it does so after commit.
 */
export async function recordEvent(tx: Executor, event: DomainEventInput): Promise<string> {
  const [id] = await recordEvents(tx, [event]);
  return id!;
}

// Rows per insert: well under PostgreSQL's limit of 65,535 parameters per statement.
const INSERT_BATCH = 1000;

/** Records many events at once (a scheduled job's batch), in the caller's transaction as recordEvent does. */
export async function recordEvents(tx: Executor, batch: readonly DomainEventInput[]): Promise<string[]> {
  const rows = batch.map((event) => ({
    id: newId(),
    type: event.type,
    accountId: event.accountId,
    actorId: event.actorId,
    subjectId: event.subjectId,
    payload: event.payload,
    ...(event.occurredAt ? { occurredAt: event.occurredAt } : {}),
  }));
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await tx.insert(events).values(rows.slice(start, start + INSERT_BATCH));
  }
  return rows.map((row) => row.id);
}

/** Which recorded events a check looks for: their type and any of these fields (payload fields compared as text). */
export interface EventMatch<T extends EventType> {
  type: T;
  accountId?: string;
  actorId?: string;
  subjectId?: string | SQL;
  payload?: Partial<Record<keyof EventPayloads[T], string | SQL>>;
}

function matchConditions<T extends EventType>(match: EventMatch<T>): SQL[] {
  const conditions: SQL[] = [eq(events.type, match.type)];
  if (match.accountId !== undefined) conditions.push(eq(events.accountId, match.accountId));
  if (match.actorId !== undefined) conditions.push(eq(events.actorId, match.actorId));
  if (match.subjectId !== undefined) conditions.push(sql`${events.subjectId} = ${match.subjectId}`);
  for (const [key, value] of Object.entries(match.payload ?? {}) as [string, string | SQL][]) {
    conditions.push(sql`${events.payload} ->> ${key} = ${value}`);
  }
  return conditions;
}

/** Whether a matching event was recorded: for "once per …" events, asked in the transaction that would record it. */
export async function hasEvent<T extends EventType>(executor: Executor, match: EventMatch<T>): Promise<boolean> {
  const [row] = await executor
    .select({ id: events.id })
    .from(events)
    .where(and(...matchConditions(match)))
    .limit(1);
  return row !== undefined;
}

/**
 * The same check as an SQL condition, for a query that picks only what has no event yet in one
 * statement (fields may be SQL naming the outer query's columns).
 */
export function eventExists<T extends EventType>(match: EventMatch<T>): SQL {
  return sql`exists (select 1 from ${events} where ${and(...matchConditions(match))})`;
}

/**
 * An SQL condition: some event of `type` for the account `accountId` (the outer query's column)
 * has one of the payload fields `keys` matching the ILIKE `pattern` (escaped by the caller).
 */
export function eventTextMatches<T extends EventType>(
  type: T,
  accountId: SQL | AnyColumn,
  keys: readonly (keyof EventPayloads[T] & string)[],
  pattern: string,
): SQL {
  const matches = keys.map((key) => sql`${events.payload} ->> ${key} ilike ${pattern}`);
  return sql`exists (select 1 from ${events} where ${events.type} = ${type} and ${events.accountId} = ${accountId} and (${sql.join(matches, sql` or `)}))`;
}

/** Events of one type (and optionally one account), oldest first. */
export async function listEvents<T extends EventType>(
  type: T,
  filter: { accountId?: string } = {},
  executor: Executor = db,
): Promise<Extract<DomainEvent, { type: T }>[]> {
  const conditions: SQL[] = [eq(events.type, type)];
  if (filter.accountId) conditions.push(eq(events.accountId, filter.accountId));
  const rows = await executor
    .select()
    .from(events)
    .where(and(...conditions))
    .orderBy(asc(events.occurredAt), asc(events.id));
  // The payload's shape is guaranteed by the writers' types: recordEvent and recordEvents.
  return rows as Extract<DomainEvent, { type: T }>[];
}

/** One event by id, or null. */
export async function getEvent(id: string, executor: Executor = db): Promise<DomainEvent | null> {
  const [row] = await executor.select().from(events).where(eq(events.id, id)).limit(1);
  // See listEvents: the payload's shape is guaranteed by the writers' types.
  return (row as DomainEvent | undefined) ?? null;
}

/** Events by id (any order), one query per 5,000; unknown ids are left out. */
export async function getEvents(ids: readonly string[], executor: Executor = db): Promise<DomainEvent[]> {
  const found: DomainEvent[] = [];
  for (let start = 0; start < ids.length; start += 5000) {
    const rows = await executor
      .select()
      .from(events)
      .where(inArray(events.id, ids.slice(start, start + 5000)));
    // See listEvents: the payload's shape is guaranteed by the writers' types.
    found.push(...(rows as DomainEvent[]));
  }
  return found;
}

/** Events of one type for several accounts at once (one query), oldest first. */
export async function listEventsForAccounts<T extends EventType>(
  type: T,
  accountIds: readonly string[],
  executor: Executor = db,
): Promise<Extract<DomainEvent, { type: T }>[]> {
  if (accountIds.length === 0) return [];
  const rows = await executor
    .select()
    .from(events)
    .where(and(eq(events.type, type), inArray(events.accountId, [...accountIds])))
    .orderBy(asc(events.occurredAt), asc(events.id));
  return rows as Extract<DomainEvent, { type: T }>[];
}
