import { and, desc, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { type telemetryIngestDaily, telemetryWriteKeys } from "~db/schema";
import { DAY_MS } from "~/lib/time";
import { newId } from "~/lib/ids.server";
import { dayOf } from "./rollups";

/** Rejected events kept per write key and reason; older ones are pruned as new ones arrive. */
export const SAMPLES_KEPT = 20;
/** At most this many samples per reason from one request: a batch of 2,500 bad events writes 5. */
const SAMPLES_PER_REQUEST = 5;
/** How much of a rejected event is kept. */
export const SAMPLE_PAYLOAD_CHARS = 1000;
/** The health page's window, in UTC days (today included). */
const HEALTH_DAYS = 7;
/** Samples the health page shows per key and reason. */
const SAMPLES_SHOWN = 3;

export interface RejectedEvent {
  reason: string;
  messageId: string | null;
  /** The event as sent (any JSON value); stored as JSON, cut short. */
  raw: unknown;
}

export interface IngestTally {
  accepted: number;
  duplicates: number;
  /** Accepted events that matched no account (also counted in `accepted`). */
  unmatched: number;
  rejected: RejectedEvent[];
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** Text PostgreSQL can store: no NUL (an event may be rejected for carrying one), bounded. */
function storable(text: string, max: number): string {
  return text.replaceAll("\u0000", "\ufffd").slice(0, max);
}

function payloadOf(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  // JSON escapes NUL as the six characters \u0000, so this only guards the String() fallback.
  return storable(text, SAMPLE_PAYLOAD_CHARS);
}

/**
 * Adds one request's verdicts to its key's daily counts and keeps samples of its rejections.
 * Called last in the ingest's transaction: the counter rows are shared by every request of the
 * key and day, so their row locks are held only for the moment before commit.
 */
export async function recordIngestStats(tx: Executor, writeKeyId: string, receivedAt: Date, tally: IngestTally) {
  const day = dayOf(receivedAt);
  const reasons = new Map<string, RejectedEvent[]>();
  for (const rejection of tally.rejected) {
    const list = reasons.get(rejection.reason) ?? [];
    list.push(rejection);
    reasons.set(rejection.reason, list);
  }
  const rows = [
    { verdict: "accepted", reason: "", events: tally.accepted },
    { verdict: "duplicate", reason: "", events: tally.duplicates },
    { verdict: "unmatched", reason: "", events: tally.unmatched },
    ...[...reasons].map(([reason, list]) => ({ verdict: "rejected", reason, events: list.length })),
  ].filter((row) => row.events > 0);

  if (reasons.size > 0) {
    const samples = [...reasons.values()].flatMap((list) =>
      list.slice(0, SAMPLES_PER_REQUEST).map((rejection) => ({
        id: newId(),
        reason: rejection.reason,
        message_id: rejection.messageId === null ? null : storable(rejection.messageId, 200),
        payload: payloadOf(rejection.raw),
      })),
    );
    await tx.execute(sql`
      insert into telemetry_rejection_samples (id, write_key_id, reason, message_id, payload, received_at)
      select id, ${writeKeyId}, reason, message_id, payload, ${receivedAt.toISOString()}::timestamptz
      from jsonb_to_recordset(${json(samples)}) as x(id text, reason text, message_id text, payload text)`);
    await tx.execute(sql`
      delete from telemetry_rejection_samples s using (
        select id, row_number() over (partition by reason order by received_at desc, id desc) as rank
        from telemetry_rejection_samples
        where write_key_id = ${writeKeyId} and reason in (select jsonb_array_elements_text(${json([...reasons.keys()])}))
      ) r
      where s.id = r.id and r.rank > ${SAMPLES_KEPT}`);
  }
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into telemetry_ingest_daily as d (write_key_id, day, verdict, reason, events)
    select ${writeKeyId}, ${day}::date, verdict, reason, events
    from jsonb_to_recordset(${json(rows)}) as x(verdict text, reason text, events int)
    order by verdict, reason
    on conflict (write_key_id, day, verdict, reason) do update set events = d.events + excluded.events`);
}

/** A request refused as a whole (not JSON, too large, …) after its key was recognised: one rejection. */
export async function recordRequestRejection(writeKeyId: string, receivedAt: Date, reason: string, detail: string) {
  await db.transaction((tx) =>
    recordIngestStats(tx, writeKeyId, receivedAt, {
      accepted: 0,
      duplicates: 0,
      unmatched: 0,
      rejected: [{ reason, messageId: null, raw: detail }],
    }),
  );
}

export type Verdict = (typeof telemetryIngestDaily.$inferSelect)["verdict"];
export type DayCounts = Record<Verdict, number>;

const zero = (): DayCounts => ({ accepted: 0, duplicate: 0, rejected: 0, unmatched: 0 });

/**
 * The ingestion health page: for each write key (active ones, and revoked ones that sent in the
 * window), its counts per UTC day of the last week and in total, and its rejection reasons with a
 * few recent samples. Four queries whatever the traffic.
 */
export async function getIngestionHealth(now: Date) {
  const days = Array.from({ length: HEALTH_DAYS }, (_, index) => dayOf(new Date(now.getTime() - index * DAY_MS)));
  const from = days[days.length - 1]!;
  const fromInstant = `${from}T00:00:00Z`;
  const [counts, reasons, samples] = await Promise.all([
    db.execute<{ write_key_id: string; day: string; verdict: Verdict; events: number }>(sql`
      select write_key_id, day::text as day, verdict, sum(events)::int as events
      from telemetry_ingest_daily where day >= ${from}::date
      group by write_key_id, day, verdict`),
    db.execute<{ write_key_id: string; reason: string; events: number }>(sql`
      select write_key_id, reason, sum(events)::int as events
      from telemetry_ingest_daily where day >= ${from}::date and verdict = 'rejected'
      group by write_key_id, reason order by write_key_id, sum(events) desc, reason`),
    db.execute<{
      write_key_id: string;
      reason: string;
      message_id: string | null;
      payload: string;
      received_at: string;
    }>(sql`
      select write_key_id, reason, message_id, payload, received_at from (
        select *, row_number() over (partition by write_key_id, reason order by received_at desc, id desc) as rank
        from telemetry_rejection_samples where received_at >= ${fromInstant}::timestamptz
      ) s where rank <= ${SAMPLES_SHOWN} order by received_at desc`),
  ]);
  const sending = [...new Set(counts.map((row) => row.write_key_id))];
  const keys = await db
    .select({ id: telemetryWriteKeys.id, name: telemetryWriteKeys.name, revokedAt: telemetryWriteKeys.revokedAt })
    .from(telemetryWriteKeys)
    .where(
      and(
        // Read keys send nothing: the ingestion health page is about sources.
        eq(telemetryWriteKeys.scope, "ingest"),
        or(
          isNull(telemetryWriteKeys.revokedAt),
          sending.length > 0 ? inArray(telemetryWriteKeys.id, sending) : undefined,
          gte(telemetryWriteKeys.revokedAt, new Date(fromInstant)),
        ),
      ),
    )
    .orderBy(sql`${telemetryWriteKeys.revokedAt} is not null`, desc(telemetryWriteKeys.createdAt))
    .limit(200);

  return keys.map((key) => {
    const byDay = new Map(days.map((day) => [day, zero()]));
    const total = zero();
    for (const row of counts) {
      if (row.write_key_id !== key.id) continue;
      const cell = byDay.get(row.day);
      if (!cell) continue;
      cell[row.verdict] += Number(row.events);
      total[row.verdict] += Number(row.events);
    }
    return {
      id: key.id,
      name: key.name,
      revoked: key.revokedAt !== null,
      days: days.map((day) => ({ day, ...byDay.get(day)! })),
      total,
      reasons: reasons
        .filter((row) => row.write_key_id === key.id)
        .map((row) => ({
          reason: row.reason,
          events: Number(row.events),
          samples: samples
            .filter((sample) => sample.write_key_id === key.id && sample.reason === row.reason)
            .map((sample) => ({
              messageId: sample.message_id,
              payload: sample.payload,
              receivedAt: new Date(sample.received_at),
            })),
        })),
    };
  });
}
