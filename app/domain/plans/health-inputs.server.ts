import { daysUntil, todayIn } from "~/lib/format";
import { currentMilestones } from "./current-milestones.server";
import { achievementOf, milestoneStatus } from "./milestone-status";

export interface PlanProgressFigures {
  onTrack: number;
  upcoming: number;
  atRisk: number;
  stalled: number;
  achieved: number;
  overdueCustomerTasks: number;
  overdueVendorTasks: number;
  daysSinceAchieved: number | null;
}

/**
 * The health score's plan-progress inputs for many accounts, from each account's current plan:
 * its milestones by status (derived as the plan page derives them, in the account's calendar),
 * open tasks past their due date per side, and the days since the last milestone was achieved.
 * Two queries whatever the number of accounts; an account without a current plan is absent.
 */
export async function planProgressInputsForAccounts(
  accountIds: readonly string[],
  now = new Date(),
): Promise<Map<string, PlanProgressFigures>> {
  const result = new Map<string, PlanProgressFigures>();
  if (accountIds.length === 0) return result;
  const milestoneRows = await currentMilestones(accountIds);
  for (const milestone of milestoneRows) {
    const today = todayIn(milestone.timeZone, now);
    const figures = result.get(milestone.accountId) ?? {
      onTrack: 0,
      upcoming: 0,
      atRisk: 0,
      stalled: 0,
      achieved: 0,
      overdueCustomerTasks: 0,
      overdueVendorTasks: 0,
      daysSinceAchieved: null,
    };
    const own = milestone.tasks;
    switch (milestoneStatus(milestone, today)) {
      case "achieved":
        figures.achieved += 1;
        break;
      case "on_track":
        figures.onTrack += 1;
        break;
      case "upcoming":
        figures.upcoming += 1;
        break;
      case "at_risk":
        figures.atRisk += 1;
        break;
      case "stalled":
        figures.stalled += 1;
        break;
    }
    const achievement = achievementOf(milestone, milestone.timeZone);
    if (achievement) {
      const since = Math.max(0, -daysUntil(achievement.achievedOn, today));
      figures.daysSinceAchieved =
        figures.daysSinceAchieved === null ? since : Math.min(figures.daysSinceAchieved, since);
    }
    for (const task of own) {
      if (task.status === "done" || !task.dueDate || daysUntil(task.dueDate, today) >= 0) continue;
      if (task.side === "customer") figures.overdueCustomerTasks += 1;
      else figures.overdueVendorTasks += 1;
    }
    result.set(milestone.accountId, figures);
  }
  return result;
}
