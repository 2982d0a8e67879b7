import { count, eq, isNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { accounts, subscriptions } from "~db/schema";
import { lastTouches } from "~/domain/health/view.server";
import { healthRisk } from "~/domain/health/risk";
import { countOpenWorkItems, workItemLoadByAssignee } from "~/domain/interventions/work-items.server";
import { type AccountListQuery } from "~/domain/people/account-schemas";
import { listAccountPage } from "~/domain/people/account-list.server";
import { listAccountOwners } from "~/domain/people/accounts.server";
import { listPlanStatusOfAccounts } from "~/domain/plans/plan-status.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { type Period, type RetentionTotals, parsePeriod, retentionTotals } from "./retention";
import { cohortRetention } from "./retention.server";

/*
 * The CSM's portfolio: their accounts (or the team's) ranked by the ARR at risk — health's risk
 * times the ARR — so the large account that is falling comes first, with what a CSM looks at next
 * (grade and trend, renewal, open work items, last touch, plan status, active users per seat);
 * and the team view: each owner's book, retention and open work.
 */

/** One page of the ranked accounts: the list's query (two queries) plus three batched reads for the page. */
export async function getPortfolioPage(
  query: Omit<AccountListQuery, "sort">,
  options: { cursor?: string | null; today: string; now?: Date },
) {
  const { rows, page } = await listAccountPage({ ...query, sort: "exposure" }, options);
  const ids = rows.map((row) => row.id);
  const [plans, work, touches] = await Promise.all([
    listPlanStatusOfAccounts(ids),
    countOpenWorkItems(ids),
    lastTouches(ids),
  ]);
  return {
    page,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      segmentName: row.segmentName,
      csmName: row.csmName,
      health: { score: row.healthScore, grade: row.healthGrade, drop30: row.healthDrop30 },
      risk: healthRisk(row.healthScore, row.healthDrop30),
      arr: row.churned ? null : row.arr,
      currency: row.arrCurrency ?? row.currency,
      churned: row.churned,
      renewalDate: row.renewalDate,
      openWorkItems: work.get(row.id) ?? 0,
      lastTouchOn: touches.get(row.id) ?? null,
      plan: plans.get(row.id) ?? null,
      activeUsers: row.monthlyActive,
      seats: row.licensedSeats,
    })),
  };
}

/** The team view's window: the twelve months up to today (retention needs a year to mean something). */
export function trailingYear(today: string): Period {
  return parsePeriod(`${datePlusDays(today, -364)}..${today}`)!;
}

export interface TeamRow {
  csmId: string | null;
  csmName: string | null;
  accounts: number;
  /** Current ARR per currency (never added across currencies), largest first. */
  arr: { currency: string; arr: number }[];
  retention: RetentionTotals[];
  openWorkItems: number;
  overdueWorkItems: number;
}

/**
 * Per account owner (and "no CSM"): accounts, ARR, GRR/NRR over the trailing year and open and
 * overdue work items. Four queries whatever the number of accounts; the cohort is one row per
 * account (as on the Retention page).
 */
export async function getTeamPortfolio(today: string): Promise<{ period: Period; rows: TeamRow[] }> {
  const period = trailingYear(today);
  const [owners, books, arr, cohort] = await Promise.all([
    listAccountOwners(),
    db.select({ csmId: accounts.csmId, n: count() }).from(accounts).groupBy(accounts.csmId),
    db
      .select({
        csmId: accounts.csmId,
        currency: subscriptions.currency,
        arr: sql<number>`sum(${subscriptions.arr})`.mapWith(Number),
      })
      .from(subscriptions)
      .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
      .where(isNull(subscriptions.churnedOn))
      .groupBy(accounts.csmId, subscriptions.currency),
    cohortRetention(period),
  ]);
  const load = await workItemLoadByAssignee(
    owners.map((owner) => owner.id),
    today,
  );
  const key = (id: string | null) => id ?? "";
  const rows = new Map<string, TeamRow>();
  const rowOf = (csmId: string | null, csmName: string | null) => {
    let row = rows.get(key(csmId));
    if (!row) {
      const work = csmId ? load.get(csmId) : undefined;
      row = {
        csmId,
        csmName,
        accounts: 0,
        arr: [],
        retention: [],
        openWorkItems: work?.open ?? 0,
        overdueWorkItems: work?.overdue ?? 0,
      };
      rows.set(key(csmId), row);
    }
    return row;
  };
  for (const owner of owners) rowOf(owner.id, owner.name);
  const names = new Map(owners.map((owner) => [owner.id, owner.name]));
  for (const book of books) rowOf(book.csmId, book.csmId ? (names.get(book.csmId) ?? null) : null).accounts = book.n;
  for (const line of arr) {
    rowOf(line.csmId, line.csmId ? (names.get(line.csmId) ?? null) : null).arr.push({
      currency: line.currency,
      arr: line.arr,
    });
  }
  const cohortBy = new Map<string, typeof cohort>();
  for (const member of cohort) cohortBy.set(key(member.csmId), [...(cohortBy.get(key(member.csmId)) ?? []), member]);
  for (const [id, members] of cohortBy) {
    const row = rows.get(id);
    if (row) row.retention = retentionTotals(members);
  }
  const list = [...rows.values()];
  for (const row of list) row.arr.sort((a, b) => b.arr - a.arr);
  // Owners with accounts first, by name; "no CSM" last, since it is work nobody has yet.
  list.sort((a, b) =>
    a.csmId === null ? 1 : b.csmId === null ? -1 : (a.csmName ?? "").localeCompare(b.csmName ?? "", "en"),
  );
  return { period, rows: list.filter((row) => row.csmId !== null || row.accounts > 0) };
}
