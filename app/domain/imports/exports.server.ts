import type { AccountListQuery } from "~/domain/people/account-schemas";
import { accountExportPages, peopleExportPages } from "~/domain/people/account-export.server";
import { accountRevenue } from "~/domain/revenue/account-revenue.server";
import { ledgerExportPages } from "~/domain/revenue/ledger-export.server";
import type { Period } from "~/domain/revenue/retention";
import { ACCOUNT_COLUMNS, PEOPLE_COLUMNS } from "./columns";
import { csvDownload } from "./csv-download";

/*
 * The staff CSV exports. The accounts and people files use the import's column names, so an
 * exported file re-imports as it is; the ledger is for finance. Each streams page by page.
 */

const LEDGER_COLUMNS = ["account", "external_id", "date", "kind", "arr_delta", "currency", "note"] as const;

type Filters = Omit<AccountListQuery, "sort">;

async function* accountRows(query: Filters, today: string) {
  for await (const page of accountExportPages(query, today)) {
    const revenue = await accountRevenue(page.map((row) => row.id));
    yield page.map((row) => {
      const money = revenue.get(row.id)!;
      return [
        row.name,
        row.externalId,
        row.segment,
        row.industry,
        row.region,
        row.seats,
        row.csmEmail,
        money.arr,
        // Without a subscription the account's own currency and renewal date, which the import also needs.
        money.currency ?? row.currency,
        money.startDate,
        money.renewalDate ?? row.renewalDate,
      ];
    });
  }
}

async function* peopleRows(query: Filters, today: string) {
  for await (const page of peopleExportPages(query, today)) {
    yield page.map((row) => [row.accountExternalId, row.email, row.name, row.role, row.title]);
  }
}

async function* ledgerRows(period: Period | null) {
  for await (const page of ledgerExportPages(period)) {
    yield page.map((row) => [
      row.account,
      row.externalId,
      row.effectiveOn,
      row.kind,
      row.arrDelta,
      row.currency,
      row.note,
    ]);
  }
}

/** The accounts the list shows under these filters, as a download. */
export function accountsCsv(query: Filters, today: string): Response {
  return csvDownload(`accounts-${today}.csv`, ACCOUNT_COLUMNS, accountRows(query, today));
}

/** The active customer people of those accounts, as a download. */
export function peopleCsv(query: Filters, today: string): Response {
  return csvDownload(`people-${today}.csv`, PEOPLE_COLUMNS, peopleRows(query, today));
}

/** The ARR ledger (one period's entries, or all), as a download. */
export function ledgerCsv(period: Period | null, today: string): Response {
  return csvDownload(`ledger-${period?.key ?? today}.csv`, LEDGER_COLUMNS, ledgerRows(period));
}
