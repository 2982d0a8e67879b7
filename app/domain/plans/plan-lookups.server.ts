import { and, asc, eq } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { outcomes, plans } from "~db/schema";

/**
 * Small reads of plans and outcomes for other areas (value's metrics hang on a plan's outcomes), so
 * they never query plan tables themselves. Each is scoped to the account in its WHERE.
 */

/** The account's current plan, or null. */
export async function getCurrentPlan(accountId: string, executor: Executor = db) {
  const [plan] = await executor
    .select({ id: plans.id, name: plans.name, startDate: plans.startDate })
    .from(plans)
    .where(and(eq(plans.accountId, accountId), eq(plans.isCurrent, true)))
    .limit(1);
  return plan ?? null;
}

/** A plan's start date (the first day anything can be measured), or null when it isn't the account's. */
export async function getPlanStartDate(accountId: string, planId: string, executor: Executor = db) {
  const [plan] = await executor
    .select({ startDate: plans.startDate })
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.accountId, accountId)));
  return plan?.startDate ?? null;
}

/** A plan's outcomes in their order. */
export async function listPlanOutcomes(accountId: string, planId: string, executor: Executor = db) {
  return executor
    .select({ id: outcomes.id, title: outcomes.title, targetDate: outcomes.targetDate })
    .from(outcomes)
    .where(and(eq(outcomes.accountId, accountId), eq(outcomes.planId, planId)))
    .orderBy(asc(outcomes.position), asc(outcomes.createdAt));
}

/** The outcome, if it belongs to the account's current plan, or null. */
export async function getCurrentOutcome(accountId: string, outcomeId: string, executor: Executor = db) {
  const [row] = await executor
    .select({ id: outcomes.id, planId: outcomes.planId, title: outcomes.title })
    .from(outcomes)
    .innerJoin(plans, eq(plans.id, outcomes.planId))
    .where(and(eq(outcomes.id, outcomeId), eq(outcomes.accountId, accountId), eq(plans.isCurrent, true)));
  return row ?? null;
}
