import type { TaskSide } from "~db/schema";
import type { TemplateDraft } from "./template-schemas";
import { isCalendarDate } from "~/lib/dates";
import { datePlusDays } from "./template-dates";

interface PreviewTask {
  title: string;
  side: TaskSide;
  dayOffset: number | null;
  dueDate: string | null;
}

export interface PreviewMilestone {
  key: string;
  title: string;
  dayOffset: number | null;
  targetDate: string | null;
  outcomeTitle: string | null;
  tasks: PreviewTask[];
}

/** A whole day offset in range, or null while the editor holds something else. */
function offsetOf(value: number | string): number | null {
  const number = typeof value === "number" ? value : value.trim() === "" ? NaN : Number(value);
  return Number.isInteger(number) && number >= 0 && number <= 1095 ? number : null;
}

/**
 * What a plan started on `startDate` from the editor's rows would look like: milestones in date
 * order, each with its tasks by due date. Tolerant of rows being typed (a bad offset gives no date),
 * so the preview never breaks while someone edits.
 */
export function previewTemplate(draft: TemplateDraft, startDate: string): PreviewMilestone[] {
  const valid = isCalendarDate(startDate);
  const dateOf = (offset: number | null) => (valid && offset !== null ? datePlusDays(startDate, offset) : null);
  const outcomeTitles = new Map(draft.outcomes.map((outcome) => [outcome.key, outcome.title]));
  const byOffset = <T extends { dayOffset: number | null }>(a: T, b: T) =>
    (a.dayOffset ?? Infinity) - (b.dayOffset ?? Infinity);
  return draft.milestones
    .map((milestone) => {
      const dayOffset = offsetOf(milestone.dayOffset);
      const tasks = milestone.tasks
        .map((task) => {
          const taskOffset = offsetOf(task.dayOffset);
          return { title: task.title, side: task.side, dayOffset: taskOffset, dueDate: dateOf(taskOffset) };
        })
        .sort(byOffset);
      return {
        key: milestone.key,
        title: milestone.title,
        dayOffset,
        targetDate: dateOf(dayOffset),
        outcomeTitle: milestone.outcomeKey ? (outcomeTitles.get(milestone.outcomeKey) ?? null) : null,
        tasks,
      };
    })
    .sort(byOffset);
}
