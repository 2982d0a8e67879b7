import { and, asc, desc, eq, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "~db/client.server";
import { accounts, milestones, outcomes, planTemplates, plans, tasks, users } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { todayIn } from "~/lib/format";
import { canOnPlan } from "./plan-permissions";
import { buildPlanView, type PlanView } from "./plan-view";

export type { PlanView } from "./plan-view";

const owner = alias(users, "owner");
const vendorSigner = alias(users, "vendor_signer");
const customerSigner = alias(users, "customer_signer");
const assignee = alias(users, "assignee");

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const signOff = (name: string | null, at: Date | null) => (at ? { name: name ?? "", at: at.toISOString() } : null);

/**
 * The plan page's data in four queries whatever the plan's size: the plan (with the account's time
 * zone), then its outcomes, milestones and tasks at once. Every query is scoped by the account, and
 * internal tasks are left out in SQL for anyone who may not see them.
 */
async function loadPlanView(actor: Actor, accountId: string, which: SQL, executor: Executor): Promise<PlanView | null> {
  if (!canOnPlan(actor, "plan.view", { accountId })) return null;
  const [plan] = await executor
    .select({
      id: plans.id,
      name: plans.name,
      startDate: plans.startDate,
      isCurrent: plans.isCurrent,
      version: plans.version,
      customerOpenedAt: plans.customerOpenedAt,
      templateName: planTemplates.name,
      timeZone: accounts.timeZone,
    })
    .from(plans)
    .innerJoin(accounts, eq(accounts.id, plans.accountId))
    .leftJoin(planTemplates, eq(planTemplates.id, plans.templateId))
    .where(and(eq(plans.accountId, accountId), which))
    .limit(1);
  if (!plan) return null;

  const seesInternal = canOnPlan(actor, "internal.view", { accountId });
  const [outcomeRows, milestoneRows, taskRows] = await Promise.all([
    executor
      .select({
        id: outcomes.id,
        title: outcomes.title,
        why: outcomes.why,
        successCriteria: outcomes.successCriteria,
        ownerId: outcomes.ownerId,
        ownerName: owner.name,
        targetDate: outcomes.targetDate,
        version: outcomes.version,
      })
      .from(outcomes)
      .leftJoin(owner, eq(owner.id, outcomes.ownerId))
      .where(and(eq(outcomes.accountId, accountId), eq(outcomes.planId, plan.id)))
      .orderBy(asc(outcomes.position), asc(outcomes.createdAt)),
    executor
      .select({
        id: milestones.id,
        title: milestones.title,
        description: milestones.description,
        targetDate: milestones.targetDate,
        outcomeId: milestones.outcomeId,
        vendorSignerName: vendorSigner.name,
        vendorSignedAt: milestones.vendorSignedAt,
        customerSignerName: customerSigner.name,
        customerSignedAt: milestones.customerSignedAt,
        rating: milestones.rating,
        ratingComment: milestones.ratingComment,
        version: milestones.version,
      })
      .from(milestones)
      .leftJoin(vendorSigner, eq(vendorSigner.id, milestones.vendorSignedById))
      .leftJoin(customerSigner, eq(customerSigner.id, milestones.customerSignedById))
      .where(and(eq(milestones.accountId, accountId), eq(milestones.planId, plan.id)))
      .orderBy(asc(milestones.position), asc(milestones.targetDate), asc(milestones.createdAt), asc(milestones.id)),
    executor
      .select({
        id: tasks.id,
        milestoneId: tasks.milestoneId,
        title: tasks.title,
        notes: tasks.notes,
        side: tasks.side,
        assigneeId: tasks.assigneeId,
        assigneeName: assignee.name,
        dueDate: tasks.dueDate,
        status: tasks.status,
        blockedReason: tasks.blockedReason,
        internal: tasks.internal,
        version: tasks.version,
        courseSlug: tasks.courseSlug,
      })
      .from(tasks)
      .innerJoin(milestones, eq(milestones.id, tasks.milestoneId))
      .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
      .where(
        and(
          eq(tasks.accountId, accountId),
          eq(tasks.planId, plan.id),
          seesInternal ? undefined : eq(tasks.internal, false),
        ),
      )
      .orderBy(
        asc(milestones.position),
        asc(milestones.targetDate),
        asc(milestones.createdAt),
        asc(milestones.id),
        asc(tasks.position),
        asc(tasks.createdAt),
        asc(tasks.id),
      ),
  ]);

  return buildPlanView({
    plan: {
      id: plan.id,
      name: plan.name,
      startDate: plan.startDate,
      templateName: plan.templateName,
      isCurrent: plan.isCurrent,
      version: plan.version,
      customerOpenedAt: iso(plan.customerOpenedAt),
    },
    today: todayIn(plan.timeZone),
    outcomes: outcomeRows,
    milestones: milestoneRows.map(
      ({ vendorSignerName, vendorSignedAt, customerSignerName, customerSignedAt, ...milestone }) => ({
        ...milestone,
        vendorSignOff: signOff(vendorSignerName, vendorSignedAt),
        customerSignOff: signOff(customerSignerName, customerSignedAt),
      }),
    ),
    tasks: taskRows,
  });
}

/** The account's current plan as `actor` may see it; null when it has none (or the actor may not see it). */
export function getCurrentPlanView(actor: Actor, accountId: string, executor: Executor = db) {
  return loadPlanView(actor, accountId, eq(plans.isCurrent, true), executor);
}

/** One plan of the account; null when no plan with this id belongs to THAT account. */
export function getPlanView(actor: Actor, accountId: string, planId: string, executor: Executor = db) {
  return loadPlanView(actor, accountId, eq(plans.id, planId), executor);
}

/**
 * Notes that someone on the customer's side opened the plan page (the "Review your plan" first
 * step): written once per plan, scoped by the account; staff opening it changes nothing.
 */
export async function markOpenedByCustomer(actor: Actor, accountId: string, planId: string, executor: Executor = db) {
  if (actor.kind !== "customer" || actor.accountId !== accountId) return;
  await executor
    .update(plans)
    .set({ customerOpenedAt: new Date() })
    .where(and(eq(plans.id, planId), eq(plans.accountId, accountId), isNull(plans.customerOpenedAt)));
}

/** The account's plans, the current one first, then newest first. */
export async function listPlans(accountId: string, executor: Executor = db) {
  const rows = await executor
    .select({
      id: plans.id,
      name: plans.name,
      startDate: plans.startDate,
      isCurrent: plans.isCurrent,
      templateName: planTemplates.name,
      createdAt: plans.createdAt,
    })
    .from(plans)
    .leftJoin(planTemplates, eq(planTemplates.id, plans.templateId))
    .where(eq(plans.accountId, accountId))
    .orderBy(desc(plans.isCurrent), desc(plans.startDate), desc(plans.createdAt));
  return rows.map((row) => ({ ...row, createdAt: iso(row.createdAt)! }));
}
