import { requestHealthRecompute } from "~/domain/health/triggers.server";
import { and, count, eq, isNull, ne, or, sql } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import { type TaskSide, accounts, milestones, outcomes, plans, tasks } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { reactToEvents } from "~/domain/events/reactions.server";
import { recordEvent } from "~/domain/events/record.server";
import { achievementOf } from "./milestone-status";
import { notifySignOffWaiting } from "./plan-notices.server";
import { canOnPlan } from "./plan-permissions";

export type MilestoneActionError = "not_found" | "forbidden" | "already_signed" | "invalid_rating" | "open_tasks";

/** Longest comment that may come with a rating, in characters (after trimming). */
const RATING_COMMENT_MAX = 1000;
/** Longest reason for signing off a milestone that still has open tasks, in characters. */
export const OPEN_TASKS_REASON_MAX = 500;

const fail = (error: MilestoneActionError) => ({ ok: false as const, error });

/** The side a person signs for: staff sign for the vendor, customers for their own company. */
const sideOf = (actor: Actor): TaskSide => (actor.kind === "staff" ? "vendor" : "customer");

/**
 * The milestone with its account's time zone, its row locked for the rest of the transaction so
 * that of two sign-offs at the same moment the second one sees the first (and is the one that
 * achieves it). Everything of another account doesn't exist for a customer.
 */
async function lockMilestone(tx: Transaction, actor: Actor, accountId: string, milestoneId: string) {
  if (actor.kind === "customer" && actor.accountId !== accountId) return null;
  const [milestone] = await tx
    .select({
      id: milestones.id,
      planId: milestones.planId,
      title: milestones.title,
      targetDate: milestones.targetDate,
      vendorSignedById: milestones.vendorSignedById,
      vendorSignedAt: milestones.vendorSignedAt,
      customerSignedById: milestones.customerSignedById,
      customerSignedAt: milestones.customerSignedAt,
      timeZone: accounts.timeZone,
    })
    .from(milestones)
    .innerJoin(accounts, eq(accounts.id, milestones.accountId))
    .where(and(eq(milestones.id, milestoneId), eq(milestones.accountId, accountId)))
    .for("update", { of: milestones });
  return milestone ?? null;
}

type Rating = { rating: number | null; ratingComment: string | null };

/**
 * The milestone's tasks that aren't done. `visibleTo` a customer leaves out the vendor's internal
 * tasks, so the count a champion is told never reveals them.
 */
async function countOpenTasks(
  tx: Transaction,
  accountId: string,
  where: { milestoneId: string } | { planId: string },
  visibleTo?: Actor,
): Promise<number> {
  const [row] = await tx
    .select({ open: count() })
    .from(tasks)
    .where(
      and(
        eq(tasks.accountId, accountId),
        "milestoneId" in where ? eq(tasks.milestoneId, where.milestoneId) : eq(tasks.planId, where.planId),
        ne(tasks.status, "done"),
        visibleTo?.kind === "customer" ? eq(tasks.internal, false) : undefined,
      ),
    );
  return row?.open ?? 0;
}

/**
 * The rating to store, or null when it is invalid: an integer 1–5 with an optional comment of at
 * most 1,000 characters. A comment belongs to a rating, so a comment without one is invalid too.
 */
function parseRating(input: { rating?: number | null; ratingComment?: string | null }): Rating | null {
  const rating = input.rating ?? null;
  const ratingComment = input.ratingComment?.trim() || null;
  if (rating === null) return ratingComment === null ? { rating, ratingComment } : null;
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return null;
  if (ratingComment !== null && ratingComment.length > RATING_COMMENT_MAX) return null;
  return { rating, ratingComment };
}

/**
 * Signs a milestone off for the actor's side — admins and CSMs for the vendor, the champion for
 * the customer — in either order. The champion may rate it (1–5 with a comment) when signing;
 * a rating from anyone else, or an invalid one, is refused. While tasks the signer can see are
 * still open, signing needs a reason ("sign off anyway"), kept in the activity entry with the
 * count. When this is the second side, the milestone is achieved: a "milestone.achieved" event
 * and activity entry are recorded and, if it was the plan's last open milestone, a
 * "plan.completed" event — all in this one transaction. Both carry how many tasks were still
 * open, so nothing downstream (advocacy's asks) treats a waved-through milestone as a success.
 * Once it has committed, the areas that react to those events do.
 */
export async function signOffMilestone(
  actor: Actor,
  accountId: string,
  milestoneId: string,
  input: { rating?: number | null; ratingComment?: string | null; openTasksReason?: string | null },
): Promise<{ ok: true; achieved: boolean } | { ok: false; error: MilestoneActionError }> {
  const result = await db.transaction(async (tx) => {
    const milestone = await lockMilestone(tx, actor, accountId, milestoneId);
    if (!milestone) return fail("not_found");
    const side = sideOf(actor);
    if (!canOnPlan(actor, "milestone.sign_off", { accountId, side })) return fail("forbidden");

    const rating = parseRating(input);
    if (!rating) return fail("invalid_rating");
    const rates = rating.rating !== null;
    if (rates && (side !== "customer" || !canOnPlan(actor, "milestone.rate", { accountId })))
      return fail("invalid_rating");

    const signedAt = side === "vendor" ? milestone.vendorSignedAt : milestone.customerSignedAt;
    if (signedAt) return fail("already_signed");

    const openTasks = await countOpenTasks(tx, accountId, { milestoneId: milestone.id }, actor);
    const openTasksReason = input.openTasksReason?.trim() || null;
    if (openTasks > 0 && (!openTasksReason || openTasksReason.length > OPEN_TASKS_REASON_MAX))
      return fail("open_tasks");

    const now = new Date();
    const signature =
      side === "vendor"
        ? { vendorSignedById: actor.id, vendorSignedAt: now }
        : { customerSignedById: actor.id, customerSignedAt: now, ...rating };
    await tx
      .update(milestones)
      .set({ ...signature, version: sql`${milestones.version} + 1` })
      .where(and(eq(milestones.id, milestone.id), eq(milestones.accountId, accountId)));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "milestone.signed_off",
      subjectType: "milestone",
      subjectId: milestone.id,
      details: {
        planId: milestone.planId,
        title: milestone.title,
        side,
        from: null,
        to: actor.id,
        ...(side === "customer" ? rating : {}),
        ...(openTasks > 0 ? { openTasks, openTasksReason } : {}),
      },
    });
    await requestHealthRecompute(tx, accountId);

    const signed = { ...milestone, ...signature };
    const achievement = achievementOf(signed, milestone.timeZone);
    if (!achievement) {
      const otherSigned = side === "vendor" ? signed.customerSignedAt : signed.vendorSignedAt;
      if (!otherSigned)
        await notifySignOffWaiting(tx, actor, accountId, milestone, side === "vendor" ? "customer" : "vendor");
      return { ok: true as const, achieved: false, eventIds: [] };
    }
    const eventIds = await recordAchievement(tx, actor, accountId, milestone, achievement);
    return { ok: true as const, achieved: true, eventIds };
  });
  if (!result.ok) return result;
  if (result.eventIds.length > 0) await reactToEvents(result.eventIds);
  return { ok: true, achieved: result.achieved };
}

async function recordAchievement(
  tx: Transaction,
  actor: Actor,
  accountId: string,
  milestone: { id: string; planId: string; title: string; targetDate: string },
  achievement: NonNullable<ReturnType<typeof achievementOf>>,
): Promise<string[]> {
  const { achievedAt, achievedOn, daysEarly } = achievement;
  const openTasks = await countOpenTasks(tx, accountId, { milestoneId: milestone.id });
  const [outcome] = await tx
    .select({ title: outcomes.title })
    .from(milestones)
    .innerJoin(outcomes, eq(outcomes.id, milestones.outcomeId))
    .where(eq(milestones.id, milestone.id));
  const payload = {
    milestoneId: milestone.id,
    planId: milestone.planId,
    title: milestone.title,
    targetDate: milestone.targetDate,
    achievedOn,
    daysEarly,
    outcomeTitle: outcome?.title ?? null,
    ...(openTasks > 0 ? { openTasks } : {}),
  };
  const achievedId = await recordEvent(tx, {
    type: "milestone.achieved",
    accountId,
    actorId: actor.id,
    subjectId: milestone.id,
    payload,
    occurredAt: achievedAt,
  });
  await recordActivity(tx, {
    accountId,
    actorId: actor.id,
    action: "milestone.achieved",
    subjectType: "milestone",
    subjectId: milestone.id,
    details: { ...payload, from: "open", to: "achieved" },
  });

  // Locking the plan serializes the last two milestones being achieved at once: the later
  // transaction waits here, then sees the other's sign-offs and completes the plan.
  await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.id, milestone.planId), eq(plans.accountId, accountId)))
    .for("update");
  const [open] = await tx
    .select({ id: milestones.id })
    .from(milestones)
    .where(
      and(
        eq(milestones.planId, milestone.planId),
        eq(milestones.accountId, accountId),
        or(isNull(milestones.vendorSignedAt), isNull(milestones.customerSignedAt)),
      ),
    )
    .limit(1);
  if (open) return [achievedId];
  const planOpenTasks = await countOpenTasks(tx, accountId, { planId: milestone.planId });
  const completedId = await recordEvent(tx, {
    type: "plan.completed",
    accountId,
    actorId: actor.id,
    subjectId: milestone.planId,
    payload: { planId: milestone.planId, ...(planOpenTasks > 0 ? { openTasks: planOpenTasks } : {}) },
    occurredAt: achievedAt,
  });
  await recordActivity(tx, {
    accountId,
    actorId: actor.id,
    action: "plan.completed",
    subjectType: "plan",
    subjectId: milestone.planId,
    details: { planId: milestone.planId, from: "open", to: "completed" },
  });
  return [achievedId, completedId];
}

/**
 * Withdraws the sign-off of the actor's side (anyone who may sign for that side may withdraw it)
 * while the milestone is not yet achieved; once both sides have signed it stands. The customer's
 * rating goes with the customer's sign-off. Withdrawing a side that hasn't signed changes nothing.
 */
export async function withdrawSignOff(
  actor: Actor,
  accountId: string,
  milestoneId: string,
): Promise<{ ok: true } | { ok: false; error: MilestoneActionError }> {
  return db.transaction(async (tx) => {
    const milestone = await lockMilestone(tx, actor, accountId, milestoneId);
    if (!milestone) return fail("not_found");
    const side = sideOf(actor);
    if (!canOnPlan(actor, "milestone.sign_off", { accountId, side })) return fail("forbidden");
    if (milestone.vendorSignedAt && milestone.customerSignedAt) return fail("forbidden");

    const signerId = side === "vendor" ? milestone.vendorSignedById : milestone.customerSignedById;
    const signedAt = side === "vendor" ? milestone.vendorSignedAt : milestone.customerSignedAt;
    if (!signedAt) return { ok: true as const };

    const cleared =
      side === "vendor"
        ? { vendorSignedById: null, vendorSignedAt: null }
        : { customerSignedById: null, customerSignedAt: null, rating: null, ratingComment: null };
    await tx
      .update(milestones)
      .set({ ...cleared, version: sql`${milestones.version} + 1` })
      .where(and(eq(milestones.id, milestone.id), eq(milestones.accountId, accountId)));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "milestone.sign_off_withdrawn",
      subjectType: "milestone",
      subjectId: milestone.id,
      details: { planId: milestone.planId, title: milestone.title, side, from: signerId, to: null },
    });
    await requestHealthRecompute(tx, accountId);
    return { ok: true as const };
  });
}
