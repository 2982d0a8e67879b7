import type { AskStatus, AskType, OpportunityStage } from "~db/schema";
import { ASK_TYPES } from "./ask-rules";
import { type NpsSummary, npsSummary } from "./nps";
import { FUNNEL_STAGES } from "./pipeline";
import { DAY_MS } from "~/lib/time";

/** The advocacy dashboard's figures from the transition log, without a database. */

export interface TransitionRow {
  opportunityId: string;
  toStage: OpportunityStage;
  at: Date;
}

export interface FunnelStep {
  stage: (typeof FUNNEL_STAGES)[number];
  /** Opportunities that ever reached this stage. */
  reached: number;
  /** Share of those that went on to the next funnel stage; null for the last stage or none reached. */
  conversion: number | null;
  /** Median whole days spent in the stage by those that left it; null when none has left yet. */
  medianDays: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function funnel(transitions: readonly TransitionRow[]): FunnelStep[] {
  const reached = new Map<OpportunityStage, Set<string>>();
  const durations = new Map<OpportunityStage, number[]>();
  const byOpportunity = new Map<string, TransitionRow[]>();
  for (const row of transitions) {
    if (!reached.has(row.toStage)) reached.set(row.toStage, new Set());
    reached.get(row.toStage)!.add(row.opportunityId);
    byOpportunity.set(row.opportunityId, [...(byOpportunity.get(row.opportunityId) ?? []), row]);
  }
  for (const rows of byOpportunity.values()) {
    const ordered = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (let i = 0; i + 1 < ordered.length; i += 1) {
      const stage = ordered[i]!.toStage;
      durations.set(stage, [
        ...(durations.get(stage) ?? []),
        Math.floor((ordered[i + 1]!.at.getTime() - ordered[i]!.at.getTime()) / DAY_MS),
      ]);
    }
  }
  return FUNNEL_STAGES.map((stage, index) => {
    const count = reached.get(stage)?.size ?? 0;
    const next = FUNNEL_STAGES[index + 1];
    const nextCount = next ? [...(reached.get(next) ?? [])].filter((id) => reached.get(stage)?.has(id)).length : 0;
    return {
      stage,
      reached: count,
      conversion: next && count > 0 ? nextCount / count : null,
      medianDays: median(durations.get(stage) ?? []),
    };
  });
}

/** The dashboard's periods, as they appear in the URL (`?period=`). */
export const PERIODS = ["90d", "12m", "all"] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = "12m";

/**
 * Where a period starts; null for all time. "12m" starts on the first of the month eleven months
 * back, so its twelve monthly buckets are whole months.
 */
export function periodStart(period: Period, now: Date): Date | null {
  if (period === "90d") return new Date(now.getTime() - 90 * DAY_MS);
  if (period === "12m") return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return null;
}

/** A month ("2026-03") or a quarter ("2026-Q1"), in UTC like the NPS trend. */
export interface Bucket {
  key: string;
  kind: "month" | "quarter";
  start: Date;
  end: Date;
}

/**
 * The time buckets of a chart, oldest first, empty ones included so gaps show as gaps: months for
 * the last 90 days or 12 months; quarters for all time, from the quarter of the earliest data
 * (or only the current one when there is none).
 */
export function periodBuckets(period: Period, now: Date, earliest: Date | null): Bucket[] {
  const start = periodStart(period, now);
  const kind = start ? "month" : "quarter";
  const step = kind === "month" ? 1 : 3;
  const from = start ?? (earliest && earliest < now ? earliest : now);
  let cursor = Date.UTC(
    from.getUTCFullYear(),
    kind === "month" ? from.getUTCMonth() : Math.floor(from.getUTCMonth() / 3) * 3,
    1,
  );
  const buckets: Bucket[] = [];
  while (cursor <= now.getTime()) {
    const begin = new Date(cursor);
    const end = new Date(Date.UTC(begin.getUTCFullYear(), begin.getUTCMonth() + step, 1));
    const key =
      kind === "month"
        ? begin.toISOString().slice(0, 7)
        : `${begin.getUTCFullYear()}-Q${Math.floor(begin.getUTCMonth() / 3) + 1}`;
    buckets.push({ key, kind, start: begin, end });
    cursor = end.getTime();
  }
  return buckets;
}

const bucketOf = (buckets: readonly Bucket[], at: Date) =>
  buckets.findIndex((bucket) => at >= bucket.start && at < bucket.end);

/** How many dates fall in each bucket (dates outside every bucket are left out). */
export function countByBucket(dates: readonly Date[], buckets: readonly Bucket[]): { key: string; count: number }[] {
  const counts = buckets.map(() => 0);
  for (const at of dates) {
    const index = bucketOf(buckets, at);
    if (index >= 0) counts[index]! += 1;
  }
  return buckets.map((bucket, index) => ({ key: bucket.key, count: counts[index]! }));
}

/** The NPS mix and score of the answers given in each bucket; an empty bucket has no score. */
export function npsByBucket(
  responses: readonly { score: number; at: Date }[],
  buckets: readonly Bucket[],
): { key: string; summary: NpsSummary }[] {
  const scores = buckets.map((): number[] => []);
  for (const response of responses) {
    const index = bucketOf(buckets, response.at);
    if (index >= 0) scores[index]!.push(response.score);
  }
  return buckets.map((bucket, index) => ({ key: bucket.key, summary: npsSummary(scores[index]!) }));
}

/**
 * The funnel of the opportunities identified since `since` (all of them when null): a cohort, so
 * an opportunity counted at a later stage is also counted at the stages before it.
 */
export function funnelSince(transitions: readonly TransitionRow[], since: Date | null): FunnelStep[] {
  if (!since) return funnel(transitions);
  const firstSeen = new Map<string, Date>();
  for (const row of transitions) {
    const seen = firstSeen.get(row.opportunityId);
    if (!seen || row.at < seen) firstSeen.set(row.opportunityId, row.at);
  }
  return funnel(transitions.filter((row) => firstSeen.get(row.opportunityId)! >= since));
}

/** When each opportunity was published (a republished one counts each time it went live). */
export function publishedDates(transitions: readonly TransitionRow[]): Date[] {
  return transitions.filter((row) => row.toStage === "published").map((row) => row.at);
}

export interface AskTally {
  askType: AskType;
  sent: number;
  accepted: number;
  declined: number;
  /** Neither accepted nor declined yet (open or snoozed). */
  pending: number;
}

/** Asks per type from counts per type and status, in the order of the ask types; types never sent are left out. */
export function asksByType(rows: readonly { askType: AskType; status: AskStatus; count: number }[]): AskTally[] {
  return ASK_TYPES.map((askType) => {
    const ofType = rows.filter((row) => row.askType === askType);
    const count = (status: AskStatus) =>
      ofType.filter((row) => row.status === status).reduce((sum, row) => sum + row.count, 0);
    const sent = ofType.reduce((sum, row) => sum + row.count, 0);
    return {
      askType,
      sent,
      accepted: count("accepted"),
      declined: count("declined"),
      pending: sent - count("accepted") - count("declined"),
    };
  }).filter((tally) => tally.sent > 0);
}

/** The totals over all types. */
export function askTotals(tallies: readonly AskTally[]): Omit<AskTally, "askType"> {
  const sum = (key: "sent" | "accepted" | "declined" | "pending") =>
    tallies.reduce((total, tally) => total + tally[key], 0);
  return { sent: sum("sent"), accepted: sum("accepted"), declined: sum("declined"), pending: sum("pending") };
}
