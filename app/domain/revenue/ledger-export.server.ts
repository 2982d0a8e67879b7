import { and, eq, gte, lte } from "drizzle-orm";
import { keysetPages } from "~/lib/keyset.server";
import { db } from "~db/client.server";
import { accounts, ledgerEntries } from "~db/schema";
import type { Period } from "./retention";

/** The ARR ledger (optionally one period's entries) in date order, 1,000 entries a query, for a CSV export. */
export function ledgerExportPages(period: Period | null, pageSize = 1_000) {
  return keysetPages(
    [{ expr: ledgerEntries.effectiveOn }, { expr: ledgerEntries.accountId }, { expr: ledgerEntries.sequence }],
    ({ after, orderBy, limit }) =>
      db
        .select({
          accountId: ledgerEntries.accountId,
          account: accounts.name,
          externalId: accounts.externalId,
          effectiveOn: ledgerEntries.effectiveOn,
          kind: ledgerEntries.kind,
          arrDelta: ledgerEntries.arrDelta,
          currency: ledgerEntries.currency,
          note: ledgerEntries.note,
          sequence: ledgerEntries.sequence,
        })
        .from(ledgerEntries)
        .innerJoin(accounts, eq(accounts.id, ledgerEntries.accountId))
        .where(
          and(
            period ? gte(ledgerEntries.effectiveOn, period.start) : undefined,
            period ? lte(ledgerEntries.effectiveOn, period.end) : undefined,
            after,
          ),
        )
        .orderBy(...orderBy)
        .limit(limit),
    (row) => [row.effectiveOn, row.accountId, row.sequence],
    pageSize,
  );
}
