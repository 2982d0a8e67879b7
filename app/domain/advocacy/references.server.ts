import { type SQL, and, asc, desc, eq, gte, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "~db/client.server";
import { accounts, consents, referenceRequests, segments, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor, StaffActor } from "~/domain/auth/actor";
import { eventTextMatches, listEventsForAccounts } from "~/domain/events/record.server";
import { listUseCasesInUse, listUseCasesOfAccounts } from "~/domain/people/accounts.server";
import { newId } from "~/lib/ids.server";
import { type SortPart, keysetCondition, keysetOrder } from "~/lib/keyset.server";
import { escapeLike } from "~/lib/like";
import { PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { type DirectoryFilters, fatigue, quarterStart } from "./references";
import { getGuardrails } from "./settings.server";

export const DirectoryFiltersSchema = z.object({
  industry: z.string().trim().max(120).optional().catch(undefined),
  segment: z.string().trim().max(40).optional().catch(undefined),
  region: z.string().trim().max(120).optional().catch(undefined),
  useCase: z.string().trim().max(120).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});

/** Consent that covers a reference call: for that type, still in force, beyond internal use. */
const coversCalls = and(
  eq(consents.askType, "reference_call"),
  isNull(consents.withdrawnAt),
  ne(consents.scope, "internal"),
);

export interface DirectoryAdvocate {
  userId: string;
  consentId: string;
  name: string;
  title: string;
  accountName: string;
  industry: string;
  segmentName: string;
  region: string;
  achievements: string[];
  outcomes: string[];
  useCases: string[];
  callsThisQuarter: number;
}

/** How many advocates at the fatigue limit are named; the rest are counted ("and N more"). */
const FATIGUED_SHOWN = 20;

/** The directory's filters as SQL over consents ⋈ users ⋈ accounts ⋈ segments. */
function directoryConditions(filters: DirectoryFilters): SQL | undefined {
  const useCase = filters.useCase?.trim();
  const q = filters.q?.trim();
  const pattern = q ? `%${escapeLike(q)}%` : null;
  return and(
    coversCalls,
    filters.industry ? eq(accounts.industry, filters.industry) : undefined,
    filters.segment ? eq(segments.id, filters.segment) : undefined,
    filters.region ? eq(accounts.region, filters.region) : undefined,
    useCase
      ? sql`exists (select 1 from unnest(${accounts.useCases}) as u(v) where lower(u.v) = lower(${useCase}))`
      : undefined,
    pattern
      ? sql`(exists (select 1 from unnest(${accounts.useCases}) as u(v) where u.v ilike ${pattern})
          or ${eventTextMatches("milestone.achieved", accounts.id, ["title", "outcomeTitle"], pattern)})`
      : undefined,
  );
}

/** Each advocate once (their newest consent covering calls) with the calls asked of them this quarter. */
function advocatesQuery(filters: DirectoryFilters, now: Date) {
  return db
    .selectDistinctOn([users.id], {
      userId: sql<string>`${users.id}`.as("user_id"),
      consentId: sql<string>`${consents.id}`.as("consent_id"),
      name: sql<string>`${users.name}`.as("name"),
      title: sql<string>`${users.title}`.as("title"),
      accountId: sql<string>`${accounts.id}`.as("account_id"),
      accountName: sql<string>`${accounts.name}`.as("account_name"),
      industry: sql<string>`${accounts.industry}`.as("industry"),
      segmentName: sql<string>`${segments.name}`.as("segment_name"),
      region: sql<string>`${accounts.region}`.as("region"),
      calls: sql<number>`(select count(*)::int from ${referenceRequests} as r
        where r.advocate_id = ${users.id} and r.status <> 'declined'
          and r.created_at >= ${quarterStart(now).toISOString()}::timestamptz)`.as("calls"),
    })
    .from(consents)
    .innerJoin(users, and(eq(users.id, consents.userId), isNull(users.deactivatedAt)))
    .innerJoin(accounts, eq(accounts.id, consents.accountId))
    .innerJoin(segments, eq(segments.id, accounts.segmentId))
    .where(directoryConditions(filters))
    .orderBy(asc(users.id), desc(consents.grantedAt))
    .as("advocates");
}

/**
 * The reference directory: active people whose consent covers reference calls, with what their
 * account achieved and uses the product for, filtered, a page (by name) at a time from `cursor`
 * (the URL's; a bad one or one of other filters means the first page). Advocates at the fatigue
 * limit are listed apart (the first FATIGUED_SHOWN and how many in all), so the page can say why
 * they're hidden. Filters, order and bound are all in SQL: a handful of queries whatever the size.
 */
export async function listReferenceDirectory(
  filters: DirectoryFilters,
  now = new Date(),
  options: { cursor?: string | null; pageSize?: number } = {},
) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const guardrails = await getGuardrails();
  const limit = guardrails.referenceCallsPerQuarter;
  const fingerprint = filterFingerprint({ list: "references", ...filters, quarter: quarterStart(now).toISOString() });
  const advocates = advocatesQuery(filters, now);
  const order: SortPart[] = [{ expr: sql`${advocates.name}` }, { expr: sql`${advocates.userId}` }];
  const cursor = decodeCursor(options.cursor, fingerprint, order.length);
  const [found, fatiguedRows, [counts]] = await Promise.all([
    db
      .select()
      .from(advocates)
      .where(and(sql`${advocates.calls} < ${limit}`, keysetCondition(order, cursor)))
      .orderBy(...keysetOrder(order, cursor))
      .limit(pageSize + 1),
    db
      .select()
      .from(advocates)
      .where(sql`${advocates.calls} >= ${limit}`)
      .orderBy(asc(advocates.name), asc(advocates.userId))
      .limit(FATIGUED_SHOWN),
    db
      .select({
        available: sql<number>`(count(*) filter (where ${advocates.calls} < ${limit}))::int`,
        fatigued: sql<number>`(count(*) filter (where ${advocates.calls} >= ${limit}))::int`,
      })
      .from(advocates),
  ]);
  const { rows, page } = pageFromRows(found, {
    cursor,
    pageSize,
    fingerprint,
    keyOf: (row) => [row.name, row.userId],
    total: counts?.available ?? 0,
  });
  const accountIds = [...new Set([...rows, ...fatiguedRows].map((row) => row.accountId))];
  const [achieved, useCasesBy] = await Promise.all([
    listEventsForAccounts("milestone.achieved", accountIds),
    listUseCasesOfAccounts(accountIds),
  ]);
  const achievementsBy = new Map<string, string[]>();
  const outcomesBy = new Map<string, Set<string>>();
  for (const event of achieved) {
    achievementsBy.set(event.accountId!, [...(achievementsBy.get(event.accountId!) ?? []), event.payload.title]);
    if (event.payload.outcomeTitle)
      outcomesBy.set(event.accountId!, (outcomesBy.get(event.accountId!) ?? new Set()).add(event.payload.outcomeTitle));
  }
  const view = ({ accountId, calls, ...row }: (typeof found)[number]): DirectoryAdvocate => ({
    ...row,
    achievements: achievementsBy.get(accountId) ?? [],
    outcomes: [...(outcomesBy.get(accountId) ?? [])],
    useCases: useCasesBy.get(accountId) ?? [],
    callsThisQuarter: calls,
  });
  return {
    available: rows.map(view),
    page,
    fatigued: fatiguedRows.map(view),
    fatiguedTotal: counts?.fatigued ?? 0,
    limit,
  };
}

/** The directory's filter choices: regions, industries, segments and use cases of the accounts. */
export async function listDirectoryChoices() {
  const [regions, industries, segmentRows, useCases] = await Promise.all([
    db.selectDistinct({ region: accounts.region }).from(accounts).orderBy(asc(accounts.region)),
    db.selectDistinct({ industry: accounts.industry }).from(accounts).orderBy(asc(accounts.industry)),
    db.select({ id: segments.id, name: segments.name }).from(segments).orderBy(asc(segments.name)),
    listUseCasesInUse(),
  ]);
  return {
    regions: regions.map((row) => row.region),
    industries: industries.map((row) => row.industry),
    segments: segmentRows,
    useCases,
  };
}

export const ReferenceRequestSchema = z.object({
  advocateId: z.string().trim().min(1, "field.required").max(40),
  prospectCompany: z.string().trim().min(1, "advocacy.prospectRequired").max(200, "field.tooLong"),
  notes: z.string().trim().max(2000, "field.tooLong").default(""),
});
export type ReferenceRequestInput = z.infer<typeof ReferenceRequestSchema>;
export type ReferenceRequestError = "not_found" | "fatigued";

/**
 * Logs a reference request for a prospect and asks the advocate in the portal. Refused when the
 * advocate's consent doesn't cover calls ("not_found") or they reached the quarter's limit.
 */
export async function requestReference(
  actor: StaffActor,
  input: ReferenceRequestInput,
  now = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; error: ReferenceRequestError }> {
  const { referenceCallsPerQuarter } = await getGuardrails();
  return db.transaction(async (tx) => {
    // Two requests for one advocate at once must count each other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`references:${input.advocateId}`}))`);
    const [consent] = await tx
      .select({ id: consents.id, accountId: consents.accountId })
      .from(consents)
      .innerJoin(users, and(eq(users.id, consents.userId), isNull(users.deactivatedAt)))
      .where(and(eq(consents.userId, input.advocateId), coversCalls))
      .orderBy(desc(consents.grantedAt))
      .limit(1);
    if (!consent) return { ok: false as const, error: "not_found" as const };
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(referenceRequests)
      .where(
        and(
          eq(referenceRequests.advocateId, input.advocateId),
          ne(referenceRequests.status, "declined"),
          gte(referenceRequests.createdAt, quarterStart(now)),
        ),
      );
    if (fatigue(count?.n ?? 0, referenceCallsPerQuarter).fatigued)
      return { ok: false as const, error: "fatigued" as const };
    const id = newId();
    await tx.insert(referenceRequests).values({
      id,
      accountId: consent.accountId,
      advocateId: input.advocateId,
      consentId: consent.id,
      prospectCompany: input.prospectCompany,
      notes: input.notes,
      requestedById: actor.id,
      createdAt: now,
    });
    await recordActivity(tx, {
      accountId: consent.accountId,
      actorId: actor.id,
      action: "reference.requested",
      subjectType: "reference_request",
      subjectId: id,
      details: { advocateId: input.advocateId, prospectCompany: input.prospectCompany },
    });
    return { ok: true as const, id };
  });
}

/** The reference calls waiting for this person's answer. */
export async function listOpenReferenceRequestsFor(actor: Actor) {
  if (actor.kind !== "customer") return [];
  const rows = await db
    .select({
      id: referenceRequests.id,
      prospectCompany: referenceRequests.prospectCompany,
      notes: referenceRequests.notes,
      createdAt: referenceRequests.createdAt,
    })
    .from(referenceRequests)
    .where(
      and(
        eq(referenceRequests.advocateId, actor.id),
        eq(referenceRequests.accountId, actor.accountId),
        eq(referenceRequests.status, "asked"),
      ),
    )
    .orderBy(desc(referenceRequests.createdAt));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** The advocate accepts or declines one call; anyone else gets "not_found". */
export async function respondToReferenceRequest(
  actor: Actor,
  accountId: string,
  id: string,
  response: "accept" | "decline",
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: "not_found" | "already_answered" }> {
  if (actor.kind !== "customer" || actor.accountId !== accountId) return { ok: false, error: "not_found" };
  return db.transaction(async (tx) => {
    const [request] = await tx
      .select({ id: referenceRequests.id, status: referenceRequests.status })
      .from(referenceRequests)
      .where(
        and(
          eq(referenceRequests.id, id),
          eq(referenceRequests.accountId, accountId),
          eq(referenceRequests.advocateId, actor.id),
        ),
      )
      .for("update");
    if (!request) return { ok: false as const, error: "not_found" as const };
    if (request.status !== "asked") return { ok: false as const, error: "already_answered" as const };
    const status = response === "accept" ? ("accepted" as const) : ("declined" as const);
    await tx.update(referenceRequests).set({ status, respondedAt: now }).where(eq(referenceRequests.id, id));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: `reference.${status}`,
      subjectType: "reference_request",
      subjectId: id,
      details: { from: "asked", to: status },
    });
    return { ok: true as const };
  });
}
