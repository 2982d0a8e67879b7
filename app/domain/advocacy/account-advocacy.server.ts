import { and, count, desc, eq, inArray, isNull, not } from "drizzle-orm";
import { db } from "~db/client.server";
import { asks, consents, referenceRequests, users } from "~db/schema";
import { type SortPart, keysetCondition, keysetOrder, timeKey } from "~/lib/keyset.server";
import { PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { getNpsReport } from "./nps.server";
import { OpportunityFiltersSchema, listOpportunities, listPublishedAssets } from "./opportunities.server";
import { daysInStage } from "./pipeline";

/** How many of the account's latest NPS answers the tab shows. */
const LATEST_NPS_ANSWERS = 5;

/** Newest first; the id makes the order total. */
const ASK_ORDER: SortPart[] = [
  { expr: asks.createdAt, descending: true },
  { expr: asks.id, descending: true },
];

/**
 * One account's asks, open (or snoozed) or answered, a page (PAGE_SIZE) at a time from `cursor`
 * (the URL's; a bad one or one of the other list means the first page), with how many in all.
 */
export async function listAccountAsks(
  accountId: string,
  which: "open" | "answered",
  options: { cursor?: string | null; pageSize?: number } = {},
) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const fingerprint = filterFingerprint({ list: "account-asks", accountId, which });
  const cursor = decodeCursor(options.cursor, fingerprint, ASK_ORDER.length);
  const open = inArray(asks.status, ["open", "snoozed"]);
  const scope = and(eq(asks.accountId, accountId), which === "open" ? open : not(open));
  const [found, [total]] = await Promise.all([
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
      .where(and(scope, keysetCondition(ASK_ORDER, cursor)))
      .orderBy(...keysetOrder(ASK_ORDER, cursor))
      .limit(pageSize + 1),
    db.select({ n: count() }).from(asks).where(scope),
  ]);
  const { rows, page } = pageFromRows(found, {
    cursor,
    pageSize,
    fingerprint,
    keyOf: (row) => [row.key, row.id],
    total: total?.n ?? 0,
  });
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    rows: rows.map(({ key: _key, ...ask }) => ({
      ...ask,
      snoozedUntil: iso(ask.snoozedUntil),
      respondedAt: iso(ask.respondedAt),
      createdAt: ask.createdAt.toISOString(),
    })),
    page,
  };
}

/**
 * Everything advocacy knows about one account, for its Advocacy tab: NPS, asks (open and answered, a page of each),
 * consents in force, opportunities, reference requests and published assets. Nine queries, run
 * together, whatever the size; every one is scoped to the account in its WHERE clause.
 */
export async function getAccountAdvocacy(
  accountId: string,
  now = new Date(),
  cursors: { openAsks?: string | null; answeredAsks?: string | null } = {},
) {
  const [nps, openAsks, answeredAsks, consentRows, opportunityRows, referenceRows, assets] = await Promise.all([
    getNpsReport(now, { accountId, answersPageSize: LATEST_NPS_ANSWERS }),
    listAccountAsks(accountId, "open", { cursor: cursors.openAsks }),
    listAccountAsks(accountId, "answered", { cursor: cursors.answeredAsks }),
    db
      .select({
        id: consents.id,
        askType: consents.askType,
        uses: consents.uses,
        scope: consents.scope,
        grantedAt: consents.grantedAt,
        personName: users.name,
      })
      .from(consents)
      .innerJoin(users, eq(users.id, consents.userId))
      .where(and(eq(consents.accountId, accountId), isNull(consents.withdrawnAt)))
      .orderBy(desc(consents.grantedAt)),
    listOpportunities(OpportunityFiltersSchema.parse({}), { accountId }),
    db
      .select({
        id: referenceRequests.id,
        prospectCompany: referenceRequests.prospectCompany,
        status: referenceRequests.status,
        createdAt: referenceRequests.createdAt,
        respondedAt: referenceRequests.respondedAt,
        advocateName: users.name,
      })
      .from(referenceRequests)
      .innerJoin(users, eq(users.id, referenceRequests.advocateId))
      .where(eq(referenceRequests.accountId, accountId))
      .orderBy(desc(referenceRequests.createdAt)),
    listPublishedAssets({ accountId }),
  ]);
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const result = {
    nps: {
      summary: nps.overall,
      latest: nps.responses.map(({ accountId: _a, accountName: _n, ...row }) => row),
    },
    openAsks: openAsks.rows,
    openAsksPage: openAsks.page,
    answeredAsks: answeredAsks.rows,
    answeredAsksPage: answeredAsks.page,
    consents: consentRows.map((row) => ({ ...row, grantedAt: row.grantedAt.toISOString() })),
    opportunities: opportunityRows.map(
      ({ accountId: _a, accountName: _n, industry: _i, segmentId: _s, segmentName: _sn, ...row }) => ({
        ...row,
        daysInStage: daysInStage(new Date(row.stageEnteredAt), now),
      }),
    ),
    references: referenceRows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      respondedAt: iso(row.respondedAt),
    })),
    assets: assets.map(({ accountName: _n, ...row }) => row),
  };
  const isEmpty =
    result.nps.summary.responses === 0 &&
    openAsks.page.total === 0 &&
    answeredAsks.page.total === 0 &&
    result.consents.length === 0 &&
    result.opportunities.length === 0 &&
    result.references.length === 0 &&
    result.assets.length === 0;
  return { ...result, isEmpty };
}

export type AccountAdvocacy = Awaited<ReturnType<typeof getAccountAdvocacy>>;
