import type { TaskStatus } from "~db/schema";
import { daysUntil, todayIn } from "~/lib/format";

export type MilestoneStatus = "upcoming" | "on_track" | "at_risk" | "stalled" | "achieved";

/** How close a target has to be before open work puts a milestone at risk, in days. */
export const AT_RISK_WINDOW_DAYS = 7;
/** How late a milestone can be before it counts as stalled rather than at risk, in days. */
export const STALLED_AFTER_DAYS = 7;

export interface MilestoneStatusInput {
  /** YYYY-MM-DD */
  targetDate: string;
  vendorSignedAt: Date | string | null;
  customerSignedAt: Date | string | null;
  tasks: readonly { status: TaskStatus; dueDate: string | null }[];
}

/**
 * A milestone's status, derived from its dates, sign-offs and tasks — never stored, so it can't go
 * stale. `today` is the account's calendar date (`todayIn(account.timeZone)`), so a milestone
 * turns late at the customer's midnight, not the server's.
 *
 * - achieved: both sides have signed off (whatever the dates).
 * - stalled:  7 or more days past the target.
 * - at_risk:  1–6 days past the target, or due within the next 7 days (0..7 days left) with open
 *             (not done) tasks.
 * - on_track: work has started (a task in progress, blocked or done), or the target is within 7
 *             days and nothing is left open (every task done, or no tasks: only the sign-off is left).
 * - upcoming: otherwise — in the future and not started.
 */
export function milestoneStatus(input: MilestoneStatusInput, today: string): MilestoneStatus {
  if (input.vendorSignedAt && input.customerSignedAt) return "achieved";
  const daysLeft = daysUntil(input.targetDate, today);
  if (daysLeft <= -STALLED_AFTER_DAYS) return "stalled";
  if (daysLeft < 0) return "at_risk";
  const hasOpenTasks = input.tasks.some((task) => task.status !== "done");
  const dueSoon = daysLeft <= AT_RISK_WINDOW_DAYS;
  if (dueSoon && hasOpenTasks) return "at_risk";
  if (dueSoon) return "on_track";
  const started = input.tasks.some((task) => task.status !== "todo");
  return started ? "on_track" : "upcoming";
}

/**
 * When a milestone was achieved: the account's calendar date of the later of the two sign-offs,
 * and how many days before its target that was (negative when late). Null until both have signed.
 */
export function achievementOf(
  milestone: Pick<MilestoneStatusInput, "targetDate" | "vendorSignedAt" | "customerSignedAt">,
  timeZone: string,
): { achievedAt: Date; achievedOn: string; daysEarly: number } | null {
  if (!milestone.vendorSignedAt || !milestone.customerSignedAt) return null;
  const vendor = new Date(milestone.vendorSignedAt);
  const customer = new Date(milestone.customerSignedAt);
  const achievedAt = vendor > customer ? vendor : customer;
  const achievedOn = todayIn(timeZone, achievedAt);
  return { achievedAt, achievedOn, daysEarly: daysUntil(milestone.targetDate, achievedOn) };
}
