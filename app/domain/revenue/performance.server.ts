import { qbrCoverageByGroup } from "~/domain/health/qbr-coverage.server";
import { workItemTimelinessByGroup } from "~/domain/interventions/work-items.server";
import { listAccountOwners, listSegments } from "~/domain/people/accounts.server";
import { planDeliveryByGroup } from "~/domain/plans/delivery-stats.server";
import { type AccountGroupKey, groupKey } from "~/lib/account-groups";
import { trailingYear } from "./portfolio.server";
import { type Period, type RetentionTotals, retentionTotals } from "./retention";
import { type CohortRow, cohortRetention } from "./retention.server";

/*
 * "How we are doing": the vendor measured too, per CSM and per segment, next to retention — time
 * to first value, onboarding milestones on time, QBR coverage, work items closed in time. Each area
 * counts its own figure in one grouped query (lib/account-groups.ts); this puts them side by side.
 */

export interface PerformanceRow {
  id: string | null;
  name: string | null;
  accounts: number;
  retention: RetentionTotals[];
  plans: number;
  withFirstValue: number;
  medianDaysToFirstValue: number | null;
  onboardingCounted: number;
  onboardingOnTime: number;
  qbrCovered: number;
  closedWorkItems: number;
  closedOnTime: number;
}

export interface Performance {
  period: Period;
  byCsm: PerformanceRow[];
  bySegment: PerformanceRow[];
}

function emptyRow(id: string | null, name: string | null): PerformanceRow {
  return {
    id,
    name,
    accounts: 0,
    retention: [],
    plans: 0,
    withFirstValue: 0,
    medianDaysToFirstValue: null,
    onboardingCounted: 0,
    onboardingOnTime: 0,
    qbrCovered: 0,
    closedWorkItems: 0,
    closedOnTime: 0,
  };
}

/** Six queries whatever the number of accounts (the cohort is one row per account, as on Retention). */
export async function getPerformance(today: string, now = new Date()): Promise<Performance> {
  const period = trailingYear(today);
  const [owners, segments, cohort, plans, qbrs, work] = await Promise.all([
    listAccountOwners(),
    listSegments(),
    cohortRetention(period),
    planDeliveryByGroup(today),
    qbrCoverageByGroup(today),
    workItemTimelinessByGroup(now),
  ]);
  const rows = new Map<string, PerformanceRow>();
  const names = new Map<string, string>([
    ...owners.map((owner) => [groupKey({ by: "csm", id: owner.id }), owner.name] as const),
    ...segments.map((segment) => [groupKey({ by: "segment", id: segment.id }), segment.name] as const),
  ]);
  const rowOf = (key: AccountGroupKey) => {
    const k = groupKey(key);
    let row = rows.get(k);
    if (!row) {
      row = emptyRow(key.id, names.get(k) ?? null);
      rows.set(k, row);
    }
    return row;
  };
  for (const qbr of qbrs) Object.assign(rowOf(qbr), { accounts: qbr.accounts, qbrCovered: qbr.covered });
  for (const plan of plans) {
    const { by: _by, id: _id, ...figures } = plan;
    Object.assign(rowOf(plan), figures);
  }
  for (const item of work) Object.assign(rowOf(item), { closedWorkItems: item.closed, closedOnTime: item.onTime });
  const cohortBy = new Map<string, CohortRow[]>();
  for (const member of cohort) {
    for (const key of [groupKey({ by: "csm", id: member.csmId }), groupKey({ by: "segment", id: member.segmentId })]) {
      cohortBy.set(key, [...(cohortBy.get(key) ?? []), member]);
    }
  }
  for (const [key, members] of cohortBy) {
    const row = rows.get(key);
    if (row) row.retention = retentionTotals(members);
  }
  const list = (by: AccountGroupKey["by"]) =>
    [...rows.entries()]
      .filter(([key]) => key.startsWith(`${by}:`))
      .map(([, row]) => row)
      // Named groups by name; accounts without a CSM last.
      .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : (a.name ?? "").localeCompare(b.name ?? "", "en")));
  return { period, byCsm: list("csm"), bySegment: list("segment") };
}
