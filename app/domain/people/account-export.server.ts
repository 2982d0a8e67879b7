import { and, asc, eq, gt, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "~db/client.server";
import { accounts, segments, users } from "~db/schema";
import type { AccountListQuery } from "./account-schemas";
import { accountListConditions } from "./accounts.server";

/*
 * The accounts list's accounts and their people for a CSV export, in keyset pages (1,000 rows a
 * query), so 10,000 accounts are never one array. Same filters as the list (accountListConditions).
 */

export const EXPORT_PAGE = 1_000;

const owner = alias(users, "export_csm");

/** The filtered accounts, by name then id, a page at a time. */
export async function* accountExportPages(
  query: Omit<AccountListQuery, "sort">,
  today: string,
  pageSize = EXPORT_PAGE,
) {
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const rows = await db
      .select({
        id: accounts.id,
        name: accounts.name,
        externalId: accounts.externalId,
        segment: segments.name,
        industry: accounts.industry,
        region: accounts.region,
        seats: accounts.licensedSeats,
        csmEmail: owner.email,
        currency: accounts.currency,
        renewalDate: accounts.renewalDate,
      })
      .from(accounts)
      .innerJoin(segments, eq(segments.id, accounts.segmentId))
      .leftJoin(owner, eq(owner.id, accounts.csmId))
      .where(
        and(
          accountListConditions(query, today),
          after
            ? or(gt(accounts.name, after.name), and(eq(accounts.name, after.name), gt(accounts.id, after.id)))
            : undefined,
        ),
      )
      .orderBy(asc(accounts.name), asc(accounts.id))
      .limit(pageSize);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = rows.at(-1)!;
  }
}

/** The active customer people of the filtered accounts, by account then person, a page at a time. */
export async function* peopleExportPages(query: Omit<AccountListQuery, "sort">, today: string, pageSize = EXPORT_PAGE) {
  const matching = db.select({ id: accounts.id }).from(accounts).where(accountListConditions(query, today));
  let after: { accountId: string; id: string } | null = null;
  for (;;) {
    const rows = await db
      .select({
        id: users.id,
        accountId: accounts.id,
        accountExternalId: accounts.externalId,
        accountName: accounts.name,
        email: users.email,
        name: users.name,
        role: users.accountRole,
        title: users.title,
      })
      .from(users)
      .innerJoin(accounts, eq(accounts.id, users.accountId))
      .where(
        and(
          isNotNull(users.accountId),
          isNull(users.deactivatedAt),
          inArray(users.accountId, matching),
          after
            ? or(gt(accounts.id, after.accountId), and(eq(accounts.id, after.accountId), gt(users.id, after.id)))
            : undefined,
        ),
      )
      .orderBy(asc(accounts.id), asc(users.id))
      .limit(pageSize);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = rows.at(-1)!;
  }
}
