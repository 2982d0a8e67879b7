/*
 * Retention over a period, pure: the period grammar, how one account's ledger movements count,
 * and the totals per currency (amounts in different currencies are never added up).
 *
 * The cohort is every account with ARR on the day before the period starts. Accounts that start
 * paying during the period are new business and stay out of GRR and NRR. A churn followed by a
 * re-sign inside the same period is not a lost logo: the two net into an expansion (re-signed
 * higher) or a contraction (lower), so start + expansion − contraction − churn is always the
 * ARR at the period's end.
 */

export interface Period {
  /** What the person typed, normalised: 2026-Q3, 2026-07, 2026, or 2026-01-15..2026-02-20. */
  key: string;
  kind: "month" | "quarter" | "year" | "custom";
  /** First and last day, inclusive. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOf(y, m);
}

const yearOk = (year: number) => year >= 2000 && year <= 2100;

/** The period a URL names, or null for anything else. */
export function parsePeriod(raw: string | null | undefined): Period | null {
  const text = (raw ?? "").trim().toUpperCase();
  let match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    if (!yearOk(year)) return null;
    const first = (quarter - 1) * 3 + 1;
    return {
      key: `${year}-Q${quarter}`,
      kind: "quarter",
      start: `${year}-${pad(first)}-01`,
      end: `${year}-${pad(first + 2)}-${pad(lastDayOf(year, first + 2))}`,
    };
  }
  match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (!yearOk(year) || month < 1 || month > 12) return null;
    return {
      key: `${year}-${pad(month)}`,
      kind: "month",
      start: `${year}-${pad(month)}-01`,
      end: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}`,
    };
  }
  match = /^(\d{4})$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    if (!yearOk(year)) return null;
    return { key: String(year), kind: "year", start: `${year}-01-01`, end: `${year}-12-31` };
  }
  match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (match) {
    const [start, end] = [match[1]!, match[2]!];
    if (!isDay(start) || !isDay(end) || end < start) return null;
    if (!yearOk(Number(start.slice(0, 4))) || !yearOk(Number(end.slice(0, 4)))) return null;
    return { key: `${start}..${end}`, kind: "custom", start, end };
  }
  return null;
}

/** The quarter a day falls in. */
export function quarterOf(day: string): Period {
  const month = Number(day.slice(5, 7));
  return parsePeriod(`${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`)!;
}

/** The `count` quarters ending with the one `day` falls in, oldest first. */
export function lastQuarters(day: string, count: number): Period[] {
  const year = Number(day.slice(0, 4));
  const quarter = Math.ceil(Number(day.slice(5, 7)) / 3);
  const periods: Period[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 4 + (quarter - 1) - back;
    periods.push(parsePeriod(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`)!);
  }
  return periods;
}

/** One cohort account's ledger in the period, summed by kind (what SQL hands over). */
export interface AccountMovements {
  accountId: string;
  currency: string;
  /** ARR the day before the period (> 0: the account is in the cohort). */
  startArr: number;
  /** ARR after its last entry in the period (the start ARR when it has none). */
  endArr: number;
  expansion: number;
  contraction: number;
  /** The churn entries' amounts (positive). */
  churned: number;
  /** The "new" entries' amounts: re-signs, for a cohort account. */
  resigned: number;
}

export interface AccountRetention {
  accountId: string;
  currency: string;
  startArr: number;
  endArr: number;
  expansion: number;
  contraction: number;
  churn: number;
  lostLogo: boolean;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** How one cohort account's movements count (see the header for the re-sign rule). */
export function accountRetention(row: AccountMovements): AccountRetention {
  let { expansion, contraction } = row;
  let churn = 0;
  const net = cents(row.resigned - row.churned);
  const lostLogo = row.churned > 0 && row.endArr <= 0;
  if (lostLogo) churn = -net;
  else if (net > 0) expansion = cents(expansion + net);
  else if (net < 0) contraction = cents(contraction - net);
  return {
    accountId: row.accountId,
    currency: row.currency,
    startArr: row.startArr,
    endArr: row.endArr,
    expansion: cents(expansion),
    contraction: cents(contraction),
    churn: cents(churn),
    lostLogo,
  };
}

export interface RetentionTotals {
  currency: string;
  startArr: number;
  expansion: number;
  contraction: number;
  churn: number;
  endArr: number;
  /** (start − contraction − churn) ÷ start; null without a cohort. */
  grr: number | null;
  /** (start + expansion − contraction − churn) ÷ start; null without a cohort. */
  nrr: number | null;
  logosAtStart: number;
  logosLost: number;
  /** logos lost ÷ logos at start; null without a cohort. */
  logoChurn: number | null;
}

/** Totals per currency, sorted by starting ARR (largest first). */
export function retentionTotals(rows: readonly AccountRetention[]): RetentionTotals[] {
  const byCurrency = new Map<string, RetentionTotals>();
  for (const row of rows) {
    if (row.startArr <= 0) continue;
    const totals =
      byCurrency.get(row.currency) ??
      ({
        currency: row.currency,
        startArr: 0,
        expansion: 0,
        contraction: 0,
        churn: 0,
        endArr: 0,
        grr: null,
        nrr: null,
        logosAtStart: 0,
        logosLost: 0,
        logoChurn: null,
      } satisfies RetentionTotals);
    totals.startArr = cents(totals.startArr + row.startArr);
    totals.expansion = cents(totals.expansion + row.expansion);
    totals.contraction = cents(totals.contraction + row.contraction);
    totals.churn = cents(totals.churn + row.churn);
    totals.endArr = cents(totals.endArr + row.endArr);
    totals.logosAtStart += 1;
    if (row.lostLogo) totals.logosLost += 1;
    byCurrency.set(row.currency, totals);
  }
  return [...byCurrency.values()]
    .map((totals) => ({
      ...totals,
      grr: totals.startArr > 0 ? (totals.startArr - totals.contraction - totals.churn) / totals.startArr : null,
      nrr:
        totals.startArr > 0
          ? (totals.startArr + totals.expansion - totals.contraction - totals.churn) / totals.startArr
          : null,
      logoChurn: totals.logosAtStart > 0 ? totals.logosLost / totals.logosAtStart : null,
    }))
    .sort((a, b) => b.startArr - a.startArr || a.currency.localeCompare(b.currency));
}

export const RETENTION_METRICS = ["startArr", "expansion", "contraction", "churn", "logosLost"] as const;
export type RetentionMetric = (typeof RETENTION_METRICS)[number];

/** Whether an account counts in a metric's drill-down. */
export function contributesTo(row: AccountRetention, metric: RetentionMetric): boolean {
  switch (metric) {
    case "startArr":
      return row.startArr > 0;
    case "expansion":
      return row.expansion > 0;
    case "contraction":
      return row.contraction > 0;
    case "churn":
      return row.churn > 0;
    case "logosLost":
      return row.lostLogo;
  }
}
