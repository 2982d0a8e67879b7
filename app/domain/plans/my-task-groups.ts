import { datePlusDays } from "./template-dates";

/** My tasks' groups, in page order. */
export const MY_TASK_GROUPS = ["overdue", "week", "later"] as const;
export type MyTaskGroup = (typeof MY_TASK_GROUPS)[number];

/** The URL parameter that holds each group's page cursor, so paging one group keeps the others' place. */
export const MY_TASK_GROUP_PARAM: Record<MyTaskGroup, string> = {
  overdue: "overduePage",
  week: "weekPage",
  later: "laterPage",
};

/**
 * Undated tasks sort as this day: last, after every real due date, and never null in a sort key
 * (keyset comparisons need one). Matches the expression in the tasks_assignee_open_*_idx indexes.
 */
export const UNDATED = "9999-12-31";

/** "This week" is today and the six days after it, so it always holds a full week ahead. */
const WEEK_DAYS = 7;

/**
 * The due-date range of a group as of `today` (the person's calendar date), both ends inclusive,
 * null for an open end. Undated tasks (due UNDATED) fall in Later.
 */
export function groupRange(group: MyTaskGroup, today: string): { from: string | null; to: string | null } {
  switch (group) {
    case "overdue":
      return { from: null, to: datePlusDays(today, -1) };
    case "week":
      return { from: today, to: datePlusDays(today, WEEK_DAYS - 1) };
    case "later":
      return { from: datePlusDays(today, WEEK_DAYS), to: null };
  }
}
