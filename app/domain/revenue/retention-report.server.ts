import { count, max } from "drizzle-orm";
import { db } from "~db/client.server";
import { ledgerEntries } from "~db/schema";
import { csvCell } from "~/domain/imports/csv-text";
import { LruCache } from "~/lib/lru";
import { type Cursor, type PageInfo, PAGE_SIZE, decodeCursor, encodeCursor, filterFingerprint } from "~/lib/pagination";
import {
  type Period,
  type RetentionMetric,
  type RetentionTotals,
  contributesTo,
  lastQuarters,
  retentionTotals,
} from "./retention";
import { type CohortRow, cohortRetention, periodEntries } from "./retention.server";

const CHART_QUARTERS = 8;

function groupTotals(rows: readonly CohortRow[], keyOf: (row: CohortRow) => string) {
  const groups = new Map<string, CohortRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([group, members]) => retentionTotals(members).map((totals) => ({ group, ...totals })));
}

/** A page of an in-memory list, addressed like the keyset lists (the cursor holds the position). */
function pageOf<Row>(rows: readonly Row[], raw: string | null | undefined, fingerprint: string) {
  const cursor: Cursor | null = decodeCursor(raw, fingerprint, 1);
  const from = Math.min(cursor?.at ?? 0, Math.max(0, rows.length - 1));
  const slice = rows.slice(from, from + PAGE_SIZE);
  const page: PageInfo = {
    from,
    count: slice.length,
    total: rows.length,
    previous:
      from > 0
        ? encodeCursor({ direction: "before", at: Math.max(0, from - PAGE_SIZE), key: [from] }, fingerprint)
        : null,
    next:
      from + PAGE_SIZE < rows.length
        ? encodeCursor({ direction: "after", at: from + PAGE_SIZE, key: [from + PAGE_SIZE] }, fingerprint)
        : null,
  };
  return { rows: slice, page };
}

// The chart's quarters, by quarter and ledger state: the ledger is append-only, so its entry count
// and latest write name its state, and a quarter's totals only change when an entry is added.
const chartCache = new LruCache<string, RetentionTotals[]>(256);

async function ledgerState(): Promise<string> {
  const [row] = await db.select({ n: count(), latest: max(ledgerEntries.createdAt) }).from(ledgerEntries);
  return `${row?.n ?? 0}:${row?.latest?.toISOString() ?? ""}`;
}

/** Each quarter's totals per currency (null for `skip`): one cheap query, then a cohort query per quarter not cached for this ledger state. */
async function chartTotals(quarters: readonly Period[], skip: string): Promise<(RetentionTotals[] | null)[]> {
  if (quarters.length === 0) return [];
  const state = await ledgerState();
  return Promise.all(
    quarters.map(async (quarter) => {
      // The selected period's own cohort is read anyway: the caller fills it in.
      if (quarter.key === skip) return null;
      const key = `${quarter.key}@${state}`;
      const cached = chartCache.get(key);
      if (cached) return cached;
      const totals = retentionTotals(await cohortRetention(quarter));
      chartCache.set(key, totals);
      return totals;
    }),
  );
}

export interface RetentionReport {
  period: Period;
  totals: RetentionTotals[];
  bySegment: (RetentionTotals & { group: string })[];
  byCsm: (RetentionTotals & { group: string | null })[];
  /** By the quarter the accounts started paying, oldest first. */
  byCohort: (RetentionTotals & { group: string })[];
  chart: { period: string; totals: RetentionTotals[] }[];
  drill: {
    metric: RetentionMetric;
    rows: (CohortRow & { entries: Awaited<ReturnType<typeof periodEntries>> })[];
    page: PageInfo;
  } | null;
}

/**
 * The retention page: the period's totals per currency, by segment, CSM and cohort, the last eight
 * quarters for the chart, and one page of the accounts behind a number with their entries. A
 * fixed number of queries: the period's cohort, the ledger's state, a cohort per chart quarter
 * not cached for that state (none on a repeat view), one for the entries.
 */
export async function getRetentionReport(
  period: Period,
  options: { metric?: RetentionMetric | null; cursor?: string | null; chart?: boolean } = {},
): Promise<RetentionReport> {
  const quarters = options.chart === false ? [] : lastQuarters(period.end, CHART_QUARTERS);
  const [cohort, chart] = await Promise.all([cohortRetention(period), chartTotals(quarters, period.key)]);
  let drill: RetentionReport["drill"] = null;
  if (options.metric) {
    const metric = options.metric;
    const { rows, page } = pageOf(
      cohort.filter((row) => contributesTo(row, metric)),
      options.cursor,
      filterFingerprint({ period: period.key, metric }),
    );
    const entries = await periodEntries(
      rows.map((row) => row.accountId),
      period,
    );
    drill = {
      metric,
      page,
      rows: rows.map((row) => ({ ...row, entries: entries.filter((entry) => entry.accountId === row.accountId) })),
    };
  }
  return {
    period,
    totals: retentionTotals(cohort),
    bySegment: groupTotals(cohort, (row) => row.segmentName),
    byCsm: groupTotals(cohort, (row) => row.csmName ?? "").map((row) => ({ ...row, group: row.group || null })),
    byCohort: groupTotals(cohort, (row) => row.startQuarter),
    chart: quarters.map((quarter, index) => ({
      period: quarter.key,
      totals: chart[index] ?? retentionTotals(cohort),
    })),
    drill,
  };
}

/** The period's cohort as CSV rows (one per account and its counted movements), header first. */
export async function retentionCsv(period: Period): Promise<string> {
  const cohort = await cohortRetention(period);
  const header = [
    "period",
    "account",
    "segment",
    "csm",
    "currency",
    "start_arr",
    "expansion",
    "contraction",
    "churn",
    "end_arr",
    "lost_logo",
    "cohort",
  ];
  const lines = cohort.map((row) =>
    [
      period.key,
      row.name,
      row.segmentName,
      row.csmName,
      row.currency,
      row.startArr,
      row.expansion,
      row.contraction,
      row.churn,
      row.endArr,
      row.lostLogo,
      row.startQuarter,
    ]
      .map(csvCell)
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
