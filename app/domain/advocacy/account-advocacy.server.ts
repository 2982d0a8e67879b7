import { type AnyColumn, type SQL, and, count, eq, inArray, isNull, not } from "drizzle-orm";
import { db } from "~db/client.server";
import { asks, consents, referenceRequests, users } from "~db/schema";
import { type SortPart, keysetCondition, keysetOrder, timeKey } from "~/lib/keyset.server";
import { PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { getNpsReport } from "./nps.server";
import { OpportunityFiltersSchema, listOpportunityPage, listPublishedAssets } from "./opportunities.server";
import { daysInStage } from "./pipeline";

/** How many of the account's latest NPS answers the tab shows. */
const LATEST_NPS_ANSWERS = 5;

type PageOptions = { cursor?: string | null; pageSize?: number };

/**
 * One page (PAGE_SIZE) of an account's list, newest first, from `cursor` (the URL's; a bad one or
 * one of another list means the first page), with how many in all: the shape the tab's lists share.
 * `read` gets the keyset condition, the order and the limit; its rows carry `key` (a `timeKey`).
 */
async function newestFirstPage<Row extends { id: string; key: string }>(
  list: Record<string, unknown>,
  createdAt: AnyColumn,
  id: AnyColumn,
  options: PageOptions,
  read: (after: SQL | undefined, order: SQL[], limit: number) => Promise<Row[]>,
  total: () => Promise<number>,
) {
  const order: SortPart[] = [
    { expr: createdAt, descending: true },
    { expr: id, descending: true },
  ];
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const fingerprint = filterFingerprint(list);
  const cursor = decodeCursor(options.cursor, fingerprint, order.length);
  const [found, n] = await Promise.all([
    read(keysetCondition(order, cursor), keysetOrder(order, cursor), pageSize + 1),
    total(),
  ]);
  const { rows, page } = pageFromRows(found, {
    cursor,
    pageSize,
    fingerprint,
    keyOf: (row) => [row.key, row.id],
    total: n,
  });
  return { rows: rows.map(({ key: _key, ...row }) => row), page };
}

const counted = async (rows: Promise<{ n: number }[]>) => (await rows)[0]?.n ?? 0;
const iso = (date: Date | null) => date?.toISOString() ?? null;

/** One account's asks, open (or snoozed) or answered, a page at a time, with how many in all. */
export async function listAccountAsks(accountId: string, which: "open" | "answered", options: PageOptions = {}) {
  const open = inArray(asks.status, ["open", "snoozed"]);
  const scope = and(eq(asks.accountId, accountId), which === "open" ? open : not(open));
  const { rows, page } = await newestFirstPage(
    { list: "account-asks", accountId, which },
    asks.createdAt,
    asks.id,
    options,
    (after, order, limit) =>
      db
        .select({
          id: asks.id,
          askType: asks.askType,
          signal: asks.signal,
          status: asks.status,
          snoozedUntil: asks.snoozedUntil,
          respondedAt: asks.respondedAt,
          createdAt: asks.createdAt,
          personName: users.name,
          key: timeKey(asks.createdAt),
        })
        .from(asks)
        .innerJoin(users, eq(users.id, asks.recipientId))
        .where(and(scope, after))
        .orderBy(...order)
        .limit(limit),
    () => counted(db.select({ n: count() }).from(asks).where(scope)),
  );
  return {
    rows: rows.map((ask) => ({
      ...ask,
      snoozedUntil: iso(ask.snoozedUntil),
      respondedAt: iso(ask.respondedAt),
      createdAt: ask.createdAt.toISOString(),
    })),
    page,
  };
}

/** The account's consents in force, newest first, a page at a time. */
export async function listAccountConsents(accountId: string, options: PageOptions = {}) {
  const scope = and(eq(consents.accountId, accountId), isNull(consents.withdrawnAt));
  const { rows, page } = await newestFirstPage(
    { list: "account-consents", accountId },
    consents.grantedAt,
    consents.id,
    options,
    (after, order, limit) =>
      db
        .select({
          id: consents.id,
          askType: consents.askType,
          uses: consents.uses,
          scope: consents.scope,
          grantedAt: consents.grantedAt,
          personName: users.name,
          key: timeKey(consents.grantedAt),
        })
        .from(consents)
        .innerJoin(users, eq(users.id, consents.userId))
        .where(and(scope, after))
        .orderBy(...order)
        .limit(limit),
    () => counted(db.select({ n: count() }).from(consents).where(scope)),
  );
  return { rows: rows.map((row) => ({ ...row, grantedAt: row.grantedAt.toISOString() })), page };
}

/** The account's reference requests, newest first, a page at a time. */
export async function listAccountReferenceRequests(accountId: string, options: PageOptions = {}) {
  const scope = eq(referenceRequests.accountId, accountId);
  const { rows, page } = await newestFirstPage(
    { list: "account-references", accountId },
    referenceRequests.createdAt,
    referenceRequests.id,
    options,
    (after, order, limit) =>
      db
        .select({
          id: referenceRequests.id,
          prospectCompany: referenceRequests.prospectCompany,
          status: referenceRequests.status,
          createdAt: referenceRequests.createdAt,
          respondedAt: referenceRequests.respondedAt,
          advocateName: users.name,
          key: timeKey(referenceRequests.createdAt),
        })
        .from(referenceRequests)
        .innerJoin(users, eq(users.id, referenceRequests.advocateId))
        .where(and(scope, after))
        .orderBy(...order)
        .limit(limit),
    () => counted(db.select({ n: count() }).from(referenceRequests).where(scope)),
  );
  return {
    rows: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), respondedAt: iso(row.respondedAt) })),
    page,
  };
}

/**
 * Everything advocacy knows about one account, for its Advocacy tab: NPS, asks (open and answered),
 * consents in force and reference requests (a page of each), opportunities and published assets. Nine queries, run
 * together, whatever the size; every one is scoped to the account in its WHERE clause.
 */
export async function getAccountAdvocacy(
  accountId: string,
  now = new Date(),
  cursors: {
    openAsks?: string | null;
    answeredAsks?: string | null;
    consents?: string | null;
    references?: string | null;
    opportunities?: string | null;
    assets?: string | null;
  } = {},
) {
  const [nps, openAsks, answeredAsks, consentPage, opportunityPage, referencePage, assets] = await Promise.all([
    getNpsReport(now, { accountId, answersPageSize: LATEST_NPS_ANSWERS }),
    listAccountAsks(accountId, "open", { cursor: cursors.openAsks }),
    listAccountAsks(accountId, "answered", { cursor: cursors.answeredAsks }),
    listAccountConsents(accountId, { cursor: cursors.consents }),
    listOpportunityPage(OpportunityFiltersSchema.parse({}), cursors.opportunities, { accountId }),
    listAccountReferenceRequests(accountId, { cursor: cursors.references }),
    listPublishedAssets({ accountId }, cursors.assets),
  ]);
  const result = {
    nps: {
      summary: nps.overall,
      latest: nps.responses.map(({ accountId: _a, accountName: _n, ...row }) => row),
    },
    openAsks: openAsks.rows,
    openAsksPage: openAsks.page,
    answeredAsks: answeredAsks.rows,
    answeredAsksPage: answeredAsks.page,
    consents: consentPage.rows,
    consentsPage: consentPage.page,
    opportunities: opportunityPage.rows.map(
      ({ accountId: _a, accountName: _n, industry: _i, segmentId: _s, segmentName: _sn, ...row }) => ({
        ...row,
        daysInStage: daysInStage(new Date(row.stageEnteredAt), now),
      }),
    ),
    opportunitiesPage: opportunityPage.page,
    references: referencePage.rows,
    referencesPage: referencePage.page,
    assets: assets.rows.map(({ accountName: _n, ...row }) => row),
    assetsPage: assets.page,
  };
  const isEmpty =
    result.nps.summary.responses === 0 &&
    openAsks.page.total === 0 &&
    answeredAsks.page.total === 0 &&
    consentPage.page.total === 0 &&
    opportunityPage.page.total === 0 &&
    referencePage.page.total === 0 &&
    assets.page.total === 0;
  return { ...result, isEmpty };
}

export type AccountAdvocacy = Awaited<ReturnType<typeof getAccountAdvocacy>>;
