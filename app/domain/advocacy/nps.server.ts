import { requestHealthRecompute } from "~/domain/health/triggers.server";
import { and, asc, desc, eq, gte, isNotNull, max } from "drizzle-orm";
import { z } from "zod";
import { db } from "~db/client.server";
import { accounts, npsResponses, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor, CustomerActor } from "~/domain/auth/actor";
import { recordEvent } from "~/domain/events/record.server";
import { reactToEvents } from "~/domain/events/reactions.server";
import { newId } from "~/lib/ids.server";
import { NPS_COMMENT_MAX, type NpsSummary, isSurveyDue, npsByMonth, npsCategory, npsSummary } from "./nps";
import { DAY_MS } from "~/lib/time";

export const NpsInputSchema = z.object({
  // An empty field is no answer, not a 0.
  score: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number({ message: "advocacy.scoreRange" })
      .int("advocacy.scoreRange")
      .min(0, "advocacy.scoreRange")
      .max(10, "advocacy.scoreRange"),
  ),
  comment: z.string().trim().max(NPS_COMMENT_MAX, "field.tooLong").default(""),
});
export type NpsInput = z.infer<typeof NpsInputSchema>;

/** Whether this person should see the survey now (customers only, at most once per 90 days). */
export async function isNpsSurveyDue(actor: Actor, now = new Date()): Promise<boolean> {
  if (actor.kind !== "customer") return false;
  const [row] = await db
    .select({ last: max(npsResponses.createdAt) })
    .from(npsResponses)
    .where(eq(npsResponses.userId, actor.id));
  return isSurveyDue(row?.last ?? null, now);
}

export type NpsWriteError = "not_due";

/**
 * Stores an answer (with its `nps.submitted` event and activity entry) or a dismissal, in one
 * transaction; a promoter's answer then goes to the ask rules. Refused when the survey isn't due,
 * so a replayed form can't count twice.
 */
export async function answerNps(
  actor: CustomerActor,
  answer: { kind: "score"; input: NpsInput } | { kind: "dismiss" },
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: NpsWriteError }> {
  const result = await db.transaction(async (tx) => {
    // Serializes two submissions of the same person (two tabs).
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).for("update");
    const [row] = await tx
      .select({ last: max(npsResponses.createdAt) })
      .from(npsResponses)
      .where(eq(npsResponses.userId, actor.id));
    if (!isSurveyDue(row?.last ?? null, now)) return { ok: false as const, error: "not_due" as const };
    const id = newId();
    const score = answer.kind === "score" ? answer.input.score : null;
    await tx.insert(npsResponses).values({
      id,
      accountId: actor.accountId,
      userId: actor.id,
      score,
      comment: answer.kind === "score" ? answer.input.comment : "",
      createdAt: now,
    });
    if (score === null) {
      await recordActivity(tx, {
        accountId: actor.accountId,
        actorId: actor.id,
        action: "nps.dismissed",
        subjectType: "nps_response",
        subjectId: id,
      });
      return { ok: true as const, eventId: null };
    }
    const eventId = await recordEvent(tx, {
      type: "nps.submitted",
      accountId: actor.accountId,
      actorId: actor.id,
      subjectId: id,
      payload: { responseId: id, score },
      occurredAt: now,
    });
    await recordActivity(tx, {
      accountId: actor.accountId,
      actorId: actor.id,
      action: "nps.submitted",
      subjectType: "nps_response",
      subjectId: id,
      details: { score, category: npsCategory(score) },
    });
    await requestHealthRecompute(tx, actor.accountId);
    return { ok: true as const, eventId };
  });
  if (!result.ok) return result;
  if (result.eventId) await reactToEvents([result.eventId]);
  return { ok: true };
}

export interface NpsReport {
  overall: NpsSummary;
  byAccount: { accountId: string; accountName: string; summary: NpsSummary }[];
  trend: { month: string; summary: NpsSummary }[];
  responses: {
    id: string;
    accountId: string;
    accountName: string;
    personName: string;
    score: number;
    comment: string;
    createdAt: string;
  }[];
}

/**
 * Staff's view of NPS: overall and per account from each person's latest answer in the last 12
 * months (so one enthusiastic person can't vote twice), the monthly trend of all answers, and
 * the answers themselves, newest first. Two queries whatever the size.
 */
export async function getNpsReport(now = new Date(), options: { accountId?: string } = {}): Promise<NpsReport> {
  const since = new Date(now.getTime() - 365 * DAY_MS);
  const rows = await db
    .select({
      id: npsResponses.id,
      accountId: npsResponses.accountId,
      accountName: accounts.name,
      userId: npsResponses.userId,
      personName: users.name,
      score: npsResponses.score,
      comment: npsResponses.comment,
      createdAt: npsResponses.createdAt,
    })
    .from(npsResponses)
    .innerJoin(accounts, eq(accounts.id, npsResponses.accountId))
    .innerJoin(users, eq(users.id, npsResponses.userId))
    .where(
      and(isNotNull(npsResponses.score), options.accountId ? eq(npsResponses.accountId, options.accountId) : undefined),
    )
    .orderBy(desc(npsResponses.createdAt), asc(npsResponses.id));
  const scored = rows.map((row) => ({ ...row, score: row.score! }));
  const latest = new Map<string, (typeof scored)[number]>();
  for (const row of scored) if (row.createdAt >= since && !latest.has(row.userId)) latest.set(row.userId, row);
  const current = [...latest.values()];
  const accountsSeen = new Map<string, string>();
  for (const row of current) accountsSeen.set(row.accountId, row.accountName);
  return {
    overall: npsSummary(current.map((row) => row.score)),
    byAccount: [...accountsSeen.entries()]
      .map(([accountId, accountName]) => ({
        accountId,
        accountName,
        summary: npsSummary(current.filter((row) => row.accountId === accountId).map((row) => row.score)),
      }))
      .sort((a, b) => a.accountName.localeCompare(b.accountName)),
    trend: npsByMonth(scored.map((row) => ({ score: row.score, at: row.createdAt }))),
    responses: scored
      .slice(0, 100)
      .map(({ userId: _userId, createdAt, ...row }) => ({ ...row, createdAt: createdAt.toISOString() })),
  };
}

/** Every score given since `since` (ever, when null), for the dashboard's NPS over time. One query. */
export async function listNpsScores(since: Date | null = null): Promise<{ score: number; at: Date }[]> {
  const rows = await db
    .select({ score: npsResponses.score, at: npsResponses.createdAt })
    .from(npsResponses)
    .where(and(isNotNull(npsResponses.score), since ? gte(npsResponses.createdAt, since) : undefined))
    .orderBy(asc(npsResponses.createdAt));
  return rows.map((row) => ({ score: row.score!, at: row.at }));
}
