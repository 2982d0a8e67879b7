import { type SQL, and, asc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db, type Executor } from "~db/client.server";
import { caseStudyComments, caseStudyVersions, opportunities, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor, CustomerActor, StaffActor } from "~/domain/auth/actor";
import { canInWorkspace } from "~/domain/auth/authorization";
import { queueMail } from "~/domain/mail/outbox.server";
import { caseStudyCommentMail } from "~/domain/mail/messages.server";
import { appOrigin } from "~/lib/http.server";
import { newId } from "~/lib/ids.server";
import { CASE_STUDY_LIMITS, caseStudyCommentProblem } from "./case-study";

export const CaseStudyCommentSchema = z.object({
  versionId: z.string().min(1).max(40),
  body: z.string().trim().min(1, "field.required").max(CASE_STUDY_LIMITS.comment, "field.tooLong"),
  quote: z.string().trim().max(CASE_STUDY_LIMITS.quote, "field.tooLong").default(""),
});
export type CaseStudyCommentInput = z.infer<typeof CaseStudyCommentSchema>;

export interface CaseStudyCommentView {
  id: string;
  opportunityId: string;
  version: number;
  authorName: string;
  authorSide: "vendor" | "customer";
  body: string;
  quote: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
}

const resolver = alias(users, "resolver");

/**
 * The threads of these case studies, oldest first (the UI groups them by version). A customer's
 * list is limited to their own account in the query, whatever ids were asked for.
 */
export async function listCaseStudyComments(actor: Actor, opportunityIds: string[]): Promise<CaseStudyCommentView[]> {
  if (opportunityIds.length === 0) return [];
  const rows = await db
    .select({
      id: caseStudyComments.id,
      opportunityId: caseStudyComments.opportunityId,
      version: caseStudyVersions.version,
      authorName: users.name,
      authorStaffRole: users.staffRole,
      body: caseStudyComments.body,
      quote: caseStudyComments.quote,
      createdAt: caseStudyComments.createdAt,
      resolvedAt: caseStudyComments.resolvedAt,
      resolvedByName: resolver.name,
    })
    .from(caseStudyComments)
    .innerJoin(caseStudyVersions, eq(caseStudyVersions.id, caseStudyComments.versionId))
    .innerJoin(users, eq(users.id, caseStudyComments.authorId))
    .leftJoin(resolver, eq(resolver.id, caseStudyComments.resolvedById))
    .where(
      and(
        inArray(caseStudyComments.opportunityId, opportunityIds),
        actor.kind === "customer" ? eq(caseStudyComments.accountId, actor.accountId) : undefined,
      ),
    )
    .orderBy(asc(caseStudyComments.createdAt), asc(caseStudyComments.id));
  return rows.map(({ authorStaffRole, ...row }) => ({
    ...row,
    authorSide: authorStaffRole ? ("vendor" as const) : ("customer" as const),
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  }));
}

/** Marketing (advocacy.manage) and the opportunity's owner take part on the vendor's side. */
function staffMayTakePart(actor: StaffActor): SQL | undefined {
  return canInWorkspace(actor, "advocacy.manage") ? undefined : eq(opportunities.ownerId, actor.id);
}

/** The advocate and the account's champions take part on the customer's side. */
function customerMayTakePart(actor: CustomerActor): SQL | undefined {
  return and(
    eq(caseStudyVersions.accountId, actor.accountId),
    actor.accountRole === "champion" ? undefined : eq(opportunities.advocateId, actor.id),
  );
}

/** Whether this staff member may comment on and resolve comments of the case study (for the page; the write checks again). */
export function staffTakesPart(actor: StaffActor, opportunity: { ownerId: string | null }): boolean {
  return canInWorkspace(actor, "advocacy.manage") || opportunity.ownerId === actor.id;
}

export type CommentError = "not_found" | "closed";

/**
 * A comment on one version. Staff reach it through the opportunity, a customer through their
 * account: both scopes are in the query, so anything else is "not_found". Whether the version is
 * still open to comments is decided under a lock, against an approval happening at the same time.
 */
export async function addCaseStudyComment(
  actor: Actor,
  scope: { opportunityId: string } | { accountId: string },
  input: CaseStudyCommentInput,
): Promise<{ ok: true; id: string } | { ok: false; error: CommentError }> {
  if (actor.kind === "customer" && (!("accountId" in scope) || scope.accountId !== actor.accountId))
    return { ok: false, error: "not_found" };
  const inScope =
    "opportunityId" in scope
      ? eq(opportunities.id, scope.opportunityId)
      : eq(caseStudyVersions.accountId, scope.accountId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        opportunityId: opportunities.id,
        accountId: caseStudyVersions.accountId,
        version: caseStudyVersions.version,
        status: caseStudyVersions.status,
        stage: opportunities.stage,
      })
      .from(caseStudyVersions)
      .innerJoin(opportunities, eq(opportunities.id, caseStudyVersions.opportunityId))
      .where(
        and(
          eq(caseStudyVersions.id, input.versionId),
          inScope,
          actor.kind === "staff" ? staffMayTakePart(actor) : customerMayTakePart(actor),
        ),
      )
      .for("update", { of: [caseStudyVersions, opportunities] });
    if (!row) return { ok: false as const, error: "not_found" as const };
    const problem = caseStudyCommentProblem(actor.kind, row.stage, row.status);
    if (problem) return { ok: false as const, error: problem };
    const id = newId();
    await tx.insert(caseStudyComments).values({
      id,
      opportunityId: row.opportunityId,
      versionId: input.versionId,
      accountId: row.accountId,
      authorId: actor.id,
      body: input.body,
      quote: input.quote,
    });
    await recordActivity(tx, {
      accountId: row.accountId,
      actorId: actor.id,
      action: "case_study.commented",
      subjectType: "case_study_version",
      subjectId: input.versionId,
      details: { opportunityId: row.opportunityId, version: row.version, commentId: id },
    });
    await queueCaseStudyCommentMail(tx, id);
    return { ok: true as const, id };
  });
}

export const ResolveCommentSchema = z.object({
  commentId: z.string().min(1).max(40),
  resolved: z.enum(["true", "false"]).transform((value) => value === "true"),
});

/**
 * Staff mark a comment resolved (it collapses but stays in the thread) or reopen it. Resolving
 * stays possible after approval: tidying the thread changes nothing the customer agreed to.
 */
export async function resolveCaseStudyComment(
  actor: StaffActor,
  opportunityId: string,
  input: z.infer<typeof ResolveCommentSchema>,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: "not_found" }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: caseStudyComments.id,
        accountId: caseStudyComments.accountId,
        versionId: caseStudyComments.versionId,
        resolvedAt: caseStudyComments.resolvedAt,
      })
      .from(caseStudyComments)
      .innerJoin(opportunities, eq(opportunities.id, caseStudyComments.opportunityId))
      .where(
        and(
          eq(caseStudyComments.id, input.commentId),
          eq(caseStudyComments.opportunityId, opportunityId),
          staffMayTakePart(actor),
        ),
      )
      .for("update", { of: caseStudyComments });
    if (!row) return { ok: false as const, error: "not_found" as const };
    // Resolving twice (two tabs, a double click) keeps the first resolver and time.
    if (Boolean(row.resolvedAt) === input.resolved) return { ok: true as const };
    await tx
      .update(caseStudyComments)
      .set(input.resolved ? { resolvedAt: now, resolvedById: actor.id } : { resolvedAt: null, resolvedById: null })
      .where(eq(caseStudyComments.id, row.id));
    await recordActivity(tx, {
      accountId: row.accountId,
      actorId: actor.id,
      action: input.resolved ? "case_study.comment_resolved" : "case_study.comment_reopened",
      subjectType: "case_study_version",
      subjectId: row.versionId,
      details: { opportunityId, commentId: row.id },
    });
    return { ok: true as const };
  });
}

/**
 * Tells the other side of a new comment by email, queued in the comment's transaction: a vendor
 * comment on the version in review goes to the advocate (the thread is on their home), a
 * customer's comment to the opportunity's owner. Nobody is told of their own comment.
 */
async function queueCaseStudyCommentMail(tx: Executor, commentId: string): Promise<void> {
  const origin = appOrigin();
  const author = alias(users, "author");
  const recipient = alias(users, "recipient");
  const [row] = await tx
    .select({
      accountId: caseStudyComments.accountId,
      opportunityId: caseStudyComments.opportunityId,
      authorId: caseStudyComments.authorId,
      authorName: author.name,
      authorIsStaff: author.staffRole,
      body: caseStudyComments.body,
      title: caseStudyVersions.title,
      version: caseStudyVersions.version,
      status: caseStudyVersions.status,
      advocateId: opportunities.advocateId,
      ownerId: opportunities.ownerId,
    })
    .from(caseStudyComments)
    .innerJoin(caseStudyVersions, eq(caseStudyVersions.id, caseStudyComments.versionId))
    .innerJoin(opportunities, eq(opportunities.id, caseStudyComments.opportunityId))
    .innerJoin(author, eq(author.id, caseStudyComments.authorId))
    .where(eq(caseStudyComments.id, commentId));
  if (!row) return;
  const fromVendor = Boolean(row.authorIsStaff);
  const to = fromVendor ? (row.status === "in_review" ? row.advocateId : null) : row.ownerId;
  if (!to || to === row.authorId) return;
  const [person] = await tx
    .select({ email: recipient.email, locale: recipient.locale })
    .from(recipient)
    .where(and(eq(recipient.id, to), isNull(recipient.deactivatedAt)));
  if (!person) return;
  const link = fromVendor
    ? `${origin}/accounts/${row.accountId}`
    : `${origin}/advocacy/opportunities/${row.opportunityId}`;
  await queueMail(
    tx,
    caseStudyCommentMail(person.email, person.locale, {
      who: row.authorName,
      title: row.title,
      version: row.version,
      body: row.body,
      link,
    }),
  );
}
