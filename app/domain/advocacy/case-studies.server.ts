import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "~db/client.server";
import { type CaseStudyStatus, caseStudyVersions, consents, opportunities, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor, StaffActor } from "~/domain/auth/actor";
import { getPlanValue } from "~/domain/value/metrics.server";
import { newId } from "~/lib/ids.server";
import { notifyInApp } from "~/domain/inbox/items.server";
import { CASE_STUDY_LIMITS, planFacts, withFacts } from "./case-study";
import { listCaseStudyComments } from "./case-study-comments.server";
import { moveProblem } from "./pipeline";
import { writeTransition } from "./transitions.server";

export const DraftSchema = z.object({
  title: z.string().trim().min(1, "field.required").max(CASE_STUDY_LIMITS.title, "field.tooLong"),
  body: z.string().trim().max(CASE_STUDY_LIMITS.body, "field.tooLong").default(""),
  facts: z.array(z.string().max(500)).max(50).default([]),
});
export type DraftInput = z.infer<typeof DraftSchema>;

export interface CaseStudyVersionView {
  id: string;
  version: number;
  title: string;
  body: string;
  status: CaseStudyStatus;
  reviewComment: string;
  createdAt: string;
}

/** Every version of an opportunity's case study, newest first. */
export async function listCaseStudyVersions(opportunityId: string): Promise<CaseStudyVersionView[]> {
  const rows = await db
    .select({
      id: caseStudyVersions.id,
      version: caseStudyVersions.version,
      title: caseStudyVersions.title,
      body: caseStudyVersions.body,
      status: caseStudyVersions.status,
      reviewComment: caseStudyVersions.reviewComment,
      createdAt: caseStudyVersions.createdAt,
    })
    .from(caseStudyVersions)
    .where(eq(caseStudyVersions.opportunityId, opportunityId))
    .orderBy(desc(caseStudyVersions.version));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** The facts a draft can pull from the account's plan: its measured value metrics, through the value area. */
export async function listPlanFacts(actor: StaffActor, accountId: string): Promise<string[]> {
  const value = await getPlanValue(actor, accountId);
  return value ? planFacts(value, actor.locale) : [];
}

export type DraftError = "not_found" | "wrong_stage" | "unknown_fact";

/**
 * Saves a new version of the draft (with the chosen plan facts appended). Only while the case
 * study is in production, and only facts the plan really has.
 */
export async function saveDraft(
  actor: StaffActor,
  opportunityId: string,
  input: DraftInput,
): Promise<{ ok: true; version: number } | { ok: false; error: DraftError }> {
  const [opportunity] = await db
    .select({ accountId: opportunities.accountId })
    .from(opportunities)
    .where(eq(opportunities.id, opportunityId));
  if (!opportunity) return { ok: false, error: "not_found" };
  const known = new Set(await listPlanFacts(actor, opportunity.accountId));
  if (input.facts.some((fact) => !known.has(fact))) return { ok: false, error: "unknown_fact" };
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({
        id: opportunities.id,
        accountId: opportunities.accountId,
        stage: opportunities.stage,
        askType: opportunities.askType,
      })
      .from(opportunities)
      .where(eq(opportunities.id, opportunityId))
      .for("update");
    if (!locked || locked.askType !== "case_study") return { ok: false as const, error: "not_found" as const };
    if (locked.stage !== "in_production") return { ok: false as const, error: "wrong_stage" as const };
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${caseStudyVersions.version}), 0)::int` })
      .from(caseStudyVersions)
      .where(eq(caseStudyVersions.opportunityId, opportunityId));
    const version = (last?.n ?? 0) + 1;
    const id = newId();
    await tx.insert(caseStudyVersions).values({
      id,
      opportunityId,
      accountId: locked.accountId,
      version,
      title: input.title,
      body: withFacts(input.body, input.facts),
      authorId: actor.id,
    });
    await recordActivity(tx, {
      accountId: locked.accountId,
      actorId: actor.id,
      action: "case_study.drafted",
      subjectType: "case_study_version",
      subjectId: id,
      details: { opportunityId, version },
    });
    return { ok: true as const, version };
  });
}

/** Sends the latest version to the advocate for review: the opportunity moves to "customer review". */
export async function sendForReview(
  actor: StaffActor,
  opportunityId: string,
): Promise<{ ok: true } | { ok: false; error: "not_found" | "no_draft" | "wrong_stage" | "needs_consent" }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: opportunities.id,
        accountId: opportunities.accountId,
        advocateId: opportunities.advocateId,
        stage: opportunities.stage,
        askType: opportunities.askType,
        scope: consents.scope,
        withdrawnAt: consents.withdrawnAt,
      })
      .from(opportunities)
      .leftJoin(consents, eq(consents.id, opportunities.consentId))
      .where(eq(opportunities.id, opportunityId))
      .for("update", { of: opportunities });
    if (!row || row.askType !== "case_study") return { ok: false as const, error: "not_found" as const };
    const problem = moveProblem(
      row.stage,
      "customer_review",
      "staff",
      row.scope ? { scope: row.scope, withdrawnAt: row.withdrawnAt } : null,
    );
    if (problem === "needs_consent") return { ok: false as const, error: "needs_consent" as const };
    if (problem) return { ok: false as const, error: "wrong_stage" as const };
    const [latest] = await tx
      .select({ id: caseStudyVersions.id, status: caseStudyVersions.status, title: caseStudyVersions.title })
      .from(caseStudyVersions)
      .where(eq(caseStudyVersions.opportunityId, opportunityId))
      .orderBy(desc(caseStudyVersions.version))
      .limit(1);
    if (!latest || latest.status !== "draft") return { ok: false as const, error: "no_draft" as const };
    await tx.update(caseStudyVersions).set({ status: "in_review" }).where(eq(caseStudyVersions.id, latest.id));
    await writeTransition(tx, row, "customer_review", actor.id);
    if (row.advocateId)
      await notifyInApp(tx, actor.id, [
        {
          accountId: row.accountId,
          userId: row.advocateId,
          kind: "case_study_review",
          params: { title: latest.title },
          href: `/accounts/${row.accountId}/case-studies/${latest.id}`,
        },
      ]);
    return { ok: true as const };
  });
}

/**
 * The case studies waiting for review that this person sees on their home: the advocate decides;
 * the account's other champions read along and may comment. Each comes with its review thread.
 */
export async function listCaseStudiesToReview(actor: Actor) {
  if (actor.kind !== "customer") return [];
  const rows = await db
    .select({
      id: caseStudyVersions.id,
      opportunityId: caseStudyVersions.opportunityId,
      version: caseStudyVersions.version,
      title: caseStudyVersions.title,
      body: caseStudyVersions.body,
      advocateId: opportunities.advocateId,
      advocateName: users.name,
    })
    .from(caseStudyVersions)
    .innerJoin(opportunities, eq(opportunities.id, caseStudyVersions.opportunityId))
    .leftJoin(users, eq(users.id, opportunities.advocateId))
    .where(
      and(
        eq(caseStudyVersions.accountId, actor.accountId),
        actor.accountRole === "champion" ? undefined : eq(opportunities.advocateId, actor.id),
        eq(caseStudyVersions.status, "in_review"),
        eq(opportunities.stage, "customer_review"),
      ),
    );
  const comments = await listCaseStudyComments(
    actor,
    rows.map((row) => row.opportunityId),
  );
  return rows.map(({ advocateId, ...row }) => ({
    ...row,
    advocateName: row.advocateName ?? "",
    canDecide: advocateId === actor.id,
    comments: comments.filter((comment) => comment.opportunityId === row.opportunityId),
  }));
}

export const ReviewSchema = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("approve"),
    comment: z.string().trim().max(CASE_STUDY_LIMITS.comment, "field.tooLong").default(""),
  }),
  z.object({
    decision: z.literal("request_changes"),
    comment: z.string().trim().min(1, "advocacy.changesRequired").max(CASE_STUDY_LIMITS.comment, "field.tooLong"),
  }),
]);
export type ReviewInput = z.infer<typeof ReviewSchema>;

/**
 * The advocate approves the version in review, or asks for changes (with what to change): the
 * case study goes back to production. Anyone but the advocate gets "not_found".
 */
export async function reviewCaseStudy(
  actor: Actor,
  accountId: string,
  versionId: string,
  input: ReviewInput,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: "not_found" | "already_reviewed" }> {
  if (actor.kind !== "customer" || actor.accountId !== accountId) return { ok: false, error: "not_found" };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        versionId: caseStudyVersions.id,
        status: caseStudyVersions.status,
        id: opportunities.id,
        accountId: opportunities.accountId,
        stage: opportunities.stage,
      })
      .from(caseStudyVersions)
      .innerJoin(opportunities, eq(opportunities.id, caseStudyVersions.opportunityId))
      .where(
        and(
          eq(caseStudyVersions.id, versionId),
          eq(caseStudyVersions.accountId, accountId),
          eq(opportunities.advocateId, actor.id),
        ),
      )
      .for("update", { of: [caseStudyVersions, opportunities] });
    if (!row) return { ok: false as const, error: "not_found" as const };
    if (row.status !== "in_review" || row.stage !== "customer_review")
      return { ok: false as const, error: "already_reviewed" as const };
    const status = input.decision === "approve" ? ("approved" as const) : ("changes_requested" as const);
    await tx
      .update(caseStudyVersions)
      .set({ status, reviewComment: input.comment, reviewedById: actor.id, reviewedAt: now })
      .where(eq(caseStudyVersions.id, versionId));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: `case_study.${status}`,
      subjectType: "case_study_version",
      subjectId: versionId,
      details: { from: "in_review", to: status, comment: input.comment },
    });
    if (status === "changes_requested")
      await writeTransition(tx, row, "in_production", actor.id, { note: input.comment });
    return { ok: true as const };
  });
}
