import type { AskSignal, AskType } from "~db/schema";
import { npsCategory } from "./nps";
import { DAY_MS } from "~/lib/time";

/** Ask rules and guardrails: which signal leads to which ask, and when not to ask at all. */

export const ASK_SIGNALS = [
  "milestone_achieved",
  "plan_completed",
  "team_trained",
  "nps_promoter",
] as const satisfies readonly AskSignal[];
export const ASK_TYPES = [
  "case_study",
  "reference_call",
  "review",
  "quote",
  "logo",
  "speaking",
] as const satisfies readonly AskType[];

export const DEFAULT_GUARDRAILS = { cooldownDays: 30, declinedRepeatDays: 180, referenceCallsPerQuarter: 2 } as const;
export type Guardrails = { cooldownDays: number; declinedRepeatDays: number; referenceCallsPerQuarter: number };

/**
 * The signal an event carries, if any: an NPS answer is a signal only from a promoter, and a
 * milestone or plan signed off while tasks were still open is no success to ask about.
 */
export function signalOf(event: { type: string; payload: Record<string, unknown> }): AskSignal | null {
  switch (event.type) {
    case "milestone.achieved":
      return hadOpenTasks(event.payload) ? null : "milestone_achieved";
    case "plan.completed":
      return hadOpenTasks(event.payload) ? null : "plan_completed";
    case "course.completed_by_team":
      return "team_trained";
    case "nps.submitted": {
      const score = event.payload.score;
      return typeof score === "number" && npsCategory(score) === "promoter" ? "nps_promoter" : null;
    }
    default:
      return null;
  }
}

function hadOpenTasks(payload: Record<string, unknown>): boolean {
  return typeof payload.openTasks === "number" && payload.openTasks > 0;
}

/** The ask types an enabled rule attaches to this signal, in a stable order (the order of ASK_TYPES). */
export function askTypesFor<R extends { signal: AskSignal; askType: AskType; enabled: boolean }>(
  signal: AskSignal,
  rules: readonly R[],
): R[] {
  return rules
    .filter((rule) => rule.enabled && rule.signal === signal)
    .sort(
      (a, b) =>
        ASK_TYPES.indexOf(a.askType as (typeof ASK_TYPES)[number]) -
        ASK_TYPES.indexOf(b.askType as (typeof ASK_TYPES)[number]),
    );
}

export type AskBlock = "overdue_milestones" | "recent_detractor" | "cooldown" | "declined_recently";

export interface AskCheck {
  now: Date;
  guardrails: Guardrails;
  askType: AskType;
  account: { hasOverdueMilestones: boolean; lastDetractorAt: Date | null };
  /** The person to ask: when they were last asked anything, and when they declined which type. */
  recipient: { lastAskedAt: Date | null; declines: readonly { askType: AskType; at: Date }[] };
}

/**
 * Why this ask may not be sent now, or null when it may. Account-wide guardrails come first (they
 * protect the relationship), then the person's: a cool-down between any two asks, and no repeat of
 * a declined type within `declinedRepeatDays`.
 */
export function askBlockedBy(check: AskCheck): AskBlock | null {
  const { now, guardrails, account, recipient } = check;
  const within = (at: Date, days: number) => now.getTime() - at.getTime() < days * DAY_MS;
  if (account.hasOverdueMilestones) return "overdue_milestones";
  if (account.lastDetractorAt && within(account.lastDetractorAt, 90)) return "recent_detractor";
  if (recipient.lastAskedAt && within(recipient.lastAskedAt, guardrails.cooldownDays)) return "cooldown";
  if (
    recipient.declines.some(
      (decline) => decline.askType === check.askType && within(decline.at, guardrails.declinedRepeatDays),
    )
  ) {
    return "declined_recently";
  }
  return null;
}
