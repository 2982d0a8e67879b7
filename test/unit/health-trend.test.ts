import { describe, expect, it } from "vitest";
import { defaultOverrideExpiry, overrideExpiryProblem, overrideState } from "~/domain/health/override-rules";
import { arrowWindow, changesAgainst, scoreOn, trendWindow } from "~/domain/health/trend";

describe("the arrows", () => {
  const today = "2026-11-24";
  it("compares with the snapshots 7 and 30 days ago", () => {
    const past = new Map([
      ["2026-11-17", 60],
      ["2026-10-25", 80],
    ]);
    expect(changesAgainst(70, today, past)).toEqual([
      { days: 7, delta: 10 },
      { days: 30, delta: -10 },
    ]);
  });
  it("says no data when there was no snapshot or no score then, or none now", () => {
    expect(changesAgainst(70, today, new Map([["2026-11-17", null]]))).toEqual([
      { days: 7, delta: null },
      { days: 30, delta: null },
    ]);
    expect(changesAgainst(null, today, new Map([["2026-11-17", 50]]))[0]).toEqual({ days: 7, delta: null });
  });
  it("reads a missed day from the latest snapshot of the week up to it, as health_current's drop_30 does", () => {
    const past = new Map<string, number | null>([
      ["2026-11-14", 55],
      ["2026-10-19", 90],
      ["2026-10-18", 10],
    ]);
    // 11-17 has no snapshot: 11-14 is three days earlier and counts; 10-25's week reaches back to 10-19.
    expect(changesAgainst(70, today, past)).toEqual([
      { days: 7, delta: 15 },
      { days: 30, delta: -20 },
    ]);
    // Eight days back is outside the week.
    expect(scoreOn(new Map([["2026-10-17", 40]]), "2026-10-25")).toBeNull();
    // The latest filed snapshot decides, even without a score on it.
    expect(
      scoreOn(
        new Map([
          ["2026-10-24", null],
          ["2026-10-22", 60],
        ]),
        "2026-10-25",
      ),
    ).toBeNull();
    expect(arrowWindow(today)).toEqual({ from: "2026-10-19", to: "2026-11-17" });
  });
  it("shows 90 days daily or 12 months weekly", () => {
    expect(trendWindow("90d", today)).toEqual({ from: "2026-08-27", everyDays: 1, points: 90 });
    expect(trendWindow("12m", today)).toMatchObject({ from: "2025-11-25", everyDays: 7 });
  });
});

describe("override expiry", () => {
  const today = "2026-11-24";
  it("defaults to 30 days and allows today up to 180 days ahead", () => {
    expect(defaultOverrideExpiry(today)).toBe("2026-12-24");
    expect(overrideExpiryProblem(today, today)).toBeNull();
    expect(overrideExpiryProblem("2027-05-23", today)).toBeNull(); // 180 days
    expect(overrideExpiryProblem("2027-05-24", today)).toBe("expiry_too_far");
    expect(overrideExpiryProblem("2026-11-23", today)).toBe("expiry_past");
  });
  it("counts through its last day, then is expired; ended by hand wins", () => {
    expect(overrideState({ expiresOn: today, endedAt: null }, today)).toBe("active");
    expect(overrideState({ expiresOn: today, endedAt: null }, "2026-11-25")).toBe("expired");
    expect(overrideState({ expiresOn: "2026-12-01", endedAt: new Date() }, today)).toBe("ended");
  });
});
