import { z } from "zod";
import type { TaskSide, TemplateDefinition } from "~db/schema";
import { isId } from "~/lib/ids";

/**
 * What staff enter in the template editor, and the rules a template must meet to be saved. Pure:
 * no I/O (unique names and existing segments are checked by the save, in its transaction).
 *
 * The editor's shape nests tasks under their milestone, so "a task belongs to an existing
 * milestone" holds by construction; the stored definition keeps them flat with a milestone key.
 */
export const TEMPLATE_LIMITS = {
  name: 120,
  title: 200,
  text: 2000,
  outcomes: 20,
  milestones: 30,
  tasksPerMilestone: 50,
  tasks: 300,
  /** Three years: longer plans are better split into phases. */
  maxDayOffset: 1095,
} as const;

const KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const blankToNull = (value: unknown) => (value === "" || value === undefined ? null : value);

const DayOffsetSchema = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
  z
    .number({ required_error: "template.dayRequired", invalid_type_error: "template.dayInvalid" })
    .int("template.dayInvalid")
    .min(0, "template.dayRange")
    .max(TEMPLATE_LIMITS.maxDayOffset, "template.dayRange"),
);

const KeySchema = z.string().regex(KEY, "template.keyInvalid");
const title = (required: string) =>
  z.string().trim().min(1, required).max(TEMPLATE_LIMITS.title, "template.titleTooLong");
const text = () => z.string().trim().max(TEMPLATE_LIMITS.text, "template.textTooLong").default("");

const OutcomeInputSchema = z.object({
  key: KeySchema,
  title: title("template.outcomeTitleRequired"),
  why: text(),
  successCriteria: text(),
  dayOffset: DayOffsetSchema,
});

const TaskInputSchema = z.object({
  title: title("template.taskTitleRequired"),
  notes: text(),
  side: z.enum(["customer", "vendor"], { errorMap: () => ({ message: "template.sideInvalid" }) }),
  dayOffset: DayOffsetSchema,
});

const MilestoneInputSchema = z.object({
  key: KeySchema,
  title: title("template.milestoneTitleRequired"),
  description: text(),
  dayOffset: DayOffsetSchema,
  outcomeKey: z.preprocess(blankToNull, KeySchema.nullable()),
  tasks: z.array(TaskInputSchema).max(TEMPLATE_LIMITS.tasksPerMilestone, "template.tooManyTasks").default([]),
});

export const TemplateInputSchema = z
  .object({
    name: z.string().trim().min(1, "template.nameRequired").max(TEMPLATE_LIMITS.name, "template.nameTooLong"),
    description: text(),
    segmentId: z.preprocess(blankToNull, z.string().refine(isId, "template.segmentInvalid").nullable()),
    outcomes: z.array(OutcomeInputSchema).max(TEMPLATE_LIMITS.outcomes, "template.tooManyOutcomes").default([]),
    milestones: z
      .array(MilestoneInputSchema)
      .min(1, "template.milestoneRequired")
      .max(TEMPLATE_LIMITS.milestones, "template.tooManyMilestones")
      .default([]),
  })
  .superRefine((input, context) => {
    const outcomeKeys = new Set<string>();
    input.outcomes.forEach((outcome, index) => {
      if (outcomeKeys.has(outcome.key))
        context.addIssue({ code: "custom", path: ["outcomes", index, "key"], message: "template.duplicateKey" });
      outcomeKeys.add(outcome.key);
    });
    const milestoneKeys = new Set<string>();
    let taskCount = 0;
    input.milestones.forEach((milestone, index) => {
      if (milestoneKeys.has(milestone.key))
        context.addIssue({ code: "custom", path: ["milestones", index, "key"], message: "template.duplicateKey" });
      milestoneKeys.add(milestone.key);
      if (milestone.outcomeKey !== null && !outcomeKeys.has(milestone.outcomeKey)) {
        context.addIssue({
          code: "custom",
          path: ["milestones", index, "outcomeKey"],
          message: "template.unknownOutcome",
        });
      }
      milestone.tasks.forEach((task, taskIndex) => {
        // A task leads up to its milestone: due on or before the milestone's day, never after it.
        if (task.dayOffset > milestone.dayOffset) {
          context.addIssue({
            code: "custom",
            path: ["milestones", index, "tasks", taskIndex, "dayOffset"],
            message: "template.taskAfterMilestone",
          });
        }
      });
      taskCount += milestone.tasks.length;
    });
    if (taskCount > TEMPLATE_LIMITS.tasks)
      context.addIssue({ code: "custom", path: ["milestones"], message: "template.tooManyTasks" });
  });

export type TemplateInput = z.output<typeof TemplateInputSchema>;

/** The field a save's refusal belongs next to; the others are said above the form. */
export const TEMPLATE_ERROR_FIELD: Partial<Record<string, "name" | "segmentId">> = {
  name_taken: "name",
  unknown_segment: "segmentId",
};
/** The editor's rows as the browser holds them (numbers may still be text being typed). */
export type TemplateDraft = {
  name: string;
  description: string;
  segmentId: string | null;
  outcomes: { key: string; title: string; why: string; successCriteria: string; dayOffset: number | string }[];
  milestones: {
    key: string;
    title: string;
    description: string;
    dayOffset: number | string;
    outcomeKey: string | null;
    tasks: { title: string; notes: string; side: TaskSide; dayOffset: number | string }[];
  }[];
};

/** The stored definition of valid input: tasks flattened in milestone order, each with its milestone's key. */
export function definitionFromInput(input: TemplateInput): TemplateDefinition {
  return {
    outcomes: input.outcomes.map(({ key, title, why, successCriteria, dayOffset }) => ({
      key,
      title,
      why,
      successCriteria,
      dayOffset,
    })),
    milestones: input.milestones.map(({ key, title, description, dayOffset, outcomeKey }) => ({
      key,
      title,
      description,
      dayOffset,
      outcomeKey,
    })),
    tasks: input.milestones.flatMap((milestone) =>
      milestone.tasks.map(({ title, notes, side, dayOffset }) => ({
        milestoneKey: milestone.key,
        title,
        notes,
        side,
        dayOffset,
      })),
    ),
  };
}

/** A stored template as the editor's rows (tasks nested under their milestone, in order). */
export function draftFromTemplate(template: {
  name: string;
  description: string;
  segmentId: string | null;
  definition: TemplateDefinition;
}): TemplateDraft {
  const { definition } = template;
  return {
    name: template.name,
    description: template.description,
    segmentId: template.segmentId,
    outcomes: definition.outcomes.map((outcome) => ({ ...outcome })),
    milestones: definition.milestones.map((milestone) => ({
      ...milestone,
      tasks: definition.tasks
        .filter((task) => task.milestoneKey === milestone.key)
        .map(({ title, notes, side, dayOffset }) => ({ title, notes, side, dayOffset })),
    })),
  };
}

/** A name for a copy that fits the length limit: "Onboarding (copy)", "Onboarding (copy 2)"… */
export function copyName(name: string, attempt: number): string {
  const suffix = attempt <= 1 ? " (copy)" : ` (copy ${attempt})`;
  return name.slice(0, TEMPLATE_LIMITS.name - suffix.length).trimEnd() + suffix;
}
