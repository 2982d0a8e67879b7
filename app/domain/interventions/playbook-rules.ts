import { z } from "zod";
import type { PlaybookStep, PlaybookStepKind, PlaybookTrigger } from "~db/schema/interventions";
import { textField } from "~/lib/forms";
import { isId } from "~/lib/ids";

export type { PlaybookStep, PlaybookStepKind, PlaybookTrigger };

/** The kinds of trigger a playbook can have; a new one is added here, in its schema and in triggers.server.ts. */
export const TRIGGER_KINDS = [
  "task_overdue",
  "task_due_soon",
  "milestone_at_risk",
  "renewal_within",
  "no_sign_in",
  "qbr_overdue",
  "nps_detractor",
  "health_grade_dropped",
  "champion_deactivated",
] as const satisfies readonly PlaybookTrigger["kind"][];
/** The triggers that carry a number of days. */
const DAYS_TRIGGER_KINDS = [
  "renewal_within",
  "no_sign_in",
  "task_due_soon",
  "qbr_overdue",
] as const satisfies readonly Extract<PlaybookTrigger, { days: number }>["kind"][];
type DaysTriggerKind = (typeof DAYS_TRIGGER_KINDS)[number];
/** The highest NPS score that counts as a detractor (0–6). */
export const NPS_DETRACTOR_MAX = 6;
/** How far back a champion's deactivation still starts a `champion_deactivated` run. */
export const CHAMPION_LOOKBACK_DAYS = 30;
export const STEP_KINDS = [
  "remind_assignee",
  "tell_champion",
  "tell_champion_digest",
  "create_work_item",
  "escalate_admin",
] as const satisfies readonly PlaybookStepKind[];
const MAX_STEPS = 8;
const MAX_DELAY_DAYS = 365;
/** A person gets at most this many playbook messages (emails) in any 7 days; the rest are recorded as capped. */
export const MESSAGES_PER_PERSON_PER_WEEK = 3;
/** A run whose steps are all done keeps watching its reason this long before it ends as completed. */
export const WATCH_DAYS_AFTER_LAST_STEP = 30;

/** Triggers that carry a number of days. */
function triggerNeedsDays(kind: PlaybookTrigger["kind"]): kind is DaysTriggerKind {
  return (DAYS_TRIGGER_KINDS as readonly string[]).includes(kind);
}

const wholeDays = (message: string, min: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(MAX_DELAY_DAYS, message));

const StepRowSchema = z.object({ kind: z.string().optional(), delayDays: z.string().optional() });

/**
 * The playbook form: rows whose kind is left empty are dropped (the form offers spare rows); every
 * kept row needs a known kind and a delay of 0–365 days; at least one step.
 */
export const PlaybookInputSchema = z
  .object({
    name: textField({ max: 120, required: "interventions:playbooks.fields.nameRequired" }),
    description: textField({ max: 1000 }),
    enabled: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
    triggerKind: z.enum(TRIGGER_KINDS, { message: "interventions:playbooks.fields.triggerInvalid" }),
    triggerDays: z.string().optional(),
    segmentIds: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
      .refine(
        (ids) => ids.length <= 100 && ids.every((id) => isId(id)),
        "interventions:playbooks.fields.segmentInvalid",
      ),
    steps: z
      .array(StepRowSchema.optional())
      .max(MAX_STEPS + 4)
      .optional(),
  })
  .transform((input, ctx) => {
    let trigger: PlaybookTrigger;
    if (!triggerNeedsDays(input.triggerKind)) {
      trigger = { kind: input.triggerKind };
    } else {
      const days = wholeDays("interventions:playbooks.fields.daysInvalid", 1).safeParse(input.triggerDays ?? "");
      if (!days.success) {
        ctx.addIssue({ code: "custom", path: ["triggerDays"], message: "interventions:playbooks.fields.daysInvalid" });
        return z.NEVER;
      }
      trigger = { kind: input.triggerKind, days: days.data };
    }
    const steps: PlaybookStep[] = [];
    let rowErrors = false;
    (input.steps ?? []).forEach((row, index) => {
      if (!row || ((row.kind ?? "") === "" && (row.delayDays ?? "").trim() === "")) return;
      const kind = z.enum(STEP_KINDS).safeParse(row.kind);
      const delay = wholeDays("interventions:playbooks.fields.delayInvalid", 0).safeParse(row.delayDays ?? "");
      if (!kind.success || !delay.success) rowErrors = true;
      if (!kind.success) {
        ctx.addIssue({
          code: "custom",
          path: ["steps", index, "kind"],
          message: "interventions:playbooks.fields.stepKindInvalid",
        });
      }
      if (!delay.success) {
        ctx.addIssue({
          code: "custom",
          path: ["steps", index, "delayDays"],
          message: "interventions:playbooks.fields.delayInvalid",
        });
      }
      if (kind.success && delay.success) steps.push({ kind: kind.data, delayDays: delay.data });
    });
    if (steps.length === 0 && !rowErrors) {
      ctx.addIssue({ code: "custom", path: ["steps"], message: "interventions:playbooks.fields.stepsRequired" });
    }
    if (steps.length > MAX_STEPS) {
      ctx.addIssue({ code: "custom", path: ["steps"], message: "interventions:playbooks.fields.stepsTooMany" });
    }
    return {
      name: input.name,
      description: input.description,
      enabled: input.enabled,
      trigger,
      segmentIds: [...new Set(input.segmentIds)],
      steps,
    };
  });
export type PlaybookInput = z.output<typeof PlaybookInputSchema>;

/** The rows the form shows: the playbook's steps and two spare ones, up to the limit. */
export function stepRows(steps: readonly PlaybookStep[]): { kind: string; delayDays: string }[] {
  const rows: { kind: string; delayDays: string }[] = steps.map((step) => ({
    kind: step.kind,
    delayDays: String(step.delayDays),
  }));
  while (rows.length < Math.min(MAX_STEPS, steps.length + 2)) rows.push({ kind: "", delayDays: "" });
  return rows;
}
