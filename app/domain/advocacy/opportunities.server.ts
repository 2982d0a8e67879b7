import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { type Executor, db } from "~db/client.server";
import {
  accounts,
  asks,
  caseStudyVersions,
  consents,
  opportunities,
  opportunityTransitions,
  segments,
  users,
} from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import { type SortPart, keysetCondition, keysetOrder, timeKey } from "~/lib/keyset.server";
import { PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import type { StaffActor } from "~/domain/auth/actor";
import { isActiveMemberOf } from "~/domain/people/members.server";
import { ASK_TYPES } from "./ask-rules";
import { type AdvocateAskRefusal, askAdvocateFor } from "./asks.server";
import { type Approval, type MoveProblem, STAGES, moveProblem } from "./pipeline";
import type { OpportunityDetails } from "./opportunity-schemas";
import { writeTransition } from "./transitions.server";

const advocate = alias(users, "advocate");
const owner = alias(users, "owner");

export const OpportunityFiltersSchema = z.object({
  type: z.enum(ASK_TYPES).optional().catch(undefined),
  stage: z.enum(STAGES).optional().catch(undefined),
  industry: z.string().trim().max(120).optional().catch(undefined),
  segment: z.string().trim().max(40).optional().catch(undefined),
  view: z.enum(["table", "board"]).default("table").catch("table"),
});
export type OpportunityFilters = z.infer<typeof OpportunityFiltersSchema>;

/** What the pipeline shows of every opportunity (its account is joined as `accounts`). */
const pipelineColumns = {
  id: opportunities.id,
  askType: opportunities.askType,
  stage: opportunities.stage,
  stageEnteredAt: opportunities.stageEnteredAt,
  dueDate: opportunities.dueDate,
  accountId: accounts.id,
  accountName: accounts.name,
};

function pipelineFilter(filters: OpportunityFilters, scope: { accountId?: string } = {}) {
  return and(
    scope.accountId ? eq(opportunities.accountId, scope.accountId) : undefined,
    filters.type ? eq(opportunities.askType, filters.type) : undefined,
    filters.stage ? eq(opportunities.stage, filters.stage) : undefined,
    filters.industry ? eq(accounts.industry, filters.industry) : undefined,
    filters.segment ? eq(segments.id, filters.segment) : undefined,
  );
}

function pipelineQuery() {
  return db
    .select({
      ...pipelineColumns,
      industry: accounts.industry,
      segmentId: segments.id,
      segmentName: segments.name,
      advocateName: advocate.name,
      ownerName: owner.name,
      // The board's moves post it back (a stale card is refused) and name the scope a refusal cites.
      version: opportunities.version,
      consentScope: consents.scope,
      // The full-precision instant (a JS Date keeps milliseconds only), for the page cursor.
      stageEnteredKey: sql<string>`${opportunities.stageEnteredAt}::text`,
    })
    .from(opportunities)
    .innerJoin(accounts, eq(accounts.id, opportunities.accountId))
    .innerJoin(segments, eq(segments.id, accounts.segmentId))
    .leftJoin(advocate, eq(advocate.id, opportunities.advocateId))
    .leftJoin(owner, eq(owner.id, opportunities.ownerId))
    .leftJoin(consents, eq(consents.id, opportunities.consentId));
}

type PipelineRow = Awaited<ReturnType<typeof pipelineQuery>>[number];

function pipelineRow({ stageEnteredKey: _key, ...row }: PipelineRow) {
  return { ...row, stageEnteredAt: row.stageEnteredAt.toISOString() };
}

/** Newest in their stage first. */
const PIPELINE_ORDER: SortPart[] = [
  { expr: opportunities.stageEnteredAt, descending: true },
  { expr: opportunities.id },
];

/**
 * The workspace's pipeline (or, with `scope.accountId`, one account's: its Advocacy tab), a page
 * (PAGE_SIZE) at a time from `cursor` (the URL's; a bad one or one made under other filters means
 * the first page), with how many match per stage (the total and the board's column counts). Two
 * queries whatever the pipeline's size.
 */
export async function listOpportunityPage(
  filters: OpportunityFilters,
  cursorParam?: string | null,
  scope: { accountId?: string } = {},
) {
  const { view: _view, ...listFilters } = filters;
  const fingerprint = filterFingerprint({ list: "pipeline", ...listFilters, accountId: scope.accountId ?? null });
  const cursor = decodeCursor(cursorParam, fingerprint, PIPELINE_ORDER.length);
  const [rows, counts] = await Promise.all([
    pipelineQuery()
      .where(and(pipelineFilter(filters, scope), keysetCondition(PIPELINE_ORDER, cursor)))
      .orderBy(...keysetOrder(PIPELINE_ORDER, cursor))
      .limit(PAGE_SIZE + 1),
    db
      .select({ stage: opportunities.stage, n: count() })
      .from(opportunities)
      .innerJoin(accounts, eq(accounts.id, opportunities.accountId))
      .innerJoin(segments, eq(segments.id, accounts.segmentId))
      .where(pipelineFilter(filters, scope))
      .groupBy(opportunities.stage),
  ]);
  const byStage = Object.fromEntries(counts.map((row) => [row.stage, row.n])) as Partial<Record<string, number>>;
  const { rows: pageRows, page } = pageFromRows(rows, {
    cursor,
    fingerprint,
    keyOf: (row) => [row.stageEnteredKey, row.id],
    total: counts.reduce((sum, row) => sum + row.n, 0),
  });
  return { rows: pageRows.map(pipelineRow), page, byStage };
}

/** The filters' choices: industries and segments that exist. */
export async function listFilterChoices() {
  const [industries, segmentRows] = await Promise.all([
    db.selectDistinct({ industry: accounts.industry }).from(accounts).orderBy(asc(accounts.industry)),
    db.select({ id: segments.id, name: segments.name }).from(segments).orderBy(asc(segments.name)),
  ]);
  return { industries: industries.map((row) => row.industry), segments: segmentRows };
}

/** One opportunity with its consent, its ask's context and its transitions, oldest first; null if unknown. */
export async function getOpportunity(id: string) {
  const [row] = await db
    .select({
      ...pipelineColumns,
      notes: opportunities.notes,
      ownerId: opportunities.ownerId,
      version: opportunities.version,
      advocateId: opportunities.advocateId,
      advocateName: advocate.name,
      advocateTitle: advocate.title,
      askContext: asks.context,
      consentScope: consents.scope,
      consentUses: consents.uses,
      consentWithdrawnAt: consents.withdrawnAt,
    })
    .from(opportunities)
    .innerJoin(accounts, eq(accounts.id, opportunities.accountId))
    .leftJoin(advocate, eq(advocate.id, opportunities.advocateId))
    .leftJoin(asks, eq(asks.id, opportunities.askId))
    .leftJoin(consents, eq(consents.id, opportunities.consentId))
    .where(eq(opportunities.id, id))
    .limit(1);
  if (!row) return null;
  const transitions = await db
    .select({
      id: opportunityTransitions.id,
      from: opportunityTransitions.fromStage,
      to: opportunityTransitions.toStage,
      at: opportunityTransitions.at,
      actorName: users.name,
    })
    .from(opportunityTransitions)
    .leftJoin(users, eq(users.id, opportunityTransitions.actorId))
    .where(eq(opportunityTransitions.opportunityId, id))
    .orderBy(asc(opportunityTransitions.at), asc(opportunityTransitions.id));
  return {
    ...row,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
    consentWithdrawnAt: row.consentWithdrawnAt?.toISOString() ?? null,
    transitions: transitions.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
  };
}

export type OpportunityError =
  "not_found" | "stale" | "needs_draft" | "needs_advocate" | AdvocateAskRefusal | MoveProblem;

/**
 * Moves an opportunity to another stage from the pipeline, if the transition table allows staff
 * that move and its consent still covers it. Moving a hand-made opportunity from "identified" to
 * "asked" really asks its advocate in the portal, unless a guardrail says not now. Nothing changes
 * on a refusal.
 */
export async function moveOpportunity(
  actor: StaffActor,
  id: string,
  input: { to: (typeof STAGES)[number]; version: number },
): Promise<{ ok: true } | { ok: false; error: OpportunityError }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: opportunities.id,
        accountId: opportunities.accountId,
        stage: opportunities.stage,
        askType: opportunities.askType,
        advocateId: opportunities.advocateId,
        askId: opportunities.askId,
        version: opportunities.version,
        consentScope: consents.scope,
        consentWithdrawnAt: consents.withdrawnAt,
      })
      .from(opportunities)
      .leftJoin(consents, eq(consents.id, opportunities.consentId))
      .where(eq(opportunities.id, id))
      .for("update", { of: opportunities });
    if (!row) return { ok: false as const, error: "not_found" as const };
    if (row.version !== input.version) return { ok: false as const, error: "stale" as const };
    const consent = row.consentScope ? { scope: row.consentScope, withdrawnAt: row.consentWithdrawnAt } : null;
    let approval: Approval = "not_needed";
    let latest: { id: string; status: string } | undefined;
    if (row.askType === "case_study") {
      [latest] = await tx
        .select({ id: caseStudyVersions.id, status: caseStudyVersions.status })
        .from(caseStudyVersions)
        .where(eq(caseStudyVersions.opportunityId, row.id))
        .orderBy(desc(caseStudyVersions.version))
        .limit(1);
      approval = latest?.status === "approved" ? "approved" : "missing";
    }
    const problem = moveProblem(row.stage, input.to, "staff", consent, approval);
    if (problem) return { ok: false as const, error: problem };
    // A case study goes to the customer with its latest draft, which is then the version in review.
    if (row.askType === "case_study" && input.to === "customer_review") {
      if (latest?.status !== "draft") return { ok: false as const, error: "needs_draft" as const };
      await tx.update(caseStudyVersions).set({ status: "in_review" }).where(eq(caseStudyVersions.id, latest.id));
    }
    // Acceptance only comes from the advocate's consent, so "asked" means someone was asked in the portal.
    if (input.to === "asked" && !row.askId) {
      if (!row.advocateId) return { ok: false as const, error: "needs_advocate" as const };
      const asked = await askAdvocateFor(
        tx,
        { id: row.id, accountId: row.accountId, advocateId: row.advocateId, askType: row.askType },
        actor.id,
      );
      if (!asked.ok) return asked;
    }
    // Declined on the pipeline: the advocate said no some other way (a call, an email), so the ask
    // still waiting on their home closes as declined too, and the 180-day rule for the type applies.
    if (input.to === "declined" && row.askId) {
      await tx
        .update(asks)
        .set({ status: "declined", respondedAt: new Date() })
        .where(and(eq(asks.id, row.askId), inArray(asks.status, ["open", "snoozed"])));
    }
    await writeTransition(tx, row, input.to, actor.id);
    return { ok: true as const };
  });
}

/**
 * Owner (a staff member), due date and notes, and while it is "identified" who to ask (an active
 * person of the opportunity's account). A stale version, an owner who isn't staff or an advocate
 * from elsewhere is refused.
 */
export async function updateOpportunityDetails(
  actor: StaffActor,
  id: string,
  input: OpportunityDetails,
): Promise<{ ok: true } | { ok: false; error: "not_found" | "stale" | "invalid_owner" | "invalid_advocate" }> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ accountId: opportunities.accountId, stage: opportunities.stage, version: opportunities.version })
      .from(opportunities)
      .where(eq(opportunities.id, id))
      .for("update");
    if (!current) return { ok: false as const, error: "not_found" as const };
    if (current.version !== input.version) return { ok: false as const, error: "stale" as const };
    if (input.ownerId && !(await isStaffMember(tx, input.ownerId)))
      return { ok: false as const, error: "invalid_owner" as const };
    const changesAdvocate = input.advocateId !== undefined && current.stage === "identified";
    if (changesAdvocate && input.advocateId && !(await isActiveMemberOf(tx, current.accountId, input.advocateId))) {
      return { ok: false as const, error: "invalid_advocate" as const };
    }
    const advocate = changesAdvocate ? { advocateId: input.advocateId || null } : {};
    await tx
      .update(opportunities)
      .set({
        ownerId: input.ownerId || null,
        dueDate: input.dueDate || null,
        notes: input.notes,
        ...advocate,
        version: sql`${opportunities.version} + 1`,
      })
      .where(and(eq(opportunities.id, id), eq(opportunities.accountId, current.accountId)));
    await recordActivity(tx, {
      accountId: current.accountId,
      actorId: actor.id,
      action: "opportunity.updated",
      subjectType: "opportunity",
      subjectId: id,
      details: { ownerId: input.ownerId || null, dueDate: input.dueDate || null, ...advocate },
    });
    return { ok: true as const };
  });
}

/** Whether `userId` is on the vendor team (who may own an opportunity). */
export async function isStaffMember(executor: Executor, userId: string) {
  const [staff] = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), sql`${users.staffRole} is not null`));
  return Boolean(staff);
}

/** Staff who may own an opportunity. */
export async function listPossibleOwners() {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(sql`${users.staffRole} is not null`, sql`${users.deactivatedAt} is null`))
    .orderBy(asc(users.name));
}

/**
 * The asset library, a page (PAGE_SIZE) at a time from `cursor`, newest first: what is published
 * with consent in force, with the consent's scope and uses, and for case studies the approved
 * version's title; `scope.accountId` keeps one account's. Two queries whatever the library's size.
 */
export async function listPublishedAssets(
  scope: { accountId?: string; pageSize?: number } = {},
  cursorParam?: string | null,
) {
  const pageSize = scope.pageSize ?? PAGE_SIZE;
  const fingerprint = filterFingerprint({ list: "assets", accountId: scope.accountId ?? null });
  const cursor = decodeCursor(cursorParam, fingerprint, ASSET_ORDER.length);
  const published = and(
    eq(opportunities.stage, "published"),
    scope.accountId ? eq(opportunities.accountId, scope.accountId) : undefined,
  );
  const inForce = and(eq(consents.id, opportunities.consentId), sql`${consents.withdrawnAt} is null`);
  const query = db
    .select({
      id: opportunities.id,
      askType: opportunities.askType,
      stageEnteredAt: opportunities.stageEnteredAt,
      accountName: accounts.name,
      advocateName: advocate.name,
      scope: consents.scope,
      uses: consents.uses,
      title: sql<
        string | null
      >`(select v.title from case_study_versions v where v.opportunity_id = ${opportunities.id} and v.status = 'approved' order by v.version desc limit 1)`,
      key: timeKey(opportunities.stageEnteredAt),
    })
    .from(opportunities)
    .innerJoin(accounts, eq(accounts.id, opportunities.accountId))
    .innerJoin(consents, inForce)
    .leftJoin(advocate, eq(advocate.id, opportunities.advocateId))
    .where(and(published, keysetCondition(ASSET_ORDER, cursor)))
    .orderBy(...keysetOrder(ASSET_ORDER, cursor))
    .limit(pageSize + 1);
  const [found, [total]] = await Promise.all([
    query,
    db.select({ n: count() }).from(opportunities).innerJoin(consents, inForce).where(published),
  ]);
  const { rows, page } = pageFromRows(found, {
    cursor,
    pageSize,
    fingerprint,
    keyOf: (row) => [row.key, row.id],
    total: total?.n ?? 0,
  });
  return {
    rows: rows.map(({ key: _key, ...row }) => ({ ...row, stageEnteredAt: row.stageEnteredAt.toISOString() })),
    page,
  };
}

/** Newest published first; the id makes the order total. */
const ASSET_ORDER: SortPart[] = [
  { expr: opportunities.stageEnteredAt, descending: true },
  { expr: opportunities.id, descending: true },
];

/** Every stage change, for the dashboard's funnel and time in stage. */
export async function listTransitions() {
  return db
    .select({
      opportunityId: opportunityTransitions.opportunityId,
      toStage: opportunityTransitions.toStage,
      at: opportunityTransitions.at,
    })
    .from(opportunityTransitions)
    .orderBy(asc(opportunityTransitions.at));
}

/** Advocates (people with consent in force) per industry and per segment. */
export async function countAdvocatesBy() {
  const rows = await db
    .selectDistinct({ userId: consents.userId, industry: accounts.industry, segmentName: segments.name })
    .from(consents)
    .innerJoin(accounts, eq(accounts.id, consents.accountId))
    .innerJoin(segments, eq(segments.id, accounts.segmentId))
    .where(sql`${consents.withdrawnAt} is null`);
  const tally = (key: "industry" | "segmentName") => {
    const counts = new Map<string, Set<string>>();
    for (const row of rows) counts.set(row[key], (counts.get(row[key]) ?? new Set()).add(row.userId));
    return [...counts.entries()]
      .map(([name, people]) => ({ name, advocates: people.size }))
      .sort((a, b) => a.name.localeCompare(b.name));
  };
  return { byIndustry: tally("industry"), bySegment: tally("segmentName") };
}
