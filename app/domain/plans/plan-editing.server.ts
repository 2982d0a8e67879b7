import { and, eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { accounts, plans } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { findPlan } from "./edit-support.server";
import { type EditResult, PlanRenameSchema, type PlanRenameInput, editFail, editInvalid } from "./plan-edit-rules";
import { canOnPlan } from "./plan-permissions";
import { zodFieldErrors } from "~/lib/forms";

/** Renames a plan, refusing a stale `expectedVersion`; logs "plan.renamed" with the old and new name. */
export async function renamePlan(
  actor: Actor,
  accountId: string,
  planId: string,
  input: PlanRenameInput & { expectedVersion: number },
): Promise<EditResult> {
  return db.transaction(async (tx): Promise<EditResult> => {
    const plan = await findPlan(tx, actor, accountId, planId, true);
    if (!plan) return editFail("not_found");
    if (!canOnPlan(actor, "plan.edit", { accountId })) return editFail("forbidden");
    const parsed = PlanRenameSchema.safeParse(input);
    if (!parsed.success) return editInvalid(zodFieldErrors(parsed.error));
    if (plan.version !== input.expectedVersion) return editFail("stale");
    const { name } = parsed.data;
    if (name === plan.name) return { ok: true };

    await tx
      .update(plans)
      .set({ name, version: plan.version + 1, updatedAt: new Date() })
      .where(and(eq(plans.id, plan.id), eq(plans.accountId, accountId), eq(plans.version, plan.version)));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "plan.renamed",
      subjectType: "plan",
      subjectId: plan.id,
      details: { planId: plan.id, from: plan.name, to: name },
    });
    return { ok: true };
  });
}

/**
 * Makes one of the account's plans its current one (the plan customers see), in one transaction:
 * the previous current plan stops being current first, as the partial unique index
 * plans_one_current_idx requires. The account row is locked, as applyTemplate does, so two
 * switches (or a switch and a new plan) at once are serialized.
 */
export async function makePlanCurrent(actor: Actor, accountId: string, planId: string): Promise<EditResult> {
  return db.transaction(async (tx): Promise<EditResult> => {
    const plan = await findPlan(tx, actor, accountId, planId);
    if (!plan) return editFail("not_found");
    if (!canOnPlan(actor, "plan.edit", { accountId })) return editFail("forbidden");
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for("update");

    const [previous] = await tx
      .select({ id: plans.id, name: plans.name })
      .from(plans)
      .where(and(eq(plans.accountId, accountId), eq(plans.isCurrent, true)));
    if (previous?.id === plan.id) return { ok: true };

    const now = new Date();
    if (previous) {
      await tx
        .update(plans)
        .set({ isCurrent: false, version: sql`${plans.version} + 1`, updatedAt: now })
        .where(and(eq(plans.id, previous.id), eq(plans.accountId, accountId)));
    }
    await tx
      .update(plans)
      .set({ isCurrent: true, version: sql`${plans.version} + 1`, updatedAt: now })
      .where(and(eq(plans.id, plan.id), eq(plans.accountId, accountId)));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "plan.made_current",
      subjectType: "plan",
      subjectId: plan.id,
      details: {
        planId: plan.id,
        name: plan.name,
        from: previous?.id ?? null,
        fromName: previous?.name ?? null,
        to: plan.id,
      },
    });
    return { ok: true };
  });
}
