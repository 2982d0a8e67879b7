import { and, asc, eq } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { accounts, milestones, outcomes, planTemplates, plans, segments, tasks } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { newId } from "~/lib/ids.server";
import { canOnPlan } from "./plan-permissions";
import { isCalendarDate } from "~/lib/dates";
import { datedPlanFromTemplate } from "./template-dates";

/** Templates with their segment, size and last change, by name. */
export async function listTemplates(executor: Executor = db) {
  const rows = await executor
    .select({
      id: planTemplates.id,
      name: planTemplates.name,
      description: planTemplates.description,
      segmentId: planTemplates.segmentId,
      segmentName: segments.name,
      definition: planTemplates.definition,
      updatedAt: planTemplates.updatedAt,
    })
    .from(planTemplates)
    .leftJoin(segments, eq(segments.id, planTemplates.segmentId))
    .orderBy(asc(planTemplates.name));
  return rows.map(({ definition, ...template }) => ({
    ...template,
    outcomeCount: definition.outcomes.length,
    milestoneCount: definition.milestones.length,
    taskCount: definition.tasks.length,
  }));
}

export async function getTemplate(id: string, executor: Executor = db) {
  const [template] = await executor.select().from(planTemplates).where(eq(planTemplates.id, id));
  return template ?? null;
}

export interface ApplyTemplateInput {
  accountId: string;
  templateId: string;
  /** YYYY-MM-DD: day 0 of the template. */
  startDate: string;
  /** The plan's name; the template's name when blank. */
  name: string;
}

export type ApplyTemplateResult =
  | { ok: true; planId: string }
  | { ok: false; error: "unknown_template" | "unknown_account" | "invalid_start_date" | "forbidden" };

/**
 * Creates an account's plan from a template, dated from `startDate`, in one transaction: the plan
 * (now the account's current plan), its outcomes, milestones and tasks (unassigned), and a
 * "plan.created" activity entry. Given an open transaction it runs inside it (as a savepoint).
 */
export async function applyTemplate(
  actor: Actor,
  input: ApplyTemplateInput,
  executor: Executor = db,
): Promise<ApplyTemplateResult> {
  if (!canOnPlan(actor, "plan.create", { accountId: input.accountId })) return { ok: false, error: "forbidden" };
  if (!isCalendarDate(input.startDate)) return { ok: false, error: "invalid_start_date" };
  return executor.transaction(async (tx): Promise<ApplyTemplateResult> => {
    // Locking the account serializes two plans being created for it at once (one current plan per account).
    const [account] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .for("update");
    if (!account) return { ok: false, error: "unknown_account" };
    const template = await getTemplate(input.templateId, tx);
    if (!template) return { ok: false, error: "unknown_template" };

    const dated = datedPlanFromTemplate(template.definition, input.startDate);
    const { accountId } = input;
    const planId = newId();
    const outcomeIds = new Map(dated.outcomes.map((outcome) => [outcome.key, newId()]));
    const milestoneIds = new Map(dated.milestones.map((milestone) => [milestone.key, newId()]));

    await tx
      .update(plans)
      .set({ isCurrent: false, updatedAt: new Date() })
      .where(and(eq(plans.accountId, accountId), eq(plans.isCurrent, true)));
    const name = input.name.trim() || template.name;
    await tx.insert(plans).values({
      id: planId,
      accountId,
      name,
      templateId: template.id,
      startDate: input.startDate,
      isCurrent: true,
      createdById: actor.id,
    });
    if (dated.outcomes.length > 0) {
      await tx.insert(outcomes).values(
        dated.outcomes.map((outcome) => ({
          id: outcomeIds.get(outcome.key)!,
          planId,
          accountId,
          title: outcome.title,
          why: outcome.why,
          successCriteria: outcome.successCriteria,
          targetDate: outcome.targetDate,
          position: outcome.position,
        })),
      );
    }
    if (dated.milestones.length > 0) {
      await tx.insert(milestones).values(
        dated.milestones.map((milestone) => ({
          id: milestoneIds.get(milestone.key)!,
          planId,
          accountId,
          outcomeId: milestone.outcomeKey === null ? null : outcomeIds.get(milestone.outcomeKey)!,
          title: milestone.title,
          description: milestone.description,
          targetDate: milestone.targetDate,
          position: milestone.position,
        })),
      );
    }
    if (dated.tasks.length > 0) {
      await tx.insert(tasks).values(
        dated.tasks.map((task) => ({
          id: newId(),
          planId,
          accountId,
          milestoneId: milestoneIds.get(task.milestoneKey)!,
          title: task.title,
          notes: task.notes,
          side: task.side,
          dueDate: task.dueDate,
          position: task.position,
        })),
      );
    }
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "plan.created",
      subjectType: "plan",
      subjectId: planId,
      details: { name, templateId: template.id, templateName: template.name, startDate: input.startDate },
    });
    return { ok: true, planId };
  });
}
