/*
 * The ARR ledger's rules, pure: what an entry does to an account's ARR and which entries are
 * refused. The database functions (ledger.server.ts) apply them to the locked subscription row.
 */

export const LEDGER_KINDS = ["new", "renewal", "expansion", "contraction", "churn"] as const;
export type LedgerKindName = (typeof LEDGER_KINDS)[number];

export const CHURN_REASONS = [
  "budget",
  "no_adoption",
  "competitor",
  "product_gap",
  "acquired",
  "business_closed",
  "other",
] as const;

/** Largest ARR an account may have (the column is numeric(14, 2)). */
export const MAX_ARR = 1_000_000_000;

export interface LedgerState {
  arr: number;
  churned: boolean;
  /** The latest entry's date; a new entry may not be dated before it. */
  latestOn: string | null;
}

export interface EntryRequest {
  kind: LedgerKindName;
  effectiveOn: string;
  /** The change, as a positive amount: ignored for churn (the whole ARR goes) and renewal (flat). */
  amount: number;
}

export type LedgerError =
  | "before_latest"
  | "churned"
  | "already_active"
  | "contraction_too_large"
  | "amount_required"
  | "too_large"
  | "nothing_to_churn";

export type EntryOutcome =
  | { ok: true; delta: number; arrAfter: number; churned: boolean }
  | { ok: false; error: LedgerError; field: "effectiveOn" | "amount" | "kind" };

const cents = (n: number) => Math.round(n * 100) / 100;

/** What the entry does to the ARR, or why it is refused. */
export function applyEntry(state: LedgerState, entry: EntryRequest): EntryOutcome {
  if (state.latestOn !== null && entry.effectiveOn < state.latestOn) {
    return { ok: false, error: "before_latest", field: "effectiveOn" };
  }
  const amount = cents(entry.amount);
  if (entry.kind === "new") {
    // A first signature, or a re-sign after a churn; an account paying already expands instead.
    if (!state.churned && state.arr > 0) return { ok: false, error: "already_active", field: "kind" };
    if (amount <= 0) return { ok: false, error: "amount_required", field: "amount" };
    if (amount > MAX_ARR) return { ok: false, error: "too_large", field: "amount" };
    return { ok: true, delta: amount, arrAfter: amount, churned: false };
  }
  if (state.churned) return { ok: false, error: "churned", field: "kind" };
  switch (entry.kind) {
    case "renewal":
      return { ok: true, delta: 0, arrAfter: state.arr, churned: false };
    case "expansion": {
      if (amount <= 0) return { ok: false, error: "amount_required", field: "amount" };
      const after = cents(state.arr + amount);
      if (after > MAX_ARR) return { ok: false, error: "too_large", field: "amount" };
      return { ok: true, delta: amount, arrAfter: after, churned: false };
    }
    case "contraction": {
      if (amount <= 0) return { ok: false, error: "amount_required", field: "amount" };
      // Down to zero is a churn, and a churn says why.
      if (amount >= state.arr) return { ok: false, error: "contraction_too_large", field: "amount" };
      return { ok: true, delta: -amount, arrAfter: cents(state.arr - amount), churned: false };
    }
    case "churn":
      if (state.arr <= 0) return { ok: false, error: "nothing_to_churn", field: "kind" };
      return { ok: true, delta: -state.arr, arrAfter: 0, churned: true };
  }
}

/** The renewal date one term after `from` (a calendar date), keeping the day where the month has it. */
export function addMonths(from: string, months: number): string {
  const [y, m, d] = from.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
