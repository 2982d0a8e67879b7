import { and, asc, eq, or, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { comments, milestones, tasks, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { newId } from "~/lib/ids.server";
import { notifyTaskComment } from "./plan-notices.server";
import { canOnPlan } from "./plan-permissions";

export type CommentError = "not_found" | "forbidden" | "empty" | "too_long";

/** Longest comment, in characters (after trimming). */
const COMMENT_MAX = 5000;

export interface PlanComment {
  id: string;
  subjectType: "milestone" | "task";
  subjectId: string;
  authorName: string;
  authorSide: "customer" | "vendor";
  body: string;
  internal: boolean;
  createdAt: string;
}

const fail = (error: CommentError) => ({ ok: false as const, error });

/**
 * Comments on a milestone or task of the account. Only staff write internal comments; a comment
 * on an internal task is stored as internal whatever was asked, so it can never reach a customer
 * by another path. Records a "comment.added" activity entry in the same transaction.
 */
export async function addComment(
  actor: Actor,
  accountId: string,
  input: { subjectType: "milestone" | "task"; subjectId: string; body: string; internal: boolean },
): Promise<{ ok: true; id: string } | { ok: false; error: CommentError }> {
  if (actor.kind === "customer" && actor.accountId !== accountId) return fail("not_found");
  if (!canOnPlan(actor, "comment", { accountId, internal: input.internal })) return fail("forbidden");
  const body = input.body.trim();
  if (body.length === 0) return fail("empty");
  if (body.length > COMMENT_MAX) return fail("too_long");

  return db.transaction(async (tx) => {
    const [subject] =
      input.subjectType === "milestone"
        ? await tx
            .select({ planId: milestones.planId, title: milestones.title, internal: sql<boolean>`false` })
            .from(milestones)
            .where(and(eq(milestones.id, input.subjectId), eq(milestones.accountId, accountId)))
        : await tx
            .select({ planId: tasks.planId, title: tasks.title, internal: tasks.internal })
            .from(tasks)
            .where(
              and(
                eq(tasks.id, input.subjectId),
                eq(tasks.accountId, accountId),
                actor.kind === "customer" ? eq(tasks.internal, false) : undefined,
              ),
            );
    if (!subject) return fail("not_found");

    const id = newId();
    const internal = input.internal || subject.internal;
    await tx.insert(comments).values({
      id,
      accountId,
      planId: subject.planId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      authorId: actor.id,
      body,
      internal,
    });
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "comment.added",
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      details: {
        planId: subject.planId,
        title: subject.title,
        commentId: id,
        from: null,
        to: id,
        ...(internal ? { internal: true } : {}),
      },
    });
    if (input.subjectType === "task") await notifyTaskComment(tx, actor, accountId, input.subjectId, internal);
    return { ok: true as const, id };
  });
}

/**
 * A plan's comments, oldest first. For anyone who may not see internal items, internal comments
 * and comments on internal tasks are left out in SQL, never fetched and filtered afterwards.
 */
export async function listPlanComments(actor: Actor, accountId: string, planId: string): Promise<PlanComment[]> {
  if (!canOnPlan(actor, "plan.view", { accountId })) return [];
  const seesInternal = canOnPlan(actor, "internal.view", { accountId });
  const rows = await db
    .select({
      id: comments.id,
      subjectType: comments.subjectType,
      subjectId: comments.subjectId,
      authorName: users.name,
      authorStaffRole: users.staffRole,
      body: comments.body,
      internal: comments.internal,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(
      tasks,
      and(eq(comments.subjectType, "task"), eq(tasks.id, comments.subjectId), eq(tasks.accountId, comments.accountId)),
    )
    .where(
      and(
        eq(comments.accountId, accountId),
        eq(comments.planId, planId),
        seesInternal
          ? undefined
          : and(eq(comments.internal, false), or(eq(comments.subjectType, "milestone"), eq(tasks.internal, false))),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return rows.map(({ authorStaffRole, createdAt, ...comment }) => ({
    ...comment,
    authorSide: authorStaffRole ? "vendor" : "customer",
    createdAt: createdAt.toISOString(),
  }));
}
