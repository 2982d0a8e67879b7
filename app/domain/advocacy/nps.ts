import { DAY_MS } from "~/lib/time";
/** Net promoter score: the rules, without a database. */

/** A person is asked at most once in this many days; answering or dismissing both count as asked. */
const NPS_SURVEY_INTERVAL_DAYS = 90;
export const NPS_COMMENT_MAX = 2000;

export type NpsCategory = "promoter" | "passive" | "detractor";

/** 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function npsCategory(score: number): NpsCategory {
  if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`NPS score out of range: ${score}`);
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

export interface NpsSummary {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** %promoters − %detractors, rounded to a whole number; null without responses. */
  nps: number | null;
}

export function npsSummary(scores: readonly number[]): NpsSummary {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) {
    const category = npsCategory(score);
    if (category === "promoter") counts.promoters += 1;
    else if (category === "passive") counts.passives += 1;
    else counts.detractors += 1;
  }
  return npsSummaryOfCounts(counts);
}

/** The summary of answers already counted by category (e.g. by the database). */
export function npsSummaryOfCounts(counts: { promoters: number; passives: number; detractors: number }): NpsSummary {
  const { promoters, passives, detractors } = counts;
  const responses = promoters + passives + detractors;
  const nps = responses === 0 ? null : Math.round(((promoters - detractors) / responses) * 100);
  // Math.round(-0.4) is -0: show 0.
  return { responses, promoters, passives, detractors, nps: nps === 0 ? 0 : nps };
}

/** Whether the survey is due for a person last asked at `lastAskedAt` (null: never asked). */
export function isSurveyDue(lastAskedAt: Date | null, now: Date): boolean {
  if (!lastAskedAt) return true;
  return now.getTime() - lastAskedAt.getTime() >= NPS_SURVEY_INTERVAL_DAYS * DAY_MS;
}

/** NPS per calendar month ("YYYY-MM"), oldest first, for the trend. */
export function npsByMonth(
  responses: readonly { score: number; at: Date }[],
): { month: string; summary: NpsSummary }[] {
  const byMonth = new Map<string, number[]>();
  for (const response of responses) {
    const month = response.at.toISOString().slice(0, 7);
    const list = byMonth.get(month) ?? [];
    list.push(response.score);
    byMonth.set(month, list);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, scores]) => ({ month, summary: npsSummary(scores) }));
}
