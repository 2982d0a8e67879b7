import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { events } from "~db/schema";
import { newId } from "~/lib/ids.server";
import type { DomainEvent, DomainEventInput, EventType } from "./types";

/**
 * Records a domain event. Call it with the transaction that makes the change, so the event exists
 * exactly when the change does; whoever reacts to it does so after commit.
 */
export async function recordEvent(tx: Executor, event: DomainEventInput): Promise<string> {
  const id = newId();
  await tx.insert(events).values({
    id,
    type: event.type,
    accountId: event.accountId,
    actorId: event.actorId,
    subjectId: event.subjectId,
    payload: event.payload,
    ...(event.occurredAt ? { occurredAt: event.occurredAt } : {}),
  });
  return id;
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
  // The payload's shape is guaranteed by the writers' types: recordEvent, and recordOverdueTasks' batch insert.
  return rows as Extract<DomainEvent, { type: T }>[];
}

/** One event by id, or null. */
export async function getEvent(id: string, executor: Executor = db): Promise<DomainEvent | null> {
  const [row] = await executor.select().from(events).where(eq(events.id, id)).limit(1);
  // See listEvents: the payload's shape is guaranteed by the writers' types.
  return (row as DomainEvent | undefined) ?? null;
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
