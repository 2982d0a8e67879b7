import { type SQL, and, asc, count, desc, eq, ilike, inArray, isNull, sql } from "drizzle-orm";
import { QueryBuilder, alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "~db/client.server";
import { accounts, invitations, segments, users } from "~db/schema";
import { newId } from "~/lib/ids.server";
import { escapeLike } from "~/lib/like";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import type { AccountInput, AccountListQuery } from "./account-schemas";
import { adoptSpellings, sameUseCases } from "./rules";
import { pendingInvitation } from "./seats.server";
import { monthlyActiveUsersSubquery, usageToday } from "~/domain/telemetry/usage.server";
import { planStatusRank, planStatusRankOf } from "~/domain/plans/plan-status.server";
import {
  currentHealthSubquery,
  healthDroppedCondition,
  healthGradeCondition,
  healthRiskExpression,
} from "~/domain/health/account-list-health.server";
import { rankingArr, subscriptionSubquery } from "~/domain/revenue/account-list-revenue.server";

const csm = alias(users, "csm");
// Subqueries built without a connection, so importing this module never needs the database.
const qb = new QueryBuilder();

const activePeople = qb
  .select({ accountId: users.accountId, n: count().as("active_people") })
  .from(users)
  .where(isNull(users.deactivatedAt))
  .groupBy(users.accountId)
  .as("active_people");

const pendingInvitations = qb
  .select({ accountId: invitations.accountId, n: count().as("pending_invitations") })
  .from(invitations)
  .where(pendingInvitation)
  .groupBy(invitations.accountId)
  .as("pending_invitations");

const accountColumns = {
  id: accounts.id,
  name: accounts.name,
  segmentId: accounts.segmentId,
  segmentName: segments.name,
  industry: accounts.industry,
  region: accounts.region,
  licensedSeats: accounts.licensedSeats,
  renewalDate: accounts.renewalDate,
  timeZone: accounts.timeZone,
  currency: accounts.currency,
  useCases: accounts.useCases,
  externalId: accounts.externalId,
  version: accounts.version,
  csmId: accounts.csmId,
  csmName: csm.name,
  activePeople: sql<number>`coalesce(${activePeople.n}, 0)`.mapWith(Number),
  pendingInvitations: sql<number>`coalesce(${pendingInvitations.n}, 0)`.mapWith(Number),
};

/** The CSM's contact details for the customer's "Your CSM" card (one account's row only, not the lists). */
const csmContactColumns = {
  csmEmail: csm.email,
  csmTitle: csm.title,
  csmMeetingUrl: csm.meetingUrl,
  csmActive: sql<boolean>`(${csm.id} is not null and ${csm.deactivatedAt} is null)`,
};

function accountQuery(executor: Executor) {
  return executor
    .select({ ...accountColumns, ...csmContactColumns })
    .from(accounts)
    .innerJoin(segments, eq(segments.id, accounts.segmentId))
    .leftJoin(csm, eq(csm.id, accounts.csmId))
    .leftJoin(activePeople, eq(activePeople.accountId, accounts.id))
    .leftJoin(pendingInvitations, eq(pendingInvitations.accountId, accounts.id));
}

export type AccountSummary = Awaited<ReturnType<typeof getAccountById>> & {};

export async function getAccountById(id: string, executor: Executor = db) {
  const [account] = await accountQuery(executor).where(eq(accounts.id, id));
  return account ?? null;
}

/** The WHERE of the staff account list's filters; `today` is the viewer's date (renewal windows). */
export function accountListConditions(query: Omit<AccountListQuery, "sort">, today: string): SQL | undefined {
  const escaped = query.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  const renewal = query.renewal;
  return and(
    // ILIKE '%…%' finds prefixes and substrings alike, through the trigram index on accounts.name.
    escaped ? ilike(accounts.name, `%${escaped}%`) : undefined,
    query.segment ? eq(accounts.segmentId, query.segment) : undefined,
    query.csm ? eq(accounts.csmId, query.csm) : undefined,
    query.plan ? sql`${planStatusRank(accounts.id, accounts.timeZone)} = ${planStatusRankOf(query.plan)}` : undefined,
    renewal === "overdue"
      ? sql`${accounts.renewalDate} < ${today}::date`
      : renewal
        ? sql`${accounts.renewalDate} between ${today}::date and ${today}::date + ${Number(renewal)}::int`
        : undefined,
    query.grade ? healthGradeCondition(accounts.id, query.grade) : undefined,
    query.dropped ? healthDroppedCondition(accounts.id) : undefined,
  );
}

/** Monthly active product users (telemetry's subquery) and their share of the seats, to show and sort by. */
function monthlyActiveColumns(now: Date) {
  const monthly = monthlyActiveUsersSubquery(usageToday(now));
  return {
    monthly,
    active: sql<number>`coalesce(${monthly.n}, 0)`.mapWith(Number),
    share: sql<number>`(coalesce(${monthly.n}, 0)::float / ${accounts.licensedSeats})`.mapWith(Number),
  };
}

/** The account list's rows before filters and order: the account, its segment, owner, seats, activity, health and ARR. */
export function accountListRows(now: Date, extra: Record<string, SQL.Aliased | SQL> = {}) {
  const { monthly, active, share } = monthlyActiveColumns(now);
  const health = currentHealthSubquery();
  const subscription = subscriptionSubquery();
  // The ARR at risk: health's risk (0…1) times the ARR in dollars at the stated ranking rates.
  const exposure = sql<number>`(${healthRiskExpression(health)} * ${rankingArr(subscription)})`.mapWith(Number);
  const query = db
    .select({
      ...accountColumns,
      monthlyActive: active,
      activeShare: share,
      healthScore: health.overall,
      healthGrade: health.grade,
      healthDrop30: health.drop30,
      arr: subscription.arr,
      arrCurrency: subscription.currency,
      churned: sql<boolean>`coalesce(${subscription.churned}, false)`,
      exposure,
      ...extra,
    })
    .from(accounts)
    .innerJoin(segments, eq(segments.id, accounts.segmentId))
    .leftJoin(csm, eq(csm.id, accounts.csmId))
    .leftJoin(activePeople, eq(activePeople.accountId, accounts.id))
    .leftJoin(pendingInvitations, eq(pendingInvitations.accountId, accounts.id))
    .leftJoin(monthly, eq(monthly.accountId, accounts.id))
    .leftJoin(health, eq(health.accountId, accounts.id))
    .leftJoin(subscription, eq(subscription.accountId, accounts.id));
  return { query, share, health, exposure };
}

/**
 * Every account matching the filters, in one query (the advocacy form's account choice). The staff
 * account list pages through listAccountPage (account-list.server.ts) instead.
 */
export async function listAccounts(query: AccountListQuery, now = new Date()) {
  const { query: rows, share } = accountListRows(now);
  const order =
    query.sort === "renewal_desc"
      ? [desc(accounts.renewalDate), asc(accounts.name)]
      : query.sort === "name"
        ? [asc(accounts.name)]
        : query.sort === "active_desc"
          ? [desc(share), asc(accounts.name)]
          : query.sort === "active_asc"
            ? [asc(share), asc(accounts.name)]
            : [asc(accounts.renewalDate), asc(accounts.name)];
  return rows.where(accountListConditions(query, usageToday(now))).orderBy(...order);
}

/** How many accounts a picker offers at once; more than that means "refine the search". */
export const ACCOUNT_CHOICES = 20;

/**
 * Accounts whose name contains `q` (every account when it's empty), by name: the first `limit`
 * and how many match, for pickers that must not offer 10,000 options. Two queries, bounded.
 */
export async function searchAccountNames(q: string, limit = ACCOUNT_CHOICES) {
  const where = q ? ilike(accounts.name, `%${escapeLike(q)}%`) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: accounts.id, name: accounts.name })
      .from(accounts)
      .where(where)
      .orderBy(asc(accounts.name), asc(accounts.id))
      .limit(limit),
    db.select({ n: count() }).from(accounts).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One account's id and name, or null. */
export async function findAccountName(accountId: string) {
  const [row] = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row ?? null;
}

/** How many accounts match the filters (all of them without). */
export async function countAccounts(query: Omit<AccountListQuery, "sort"> = {}, today = usageToday(new Date())) {
  const [row] = await db.select({ n: count() }).from(accounts).where(accountListConditions(query, today));
  return row?.n ?? 0;
}

export async function listSegments() {
  return db.select({ id: segments.id, name: segments.name }).from(segments).orderBy(asc(segments.name));
}

/** Staff who can own accounts: active CSMs and admins. */
export async function listAccountOwners() {
  return db
    .select({ id: users.id, name: users.name, staffRole: users.staffRole })
    .from(users)
    .where(and(isNull(users.deactivatedAt), sql`${users.staffRole} in ('csm', 'admin')`))
    .orderBy(asc(users.name));
}

const useCase = sql<string>`use_case`;

/**
 * Every use case some account has, once each, alphabetically: the choices of the reference
 * directory's filter and the suggestions on the account form. `exceptAccountId` leaves one out.
 */
export async function listUseCasesInUse(executor: Executor = db, exceptAccountId?: string): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ useCase })
    .from(sql`${accounts}, unnest(${accounts.useCases}) as use_case`)
    .where(exceptAccountId ? sql`${accounts.id} <> ${exceptAccountId}` : undefined)
    .orderBy(asc(useCase));
  return rows.map((row) => row.useCase);
}

/** The use cases of some accounts, by account id (one query, for pages listing many accounts). */
export async function listUseCasesOfAccounts(accountIds: readonly string[]): Promise<Map<string, string[]>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, useCases: accounts.useCases })
    .from(accounts)
    .where(inArray(accounts.id, [...accountIds]));
  return new Map(rows.map((row) => [row.id, row.useCases]));
}

/** The input with each use case spelled the way other accounts already spell it. */
async function withKnownSpellings(tx: Executor, input: AccountInput, accountId?: string): Promise<AccountInput> {
  if (input.useCases.length === 0) return input;
  return { ...input, useCases: adoptSpellings(input.useCases, await listUseCasesInUse(tx, accountId)) };
}

export type AccountWriteError = "name_taken" | "external_id_taken" | "unknown_segment" | "unknown_csm";

async function checkReferences(
  tx: Executor,
  input: AccountInput,
  exceptId?: string,
): Promise<AccountWriteError | null> {
  const [[sameName], [sameExternalId], [segment], [owner]] = await Promise.all([
    tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(
        and(
          sql`lower(${accounts.name}) = lower(${input.name})`,
          exceptId ? sql`${accounts.id} <> ${exceptId}` : undefined,
        ),
      ),
    input.externalId
      ? tx
          .select({ id: accounts.id })
          .from(accounts)
          .where(
            and(eq(accounts.externalId, input.externalId), exceptId ? sql`${accounts.id} <> ${exceptId}` : undefined),
          )
      : Promise.resolve([]),
    tx.select({ id: segments.id }).from(segments).where(eq(segments.id, input.segmentId)),
    input.csmId
      ? tx
          .select({ id: users.id })
          .from(users)
          .where(
            and(eq(users.id, input.csmId), isNull(users.deactivatedAt), sql`${users.staffRole} in ('csm', 'admin')`),
          )
      : Promise.resolve([{ id: null }]),
  ]);
  if (sameName) return "name_taken";
  if (sameExternalId) return "external_id_taken";
  if (!segment) return "unknown_segment";
  if (!owner) return "unknown_csm";
  return null;
}

/** Creates an account; `afterInsert` runs in the same transaction (e.g. inviting its champion). */
export async function createAccount<T>(
  actor: Actor,
  input: AccountInput,
  afterInsert: (tx: Executor, accountId: string) => Promise<T>,
): Promise<{ ok: true; accountId: string; extra: T } | { ok: false; error: AccountWriteError }> {
  return db.transaction(async (tx) => {
    const problem = await checkReferences(tx, input);
    if (problem) return { ok: false as const, error: problem };
    const id = newId();
    await tx.insert(accounts).values({ id, ...(await withKnownSpellings(tx, input)) });
    await recordActivity(tx, {
      accountId: id,
      actorId: actor.id,
      action: "account.created",
      subjectType: "account",
      subjectId: id,
      details: { name: input.name },
    });
    const extra = await afterInsert(tx, id);
    return { ok: true as const, accountId: id, extra };
  });
}

export async function updateAccount(actor: Actor, id: string, typed: AccountInput, expectedVersion: number) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(accounts).where(eq(accounts.id, id)).for("update");
    if (!before) return { ok: false as const, error: "not_found" as const };
    if (before.version !== expectedVersion) return { ok: false as const, error: "stale" as const };
    const problem = await checkReferences(tx, typed, id);
    if (problem) return { ok: false as const, error: problem };
    const input = await withKnownSpellings(tx, typed, id);
    await tx
      .update(accounts)
      .set({ ...input, version: before.version + 1, updatedAt: new Date() })
      .where(eq(accounts.id, id));
    const { useCases, ...details } = input;
    const changes = Object.fromEntries(
      (Object.keys(details) as (keyof typeof details)[])
        .filter((key) => details[key] !== undefined && before[key] !== details[key])
        .map((key) => [key, { from: before[key], to: input[key] }]),
    );
    if (Object.keys(changes).length > 0) {
      await recordActivity(tx, {
        accountId: id,
        actorId: actor.id,
        action: "account.updated",
        subjectType: "account",
        subjectId: id,
        details: changes,
      });
    }
    if (!sameUseCases(before.useCases, useCases)) {
      // Its own entry: the feed names the new use cases, which marketing looks for.
      await recordActivity(tx, {
        accountId: id,
        actorId: actor.id,
        action: "account.use_cases_changed",
        subjectType: "account",
        subjectId: id,
        details: { from: before.useCases, to: useCases },
      });
    }
    return { ok: true as const };
  });
}

/**
 * Moves the account's renewal date to its subscription's (revenue calls this inside its own
 * transaction when a subscription starts or a renewal closes), so the account list's renewal
 * filters and the revenue pages agree on one date.
 */
export async function setAccountRenewalDate(executor: Executor, accountId: string, renewalDate: string) {
  await executor
    .update(accounts)
    .set({ renewalDate, version: sql`${accounts.version} + 1`, updatedAt: new Date() })
    .where(eq(accounts.id, accountId));
}

export type ExternalIdClaimError = "unknown_account" | "external_id_taken" | "has_external_id";

/**
 * Gives an account the vendor's id for it (telemetry links unmatched events so), inside the
 * caller's transaction: kept as is when the account already has exactly that id, refused when it
 * has another one or another account has this one. Locks the account row, so two links of the same
 * account are serialised.
 */
export async function claimAccountExternalId(
  tx: Executor,
  actor: Actor,
  accountId: string,
  externalId: string,
): Promise<{ ok: true; changed: boolean; name: string } | { ok: false; error: ExternalIdClaimError }> {
  const [account] = await tx
    .select({ id: accounts.id, name: accounts.name, externalId: accounts.externalId, version: accounts.version })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .for("update");
  if (!account) return { ok: false, error: "unknown_account" };
  if (account.externalId === externalId) return { ok: true, changed: false, name: account.name };
  if (account.externalId !== null) return { ok: false, error: "has_external_id" };
  const [other] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.externalId, externalId), sql`${accounts.id} <> ${accountId}`));
  if (other) return { ok: false, error: "external_id_taken" };
  await tx
    .update(accounts)
    .set({ externalId, version: account.version + 1, updatedAt: new Date() })
    .where(eq(accounts.id, accountId));
  await recordActivity(tx, {
    accountId,
    actorId: actor.id,
    action: "account.updated",
    subjectType: "account",
    subjectId: accountId,
    details: { externalId: { from: null, to: externalId } },
  });
  return { ok: true, changed: true, name: account.name };
}
