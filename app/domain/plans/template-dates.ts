import type { TaskSide, TemplateDefinition } from "~db/schema";
import { isCalendarDate } from "~/lib/dates";
import { DAY_MS } from "~/lib/time";

/**
 * Calendar math on "YYYY-MM-DD" dates. A plan's dates have no time of day, so they are computed in
 * UTC milliseconds, where every day is exactly 24 hours: no daylight-saving gaps, no drift from the
 * server's time zone. Leap years come from the Date.UTC calendar.
 */
function toUtcMs(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return Date.parse(`${date}T00:00:00Z`);
}

/** `date` moved by a whole number of days (negative goes back): datePlusDays("2026-01-31", 30) → "2026-03-02". */
export function datePlusDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number: ${days}`);
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

interface DatedOutcome {
  key: string;
  title: string;
  why: string;
  successCriteria: string;
  targetDate: string;
  position: number;
}

interface DatedMilestone {
  key: string;
  title: string;
  description: string;
  targetDate: string;
  outcomeKey: string | null;
  position: number;
}

interface DatedTask {
  milestoneKey: string;
  title: string;
  notes: string;
  side: TaskSide;
  dueDate: string;
  /** Order within its milestone. */
  position: number;
}

export interface DatedPlan {
  outcomes: DatedOutcome[];
  milestones: DatedMilestone[];
  tasks: DatedTask[];
}

/** What is wrong with a definition's references (duplicate keys, links to keys that don't exist). */
export function templateProblems(definition: TemplateDefinition): string[] {
  const problems: string[] = [];
  const outcomeKeys = new Set<string>();
  for (const outcome of definition.outcomes) {
    if (outcomeKeys.has(outcome.key)) problems.push(`duplicate outcome key "${outcome.key}"`);
    outcomeKeys.add(outcome.key);
  }
  const milestoneKeys = new Set<string>();
  for (const milestone of definition.milestones) {
    if (milestoneKeys.has(milestone.key)) problems.push(`duplicate milestone key "${milestone.key}"`);
    milestoneKeys.add(milestone.key);
    if (milestone.outcomeKey !== null && !outcomeKeys.has(milestone.outcomeKey)) {
      problems.push(`milestone "${milestone.key}" links to unknown outcome "${milestone.outcomeKey}"`);
    }
  }
  for (const task of definition.tasks) {
    if (!milestoneKeys.has(task.milestoneKey))
      problems.push(`task "${task.title}" belongs to unknown milestone "${task.milestoneKey}"`);
  }
  const offsets = [...definition.outcomes, ...definition.milestones, ...definition.tasks].map((item) => item.dayOffset);
  if (offsets.some((offset) => !Number.isInteger(offset))) problems.push("day offsets must be whole numbers");
  return problems;
}

/**
 * A template turned into a plan starting on `startDate`: every day offset becomes a date. Order is
 * kept (positions follow the definition); tasks are numbered within their milestone.
 * Throws on a definition whose keys don't line up — templates are checked when they are saved.
 */
export function datedPlanFromTemplate(definition: TemplateDefinition, startDate: string): DatedPlan {
  const problems = templateProblems(definition);
  if (problems.length > 0) throw new Error(`Invalid plan template: ${problems.join("; ")}`);
  const on = (offset: number) => datePlusDays(startDate, offset);
  const perMilestone = new Map<string, number>();
  return {
    outcomes: definition.outcomes.map((outcome, position) => ({
      key: outcome.key,
      title: outcome.title,
      why: outcome.why,
      successCriteria: outcome.successCriteria,
      targetDate: on(outcome.dayOffset),
      position,
    })),
    milestones: definition.milestones.map((milestone, position) => ({
      key: milestone.key,
      title: milestone.title,
      description: milestone.description,
      targetDate: on(milestone.dayOffset),
      outcomeKey: milestone.outcomeKey,
      position,
    })),
    tasks: definition.tasks.map((task) => {
      const position = perMilestone.get(task.milestoneKey) ?? 0;
      perMilestone.set(task.milestoneKey, position + 1);
      return {
        milestoneKey: task.milestoneKey,
        title: task.title,
        notes: task.notes,
        side: task.side,
        dueDate: on(task.dayOffset),
        position,
      };
    }),
  };
}
