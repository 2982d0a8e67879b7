import type { TaskStatus } from "~db/schema";

type TaskLike = { status: TaskStatus; dueDate: string | null };

/** Not done and due before today (the account's calendar date). A task due today is not overdue yet. */
export function isTaskOverdue(task: TaskLike, today: string): boolean {
  return task.status !== "done" && task.dueDate !== null && task.dueDate < today;
}

/**
 * A milestone's progress, 0..1: the share of its tasks done. An achieved milestone is 1 whatever
 * its tasks say (the joint sign-off is the final word); a milestone without tasks is 0 until then.
 */
export function milestoneProgress(milestone: { achieved: boolean; tasks: readonly { status: TaskStatus }[] }): number {
  if (milestone.achieved) return 1;
  if (milestone.tasks.length === 0) return 0;
  return milestone.tasks.filter((task) => task.status === "done").length / milestone.tasks.length;
}

/**
 * A plan's progress, 0..1: the mean of its milestones' progress.
 *
 * Why the mean over milestones rather than done/total tasks: milestones are what the plan
 * promises, and the customer judges progress by them — a milestone with twelve small set-up tasks
 * should not outweigh one with three big ones, and an achieved milestone counts in full even if a
 * task was left open when both sides signed it off. It also keeps the number stable when someone
 * adds or splits tasks.
 */
export function planProgress(milestoneProgresses: readonly number[]): number {
  if (milestoneProgresses.length === 0) return 0;
  return milestoneProgresses.reduce((sum, value) => sum + value, 0) / milestoneProgresses.length;
}

/**
 * The next milestone: the first one not yet achieved, by target date (ties keep the given order,
 * so pass milestones in their plan position). Null when everything is achieved.
 */
export function nextMilestone<M extends { targetDate: string; achieved: boolean }>(milestones: readonly M[]): M | null {
  let next: M | null = null;
  for (const milestone of milestones) {
    if (milestone.achieved) continue;
    if (next === null || milestone.targetDate < next.targetDate) next = milestone;
  }
  return next;
}
