import type { ConsentScope, OpportunityStage } from "~db/schema";
import { DAY_MS } from "~/lib/time";

/** Marketing's pipeline: the stages an opportunity moves through and who may move it where. */

export const STAGES = [
  "identified",
  "asked",
  "accepted",
  "in_production",
  "customer_review",
  "published",
  "declined",
  "withdrawn",
] as const satisfies readonly OpportunityStage[];
/** The stages of the funnel, in order (declined and withdrawn are exits). */
export const FUNNEL_STAGES = [
  "identified",
  "asked",
  "accepted",
  "in_production",
  "customer_review",
  "published",
] as const satisfies readonly OpportunityStage[];

/**
 * Who makes a move: `staff` (marketing from the pipeline), `customer` (the advocate answering an
 * ask or withdrawing consent). Moves into "accepted" only happen through the advocate's consent.
 */
export type Mover = "staff" | "customer";

export const TRANSITIONS: Record<OpportunityStage, Partial<Record<OpportunityStage, readonly Mover[]>>> = {
  identified: { asked: ["staff"], declined: ["staff"] },
  asked: { accepted: ["customer"], declined: ["staff", "customer"] },
  accepted: { in_production: ["staff"], withdrawn: ["staff", "customer"] },
  in_production: { customer_review: ["staff"], withdrawn: ["staff", "customer"] },
  // The advocate asked for changes: back to production.
  customer_review: { in_production: ["staff", "customer"], published: ["staff"], withdrawn: ["staff", "customer"] },
  published: { withdrawn: ["staff", "customer"] },
  declined: {},
  withdrawn: {},
};

export type MoveProblem = "same_stage" | "not_allowed" | "needs_consent" | "needs_public_consent" | "needs_approval";

/** Whether publishing waits for the advocate's approval of a version (case studies do). */
export type Approval = "not_needed" | "approved" | "missing";

export interface ActiveConsent {
  scope: ConsentScope;
  withdrawnAt: Date | null;
}

/** The stages `mover` may move an opportunity in `from` to. */
export function nextStages(from: OpportunityStage, mover: Mover): OpportunityStage[] {
  return STAGES.filter((to) => TRANSITIONS[from][to]?.includes(mover));
}

/**
 * Why this move can't be made, or null when it can. Past "accepted" the work needs the advocate's
 * consent still in force; publishing needs consent to public use and, for a case study, the
 * advocate's approval of its latest version.
 */
export function moveProblem(
  from: OpportunityStage,
  to: OpportunityStage,
  mover: Mover,
  consent: ActiveConsent | null,
  approval: Approval = "not_needed",
): MoveProblem | null {
  if (from === to) return "same_stage";
  if (!TRANSITIONS[from][to]?.includes(mover)) return "not_allowed";
  const needsConsent = to === "in_production" || to === "customer_review" || to === "published";
  if (needsConsent && (!consent || consent.withdrawnAt)) return "needs_consent";
  if (to === "published" && consent?.scope !== "public") return "needs_public_consent";
  if (to === "published" && approval === "missing") return "needs_approval";
  return null;
}

/** Whole days an opportunity has been in its stage. */
export function daysInStage(enteredAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - enteredAt.getTime()) / DAY_MS));
}
