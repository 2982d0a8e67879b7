import { and, asc, eq, gt, gte, lte, or } from "drizzle-orm";
import { db } from "~db/client.server";
import { accounts, ledgerEntries } from "~db/schema";
import type { Period } from "./retention";

/** The ARR ledger (optionally one period's entries) in date order, 1,000 entries a query, for a CSV export. */
export async function* ledgerExportPages(period: Period | null, pageSize = 1_000) {
  let after: { effectiveOn: string; accountId: string; sequence: number } | null = null;
  for (;;) {
    const rows = await db
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
          after
            ? or(
                gt(ledgerEntries.effectiveOn, after.effectiveOn),
                and(eq(ledgerEntries.effectiveOn, after.effectiveOn), gt(ledgerEntries.accountId, after.accountId)),
                and(
                  eq(ledgerEntries.effectiveOn, after.effectiveOn),
                  eq(ledgerEntries.accountId, after.accountId),
                  gt(ledgerEntries.sequence, after.sequence),
                ),
              )
            : undefined,
        ),
      )
      .orderBy(asc(ledgerEntries.effectiveOn), asc(ledgerEntries.accountId), asc(ledgerEntries.sequence))
      .limit(pageSize);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = rows.at(-1)!;
  }
}
