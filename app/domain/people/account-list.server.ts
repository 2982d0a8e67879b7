import { and } from "drizzle-orm";
import { accounts } from "~db/schema";
import { type SortPart, keysetCondition, keysetOrder } from "~/lib/keyset.server";
import { type KeyValue, PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { planStatusRank } from "~/domain/plans/plan-status.server";
import { healthSortKey } from "~/domain/health/account-list-health.server";
import { type AccountListQuery } from "./account-schemas";
import { accountListConditions, accountListRows, countAccounts } from "./accounts.server";

type Row = Awaited<ReturnType<ReturnType<typeof accountListRows>["query"]["execute"]>>[number] & {
  planRank?: number;
};
type Share = ReturnType<typeof accountListRows>["share"];
type Health = ReturnType<typeof accountListRows>["health"];
type Exposure = ReturnType<typeof accountListRows>["exposure"];
type Rank = ReturnType<typeof planStatusRank>;

/** Each sort's total order (ending with the id) and how to read its key back from a row. */
function sortOf(sort: AccountListQuery["sort"], share: Share, rank: Rank, health: Health, exposure: Exposure) {
  const parts: { part: SortPart; key: (row: Row) => KeyValue }[] =
    sort === "exposure"
      ? [{ part: { expr: exposure, descending: true }, key: (row) => row.exposure }]
      : sort === "health_worst"
        ? [{ part: { expr: healthSortKey(health, "worst") }, key: (row) => row.healthScore ?? 101 }]
        : sort === "health_best"
          ? [{ part: { expr: healthSortKey(health, "best"), descending: true }, key: (row) => row.healthScore ?? -1 }]
          : sort === "renewal_desc"
            ? [{ part: { expr: accounts.renewalDate, descending: true }, key: (row) => row.renewalDate }]
            : sort === "name"
              ? []
              : sort === "plan_status"
                ? [{ part: { expr: rank }, key: (row) => row.planRank ?? 0 }]
                : sort === "active_desc"
                  ? [{ part: { expr: share, descending: true }, key: (row) => row.activeShare }]
                  : sort === "active_asc"
                    ? [{ part: { expr: share }, key: (row) => row.activeShare }]
                    : [{ part: { expr: accounts.renewalDate }, key: (row) => row.renewalDate }];
  parts.push(
    { part: { expr: accounts.name }, key: (row) => row.name },
    { part: { expr: accounts.id }, key: (row) => row.id },
  );
  return { order: parts.map((p) => p.part), keyOf: (row: Row) => parts.map((p) => p.key(row)) };
}

/**
 * One page (PAGE_SIZE rows) of the staff account list and the number of accounts matching its
 * filters: two queries whatever the number of accounts. `cursor` is the URL's; one made under other
 * filters or sort, or unreadable, means the first page. `today` is the viewer's date.
 */
export async function listAccountPage(
  query: AccountListQuery,
  options: { cursor?: string | null; today: string; now?: Date; pageSize?: number },
) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const { q, segment, csm, plan, renewal, grade, dropped, sort } = query;
  // The renewal window moves at midnight, so its cursors belong to one day.
  const day = renewal ? options.today : null;
  const fingerprint = filterFingerprint({
    list: "accounts",
    q,
    segment,
    csm,
    plan,
    renewal,
    grade,
    dropped,
    sort,
    day,
  });
  const rank = planStatusRank(accounts.id, accounts.timeZone);
  const {
    query: rows,
    share,
    health,
    exposure,
  } = accountListRows(options.now ?? new Date(), sort === "plan_status" ? { planRank: rank } : {});
  const { order, keyOf } = sortOf(sort, share, rank, health, exposure);
  const cursor = decodeCursor(options.cursor, fingerprint, order.length);
  const [found, total] = await Promise.all([
    rows
      .where(and(accountListConditions(query, options.today), keysetCondition(order, cursor)))
      .orderBy(...keysetOrder(order, cursor))
      .limit(pageSize + 1),
    countAccounts(query, options.today),
  ]);
  return pageFromRows(found as Row[], { cursor, pageSize, keyOf, fingerprint, total });
}
