import { and, asc, desc, eq, gte, inArray, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "~db/client.server";
import { accounts, consents, referenceRequests, segments, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor, StaffActor } from "~/domain/auth/actor";
import { listEventsForAccounts } from "~/domain/events/record.server";
import { listUseCasesInUse, listUseCasesOfAccounts } from "~/domain/people/accounts.server";
import { newId } from "~/lib/ids.server";
import { type DirectoryFilters, fatigue, matchesDirectory, quarterStart } from "./references";
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

/**
 * The reference directory: active people whose consent covers reference calls, with what their
 * account achieved and uses the product for, filtered. Advocates at the fatigue limit are listed
 * apart with their count, so the page can say why they're hidden. Five queries whatever the size.
 */
export async function listReferenceDirectory(filters: DirectoryFilters, now = new Date()) {
  const [guardrails, rows] = await Promise.all([
    getGuardrails(),
    db
      .selectDistinctOn([users.id], {
        userId: users.id,
        consentId: consents.id,
        name: users.name,
        title: users.title,
        accountId: accounts.id,
        accountName: accounts.name,
        industry: accounts.industry,
        segmentId: segments.id,
        segmentName: segments.name,
        region: accounts.region,
      })
      .from(consents)
      .innerJoin(users, and(eq(users.id, consents.userId), isNull(users.deactivatedAt)))
      .innerJoin(accounts, eq(accounts.id, consents.accountId))
      .innerJoin(segments, eq(segments.id, accounts.segmentId))
      .where(coversCalls)
      .orderBy(asc(users.id), desc(consents.grantedAt)),
  ]);
  const accountIds = [...new Set(rows.map((row) => row.accountId))];
  const userIds = rows.map((row) => row.userId);
  const [achieved, useCasesBy, calls] = await Promise.all([
    listEventsForAccounts("milestone.achieved", accountIds),
    listUseCasesOfAccounts(accountIds),
    userIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ advocateId: referenceRequests.advocateId, n: sql<number>`count(*)::int` })
          .from(referenceRequests)
          .where(
            and(
              inArray(referenceRequests.advocateId, userIds),
              ne(referenceRequests.status, "declined"),
              gte(referenceRequests.createdAt, quarterStart(now)),
            ),
          )
          .groupBy(referenceRequests.advocateId),
  ]);
  const callsBy = new Map(calls.map((row) => [row.advocateId, row.n]));
  const achievementsBy = new Map<string, string[]>();
  const outcomesBy = new Map<string, Set<string>>();
  for (const event of achieved) {
    achievementsBy.set(event.accountId!, [...(achievementsBy.get(event.accountId!) ?? []), event.payload.title]);
    if (event.payload.outcomeTitle)
      outcomesBy.set(event.accountId!, (outcomesBy.get(event.accountId!) ?? new Set()).add(event.payload.outcomeTitle));
  }

  const available: DirectoryAdvocate[] = [];
  const fatigued: DirectoryAdvocate[] = [];
  for (const row of rows) {
    const entry = {
      ...row,
      achievements: achievementsBy.get(row.accountId) ?? [],
      outcomes: [...(outcomesBy.get(row.accountId) ?? [])],
      useCases: useCasesBy.get(row.accountId) ?? [],
      callsThisQuarter: callsBy.get(row.userId) ?? 0,
    };
    if (!matchesDirectory(entry, filters)) continue;
    const { accountId: _accountId, segmentId: _segmentId, ...advocate } = entry;
    (fatigue(entry.callsThisQuarter, guardrails.referenceCallsPerQuarter).fatigued ? fatigued : available).push(
      advocate,
    );
  }
  const byName = (a: DirectoryAdvocate, b: DirectoryAdvocate) => a.name.localeCompare(b.name);
  return {
    available: available.sort(byName),
    fatigued: fatigued.sort(byName),
    limit: guardrails.referenceCallsPerQuarter,
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
