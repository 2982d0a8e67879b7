import { MAX_ARR, applyEntry } from "./ledger";

/*
 * What an imported account's ARR does to its subscription, pure: the CSV import (imports area)
 * asks this for every row in its dry run, and revenue's import writer (import.server.ts) applies
 * the same answer to the locked subscriptions. An import never churns or re-signs an account: those
 * are decisions with a reason, taken on the Revenue tab.
 */

/** The subscription as the import sees it; null: the account has none. */
export type ImportedArrState = {
  arr: number;
  currency: string;
  churned: boolean;
  startDate: string;
  renewalDate: string;
  /** The latest ledger entry's date (a new entry may not be dated before it). */
  latestOn: string | null;
} | null;

export interface ImportedArrRow {
  /** null: the file leaves ARR empty, so revenue is left alone (only the renewal date follows). */
  arr: number | null;
  currency: string | null;
  startDate: string | null;
  renewalDate: string;
}

export type ArrPlan =
  | { kind: "none" }
  | { kind: "start"; arr: number; currency: string; startDate: string; renewalDate: string }
  | {
      kind: "entry";
      entryKind: "expansion" | "contraction";
      /** Positive: how much ARR grows or shrinks. */
      amount: number;
      effectiveOn: string;
      renewalDate: string | null;
    }
  | { kind: "renewal_date"; renewalDate: string };

type ArrPlanError =
  | "start_date_required"
  | "currency_required"
  | "currency_mismatch"
  | "churned"
  | "would_churn"
  | "too_large"
  | "renewal_before_start";

export type ArrPlanResult =
  | { ok: true; plan: ArrPlan }
  | { ok: false; error: ArrPlanError; column: "arr" | "currency" | "start_date" | "renewal_date" };

const cents = (n: number) => Math.round(n * 100) / 100;

/** The change the row asks of the subscription (or why the import refuses it). `today` dates an ARR change. */
export function planImportedArr(state: ImportedArrState, row: ImportedArrRow, today: string): ArrPlanResult {
  if (row.arr !== null && row.arr > MAX_ARR) return { ok: false, error: "too_large", column: "arr" };
  if (state === null) {
    if (row.arr === null || row.arr === 0) return { ok: true, plan: { kind: "none" } };
    if (!row.currency) return { ok: false, error: "currency_required", column: "currency" };
    if (!row.startDate) return { ok: false, error: "start_date_required", column: "start_date" };
    if (row.renewalDate <= row.startDate) return { ok: false, error: "renewal_before_start", column: "renewal_date" };
    return {
      ok: true,
      plan: {
        kind: "start",
        arr: cents(row.arr),
        currency: row.currency,
        startDate: row.startDate,
        renewalDate: row.renewalDate,
      },
    };
  }
  const renewalMoves = row.renewalDate !== state.renewalDate;
  if (renewalMoves && row.renewalDate <= state.startDate) {
    return { ok: false, error: "renewal_before_start", column: "renewal_date" };
  }
  const sameArr = row.arr === null || cents(row.arr) === cents(state.arr);
  if (!sameArr && row.currency && row.currency !== state.currency) {
    return { ok: false, error: "currency_mismatch", column: "currency" };
  }
  if (sameArr) {
    return { ok: true, plan: renewalMoves ? { kind: "renewal_date", renewalDate: row.renewalDate } : { kind: "none" } };
  }
  if (state.churned) return { ok: false, error: "churned", column: "arr" };
  const arr = cents(row.arr!);
  if (arr === 0) return { ok: false, error: "would_churn", column: "arr" };
  const effectiveOn = state.latestOn !== null && state.latestOn > today ? state.latestOn : today;
  const entryKind = arr > state.arr ? "expansion" : "contraction";
  const amount = cents(Math.abs(arr - state.arr));
  const outcome = applyEntry(
    { arr: state.arr, churned: false, latestOn: state.latestOn },
    { kind: entryKind, effectiveOn, amount },
  );
  if (!outcome.ok)
    return { ok: false, error: outcome.error === "too_large" ? "too_large" : "would_churn", column: "arr" };
  return {
    ok: true,
    plan: { kind: "entry", entryKind, amount, effectiveOn, renewalDate: renewalMoves ? row.renewalDate : null },
  };
}
