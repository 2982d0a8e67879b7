import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "~db/client.server";
import { type DigestLineKind, digestLines } from "~db/schema";
import { openRunIds } from "~/domain/interventions/run-status.server";
import { newId } from "~/lib/ids.server";
import { DAY_MS } from "~/lib/time";

/** A digest carries at most this many lines per person, the newest; older ones wait at most this long. */
const DIGEST_LINES_PER_PERSON = 10;
const LINE_LIFETIME_DAYS = 30;

export interface DigestLineInput {
  accountId: string;
  userId: string;
  kind: DigestLineKind;
  params: Record<string, string>;
  href: string;
  runId?: string | null;
  /** When it was asked for (a job's clock; default now). */
  createdAt?: Date;
}

export interface DigestLine {
  id: string;
  kind: DigestLineKind;
  params: Record<string, string>;
  href: string;
}

/** Keeps lines for the people's next digests, in the caller's transaction. */
export async function addDigestLines(tx: Executor, lines: readonly DigestLineInput[]) {
  if (lines.length === 0) return;
  await tx.insert(digestLines).values(lines.map((line) => ({ id: newId(), ...line, runId: line.runId ?? null })));
}

/**
 * Each person's lines still waiting, newest first and at most DIGEST_LINES_PER_PERSON: none older
 * than 30 days, none of a playbook run whose reason has gone (the task got done, the milestone
 * achieved) — a digest doesn't report what is already fixed.
 */
export async function pendingDigestLines(
  executor: Executor,
  userIds: readonly string[],
  now: Date,
): Promise<Map<string, DigestLine[]>> {
  const result = new Map<string, DigestLine[]>();
  if (userIds.length === 0) return result;
  const since = new Date(now.getTime() - LINE_LIFETIME_DAYS * DAY_MS).toISOString();
  const ranked = executor
    .select({
      id: digestLines.id,
      userId: digestLines.userId,
      kind: digestLines.kind,
      params: digestLines.params,
      href: digestLines.href,
      runId: digestLines.runId,
      createdAt: digestLines.createdAt,
      rank: sql<number>`row_number() over (partition by ${digestLines.userId} order by ${digestLines.createdAt} desc, ${digestLines.id} desc)`.as(
        "rank",
      ),
    })
    .from(digestLines)
    .where(
      and(
        inArray(digestLines.userId, [...userIds]),
        isNull(digestLines.weekStart),
        sql`${digestLines.createdAt} > ${since}::timestamptz`,
      ),
    )
    .as("ranked");
  const rows = await executor
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${DIGEST_LINES_PER_PERSON}`)
    .orderBy(sql`${ranked.userId}`, sql`${ranked.rank}`);
  const open = await openRunIds(
    executor,
    rows.flatMap((row) => (row.runId ? [row.runId] : [])),
  );
  for (const row of rows) {
    if (row.runId && !open.has(row.runId)) continue;
    const list = result.get(row.userId) ?? [];
    list.push({ id: row.id, kind: row.kind, params: row.params, href: row.href });
    result.set(row.userId, list);
  }
  return result;
}

/** Marks the lines digests carried with their week (in the digests' transaction), so the next ones don't repeat them. */
export async function markDigestLinesSent(tx: Executor, carried: readonly { lineId: string; weekStart: string }[]) {
  if (carried.length === 0) return;
  const rows = carried.map((entry) => ({ id: entry.lineId, week_start: entry.weekStart }));
  await tx.execute(sql`
    update ${digestLines} l set week_start = v.week_start
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id text, week_start date)
    where l.id = v.id`);
}
