import type { AccountRole } from "~db/schema";

/** The first steps a new customer account is offered on its home page, in order. */
type FirstStepKey = "invite" | "plan" | "course";

export interface FirstStep {
  key: FirstStepKey;
  done: boolean;
}

/**
 * What the "First steps" card lists for one person, or null when there is nothing left to do (the
 * card goes away). Signals, each cheap to know on the home page:
 * - invite: anyone else is on the team, active or invited (only champions may invite, so members
 *   aren't offered it);
 * - plan: the account has a current plan and its side has reviewed it (opened its page or signed a
 *   milestone off) — no plan yet, no step;
 * - course: this person has started any course.
 */
export function firstSteps(input: {
  accountRole: AccountRole;
  /** Active people of the account, this person included, and pending invitations. */
  activePeople: number;
  pendingInvitations: number;
  /** null when the account has no current plan. */
  planReviewed: boolean | null;
  courseStarted: boolean;
}): FirstStep[] | null {
  const steps: FirstStep[] = [];
  if (input.accountRole === "champion")
    steps.push({ key: "invite", done: input.activePeople > 1 || input.pendingInvitations > 0 });
  if (input.planReviewed !== null) steps.push({ key: "plan", done: input.planReviewed });
  steps.push({ key: "course", done: input.courseStarted });
  return steps.every((step) => step.done) ? null : steps;
}
