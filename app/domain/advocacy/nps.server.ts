import { requestHealthRecompute } from "~/domain/health/triggers.server";
import { and, asc, eq, gte, isNotNull, max, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "~db/client.server";
import { accounts, npsResponses, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor, CustomerActor } from "~/domain/auth/actor";
import { recordEvent } from "~/domain/events/record.server";
import { reactToEvents } from "~/domain/events/reactions.server";
import { newId } from "~/lib/ids.server";
import { type SortPart, keysetCondition, keysetOrder } from "~/lib/keyset.server";
import { PAGE_SIZE, type PageInfo, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { NPS_COMMENT_MAX, type NpsSummary, isSurveyDue, npsCategory, npsSummaryOfCounts } from "./nps";
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
  byAccountPage: PageInfo;
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
  responsesPage: PageInfo;
}

interface NpsReportOptions {
  accountId?: string;
  /** The URL's cursors of the two long lists: accounts by name, answers newest first. */
  accountsCursor?: string;
  answersCursor?: string;
  answersPageSize?: number;
}

const ACCOUNT_ORDER: SortPart[] = [{ expr: sql`s.account_name` }, { expr: sql`s.account_id` }];
const ANSWER_ORDER: SortPart[] = [{ expr: npsResponses.createdAt, descending: true }, { expr: npsResponses.id }];

type Counts = { promoters: number; passives: number; detractors: number };

const COUNTS = sql`count(*) filter (where score >= 9)::int as promoters,
  count(*) filter (where score between 7 and 8)::int as passives,
  count(*) filter (where score <= 6)::int as detractors`;

/**
 * Staff's view of NPS: overall and per account from each person's latest answer in the last 12
 * months (so one enthusiastic person can't vote twice), the monthly trend of all answers, and the
 * answers themselves, newest first. The database counts; the per-account table and the answers
 * come a page at a time, so the report costs the same at 10 accounts or 10,000.
 */
export async function getNpsReport(now = new Date(), options: NpsReportOptions = {}): Promise<NpsReport> {
  const since = new Date(now.getTime() - 365 * DAY_MS);
  const scope = options.accountId ? sql`and r.account_id = ${options.accountId}` : sql``;
  const latest = sql`latest as (
    select distinct on (r.user_id) r.account_id, r.score
    from nps_responses r
    where r.score is not null and r.created_at >= ${since.toISOString()}::timestamptz ${scope}
    order by r.user_id, r.created_at desc, r.id)`;
  const accountsFingerprint = filterFingerprint({ list: "nps-accounts", accountId: options.accountId });
  const accountsCursor = decodeCursor(options.accountsCursor, accountsFingerprint, ACCOUNT_ORDER.length);
  const answersFingerprint = filterFingerprint({ list: "nps-answers", accountId: options.accountId });
  const answersCursor = decodeCursor(options.answersCursor, answersFingerprint, ANSWER_ORDER.length);
  const answersPageSize = options.answersPageSize ?? PAGE_SIZE;
  const accountsAfter = keysetCondition(ACCOUNT_ORDER, accountsCursor);

  const [overallRows, accountRows, trendRows, answerRows] = await Promise.all([
    db.execute<Counts & { accounts: number }>(sql`
      with ${latest}
      select ${COUNTS}, count(distinct account_id)::int as accounts from latest`),
    db.execute<Counts & { account_id: string; account_name: string }>(sql`
      with ${latest}
      select * from (
        select l.account_id, a.name as account_name,
          count(*) filter (where l.score >= 9)::int as promoters,
          count(*) filter (where l.score between 7 and 8)::int as passives,
          count(*) filter (where l.score <= 6)::int as detractors
        from latest l join accounts a on a.id = l.account_id
        group by l.account_id, a.name
      ) s
      ${accountsAfter ? sql`where ${accountsAfter}` : sql``}
      order by ${sql.join(keysetOrder(ACCOUNT_ORDER, accountsCursor), sql`, `)}
      limit ${PAGE_SIZE + 1}`),
    db.execute<Counts & { month: string }>(sql`
      select to_char(created_at at time zone 'UTC', 'YYYY-MM') as month, ${COUNTS}
      from nps_responses r
      where score is not null ${scope}
      group by 1 order by 1`),
    db
      .select({
        id: npsResponses.id,
        accountId: npsResponses.accountId,
        accountName: accounts.name,
        personName: users.name,
        score: npsResponses.score,
        comment: npsResponses.comment,
        createdAt: npsResponses.createdAt,
        // Full precision: a JavaScript Date would cut the microseconds the cursor compares on.
        at: sql<string>`${npsResponses.createdAt}::text`,
      })
      .from(npsResponses)
      .innerJoin(accounts, eq(accounts.id, npsResponses.accountId))
      .innerJoin(users, eq(users.id, npsResponses.userId))
      .where(
        and(
          isNotNull(npsResponses.score),
          options.accountId ? eq(npsResponses.accountId, options.accountId) : undefined,
          keysetCondition(ANSWER_ORDER, answersCursor),
        ),
      )
      .orderBy(...keysetOrder(ANSWER_ORDER, answersCursor))
      .limit(answersPageSize + 1),
  ]);
  const overall = overallRows[0] ?? { promoters: 0, passives: 0, detractors: 0, accounts: 0 };
  const byAccount = pageFromRows([...accountRows], {
    cursor: accountsCursor,
    fingerprint: accountsFingerprint,
    total: overall.accounts,
    keyOf: (row) => [row.account_name, row.account_id],
  });
  const answers = pageFromRows(answerRows, {
    cursor: answersCursor,
    pageSize: answersPageSize,
    fingerprint: answersFingerprint,
    keyOf: (row) => [row.at, row.id],
  });
  return {
    overall: npsSummaryOfCounts(overall),
    byAccount: byAccount.rows.map((row) => ({
      accountId: row.account_id,
      accountName: row.account_name,
      summary: npsSummaryOfCounts(row),
    })),
    byAccountPage: byAccount.page,
    trend: trendRows.map((row) => ({ month: row.month, summary: npsSummaryOfCounts(row) })),
    responses: answers.rows.map(({ at: _at, createdAt, score, ...row }) => ({
      ...row,
      score: score!,
      createdAt: createdAt.toISOString(),
    })),
    responsesPage: answers.page,
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
