/*
 * The renewal forecast's automatic call, pure: what health says about a renewal, to set beside
 * the CSM's own call. A gap between the two is what a manager asks about.
 */

export const FORECAST_CALLS = ["commit", "likely", "at_risk", "will_churn"] as const;
export type Forecast = (typeof FORECAST_CALLS)[number];

export interface ForecastInputs {
  overall: number | null;
  grade: "red" | "yellow" | "green" | null;
  /** The score a month earlier, for the trend. */
  overallBefore: number | null;
  churned: boolean;
}

/** A fall of this many points in a month moves the call down one step. */
const FALLING_POINTS = 15;
const COMMIT_FROM = 85;
const WILL_CHURN_BELOW = 30;

const RANK: Record<Forecast, number> = { commit: 0, likely: 1, at_risk: 2, will_churn: 3 };

/**
 * Green at 85 or more: commit; green: likely; yellow: at risk; red: at risk, or will churn under 30.
 * A score that fell 15 points or more in a month is one step worse. No score: no call.
 */
export function automaticForecast(inputs: ForecastInputs): Forecast | null {
  if (inputs.churned) return "will_churn";
  if (inputs.overall === null || inputs.grade === null) return null;
  let call: Forecast =
    inputs.grade === "green"
      ? inputs.overall >= COMMIT_FROM
        ? "commit"
        : "likely"
      : inputs.grade === "yellow"
        ? "at_risk"
        : inputs.overall < WILL_CHURN_BELOW
          ? "will_churn"
          : "at_risk";
  if (inputs.overallBefore !== null && inputs.overallBefore - inputs.overall >= FALLING_POINTS) {
    call = FORECAST_CALLS[Math.min(RANK[call] + 1, FORECAST_CALLS.length - 1)]!;
  }
  return call;
}

/**
 * How far apart the CSM's call and the automatic one are, in steps (0–3): null when either is
 * missing. Two steps or more ("commit" against "at risk") is highlighted as a gap.
 */
export function forecastGap(csm: Forecast | null, automatic: Forecast | null): number | null {
  if (csm === null || automatic === null) return null;
  return Math.abs(RANK[csm] - RANK[automatic]);
}

export const GAP_HIGHLIGHT = 2;

/** The close of a renewal: what happened to the ARR. */
export const RENEWAL_OUTCOMES = ["flat", "expanded", "contracted", "churned"] as const;
export type RenewalOutcome = (typeof RENEWAL_OUTCOMES)[number];

/** The ledger entry a renewal's close writes, from the new ARR ("expanded to X"). */
export function closingEntry(
  outcome: RenewalOutcome,
  currentArr: number,
  newArr: number,
): { kind: "renewal" | "expansion" | "contraction" | "churn"; amount: number } | { error: "not_higher" | "not_lower" } {
  switch (outcome) {
    case "flat":
      return { kind: "renewal", amount: 0 };
    case "expanded":
      return newArr > currentArr ? { kind: "expansion", amount: newArr - currentArr } : { error: "not_higher" };
    case "contracted":
      return newArr < currentArr && newArr > 0
        ? { kind: "contraction", amount: currentArr - newArr }
        : { error: "not_lower" };
    case "churned":
      return { kind: "churn", amount: 0 };
  }
}
