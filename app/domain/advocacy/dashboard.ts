import type { OpportunityStage } from "~db/schema";
import { FUNNEL_STAGES } from "./pipeline";

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

const DAY_MS = 86_400_000;

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
      durations.set(stage, [...(durations.get(stage) ?? []), Math.floor((ordered[i + 1]!.at.getTime() - ordered[i]!.at.getTime()) / DAY_MS)]);
    }
  }
  return FUNNEL_STAGES.map((stage, index) => {
    const count = reached.get(stage)?.size ?? 0;
    const next = FUNNEL_STAGES[index + 1];
    const nextCount = next ? [...(reached.get(next) ?? [])].filter((id) => reached.get(stage)?.has(id)).length : 0;
    return { stage, reached: count, conversion: next && count > 0 ? nextCount / count : null, medianDays: median(durations.get(stage) ?? []) };
  });
}
