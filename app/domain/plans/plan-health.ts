/** The one-word state of an account's current plan in lists: the worst milestone wins. */
export type PlanHealth = "stalled" | "at_risk" | "on_track" | "completed";

export function planHealth(counts: { total: number; achieved: number; stalled: number; atRisk: number }): PlanHealth {
  if (counts.stalled > 0) return "stalled";
  if (counts.atRisk > 0) return "at_risk";
  if (counts.total > 0 && counts.achieved === counts.total) return "completed";
  return "on_track";
}

/**
 * Plan statuses as the account list filters and sorts them, worst first; "none" is an account
 * without a current plan. The index is the rank the SQL expression in plan-status.server.ts gives.
 */
export const PLAN_STATUS_ORDER = ["stalled", "at_risk", "on_track", "completed", "none"] as const;
export type PlanStatusChoice = (typeof PLAN_STATUS_ORDER)[number];
