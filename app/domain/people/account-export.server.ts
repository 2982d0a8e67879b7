import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { keysetPages } from "~/lib/keyset.server";
import { db } from "~db/client.server";
import { accounts, segments, users } from "~db/schema";
import type { AccountListQuery } from "./account-schemas";
import { accountListConditions } from "./accounts.server";

/*
 * The accounts list's accounts and their people for a CSV export, in keyset pages (1,000 rows a
 * query), so 10,000 accounts are never one array. Same filters as the list (accountListConditions).
 */

const EXPORT_PAGE = 1_000;

const owner = alias(users, "export_csm");

/** The filtered accounts, by name then id, a page at a time. */
export function accountExportPages(query: Omit<AccountListQuery, "sort">, today: string, pageSize = EXPORT_PAGE) {
  return keysetPages(
    [{ expr: accounts.name }, { expr: accounts.id }],
    ({ after, orderBy, limit }) =>
      db
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
        .where(and(accountListConditions(query, today), after))
        .orderBy(...orderBy)
        .limit(limit),
    (row) => [row.name, row.id],
    pageSize,
  );
}

/** The active customer people of the filtered accounts, by account then person, a page at a time. */
export function peopleExportPages(query: Omit<AccountListQuery, "sort">, today: string, pageSize = EXPORT_PAGE) {
  const matching = db.select({ id: accounts.id }).from(accounts).where(accountListConditions(query, today));
  return keysetPages(
    [{ expr: accounts.id }, { expr: users.id }],
    ({ after, orderBy, limit }) =>
      db
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
        .where(and(isNotNull(users.accountId), isNull(users.deactivatedAt), inArray(users.accountId, matching), after))
        .orderBy(...orderBy)
        .limit(limit),
    (row) => [row.accountId, row.id],
    pageSize,
  );
}
