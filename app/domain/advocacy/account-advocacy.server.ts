import { and, desc, eq, isNull } from "drizzle-orm";
import { db } from "~db/client.server";
import { asks, consents, referenceRequests, users } from "~db/schema";
import { getNpsReport } from "./nps.server";
import { OpportunityFiltersSchema, listOpportunities, listPublishedAssets } from "./opportunities.server";
import { daysInStage } from "./pipeline";

/** How many of the account's latest NPS answers the tab shows. */
const LATEST_NPS_ANSWERS = 5;

/**
 * Everything advocacy knows about one account, for its Advocacy tab: NPS, asks (open and answered),
 * consents in force, opportunities, reference requests and published assets. Six queries, run
 * together, whatever the size; every one is scoped to the account in its WHERE clause.
 */
export async function getAccountAdvocacy(accountId: string, now = new Date()) {
  const [nps, askRows, consentRows, opportunityRows, referenceRows, assets] = await Promise.all([
    getNpsReport(now, { accountId, answersPageSize: LATEST_NPS_ANSWERS }),
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
      })
      .from(asks)
      .innerJoin(users, eq(users.id, asks.recipientId))
      .where(eq(asks.accountId, accountId))
      .orderBy(desc(asks.createdAt), desc(asks.id)),
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
  const openAsks = askRows.filter((ask) => ask.status === "open" || ask.status === "snoozed");
  const toView = (ask: (typeof askRows)[number]) => ({
    ...ask,
    snoozedUntil: iso(ask.snoozedUntil),
    respondedAt: iso(ask.respondedAt),
    createdAt: ask.createdAt.toISOString(),
  });
  const result = {
    nps: {
      summary: nps.overall,
      latest: nps.responses.map(({ accountId: _a, accountName: _n, ...row }) => row),
    },
    openAsks: openAsks.map(toView),
    answeredAsks: askRows.filter((ask) => !openAsks.includes(ask)).map(toView),
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
    askRows.length === 0 &&
    result.consents.length === 0 &&
    result.opportunities.length === 0 &&
    result.references.length === 0 &&
    result.assets.length === 0;
  return { ...result, isEmpty };
}

export type AccountAdvocacy = Awaited<ReturnType<typeof getAccountAdvocacy>>;
