import { describe, expect, it } from "vitest";
import { addMonths } from "~/domain/revenue/ledger";
import { automaticForecast, closingEntry, forecastGap } from "~/domain/revenue/forecast";

const inputs = (
  overall: number | null,
  grade: "red" | "yellow" | "green" | null,
  overallBefore: number | null = null,
) => ({
  overall,
  grade,
  overallBefore,
  churned: false,
});

describe("the automatic forecast", () => {
  it("reads the grade and score", () => {
    expect(automaticForecast(inputs(90, "green"))).toBe("commit");
    expect(automaticForecast(inputs(85, "green"))).toBe("commit");
    expect(automaticForecast(inputs(84, "green"))).toBe("likely");
    expect(automaticForecast(inputs(60, "yellow"))).toBe("at_risk");
    expect(automaticForecast(inputs(45, "red"))).toBe("at_risk");
    expect(automaticForecast(inputs(29, "red"))).toBe("will_churn");
    expect(automaticForecast(inputs(null, null))).toBeNull();
    expect(automaticForecast({ ...inputs(95, "green"), churned: true })).toBe("will_churn");
  });

  it("moves one step down when the score fell 15 points in a month", () => {
    expect(automaticForecast(inputs(88, "green", 103))).toBe("likely");
    expect(automaticForecast(inputs(88, "green", 102))).toBe("commit");
    expect(automaticForecast(inputs(80, "green", 94))).toBe("likely");
    expect(automaticForecast(inputs(60, "yellow", 80))).toBe("will_churn");
    expect(automaticForecast(inputs(20, "red", 60))).toBe("will_churn");
  });

  it("measures the gap in steps, none without both calls", () => {
    expect(forecastGap("commit", "at_risk")).toBe(2);
    expect(forecastGap("will_churn", "commit")).toBe(3);
    expect(forecastGap("likely", "likely")).toBe(0);
    expect(forecastGap(null, "likely")).toBeNull();
    expect(forecastGap("likely", null)).toBeNull();
  });
});

describe("closing a renewal", () => {
  it("turns the outcome and new ARR into one ledger entry", () => {
    expect(closingEntry("flat", 1_000, 0)).toEqual({ kind: "renewal", amount: 0 });
    expect(closingEntry("expanded", 1_000, 1_500)).toEqual({ kind: "expansion", amount: 500 });
    expect(closingEntry("expanded", 1_000, 900)).toEqual({ error: "not_higher" });
    expect(closingEntry("contracted", 1_000, 600)).toEqual({ kind: "contraction", amount: 400 });
    expect(closingEntry("contracted", 1_000, 0)).toEqual({ error: "not_lower" });
    expect(closingEntry("churned", 1_000, 0)).toEqual({ kind: "churn", amount: 0 });
  });

  it("moves the renewal date by the term, keeping month ends real", () => {
    expect(addMonths("2026-06-30", 12)).toBe("2027-06-30");
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2027-11-15", 3)).toBe("2028-02-15");
  });
});
