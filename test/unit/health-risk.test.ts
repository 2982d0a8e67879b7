import { describe, expect, it } from "vitest";
import { UNSCORED_RISK, healthRisk } from "~/domain/health/risk";

describe("health risk", () => {
  it("is the score's shortfall from 100", () => {
    expect(healthRisk(100, null)).toBe(0);
    expect(healthRisk(80, 0)).toBeCloseTo(0.2);
    expect(healthRisk(0, null)).toBe(1);
  });

  it("adds the points lost in 30 days, so a falling account outranks a steady one of the same score", () => {
    expect(healthRisk(60, 30)).toBeCloseTo(0.7);
    expect(healthRisk(60, 30)).toBeGreaterThan(healthRisk(60, 0));
    // A rise is not a drop: it never lowers the risk below the shortfall.
    expect(healthRisk(60, -20)).toBeCloseTo(0.4);
  });

  it("stays within 0 and 1, and puts an unscored account in the middle", () => {
    expect(healthRisk(10, 50)).toBe(1);
    expect(healthRisk(null, 40)).toBe(UNSCORED_RISK);
  });
});
