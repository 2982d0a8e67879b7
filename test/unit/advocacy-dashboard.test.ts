import { describe, expect, it } from "vitest";
import {
  askTotals,
  asksByType,
  countByBucket,
  funnelSince,
  npsByBucket,
  periodBuckets,
  periodStart,
  publishedDates,
  type TransitionRow,
} from "~/domain/advocacy/dashboard";

const now = new Date("2026-05-20T10:00:00Z");
const utc = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("dashboard periods", () => {
  it("starts 90 days back, on the first of the month eleven months back, or never", () => {
    expect(periodStart("90d", now)).toEqual(new Date("2026-02-19T10:00:00Z"));
    expect(periodStart("12m", now)).toEqual(new Date("2025-06-01T00:00:00Z"));
    expect(periodStart("all", now)).toBeNull();
  });

  it("splits the last 12 months into twelve whole calendar months ending with the current one", () => {
    const buckets = periodBuckets("12m", now, null);
    expect(buckets.map((bucket) => bucket.key)).toEqual([
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
    ]);
    expect(buckets[6]).toEqual({
      key: "2025-12",
      kind: "month",
      start: new Date("2025-12-01T00:00:00Z"),
      end: new Date("2026-01-01T00:00:00Z"),
    });
  });

  it("covers the last 90 days with the months they touch", () => {
    expect(periodBuckets("90d", now, null).map((bucket) => bucket.key)).toEqual([
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
    ]);
  });

  it("counts all time in quarters from the earliest data, or only the current quarter without data", () => {
    expect(periodBuckets("all", now, utc("2025-08-30")).map((bucket) => bucket.key)).toEqual([
      "2025-Q3",
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
    ]);
    expect(periodBuckets("all", now, null)).toEqual([
      {
        key: "2026-Q2",
        kind: "quarter",
        start: new Date("2026-04-01T00:00:00Z"),
        end: new Date("2026-07-01T00:00:00Z"),
      },
    ]);
  });
});

describe("dashboard series", () => {
  const buckets = periodBuckets("90d", now, null);

  it("scores NPS per month, empty months included without a score, answers outside the period left out", () => {
    const series = npsByBucket(
      [
        { score: 10, at: utc("2025-12-15") },
        { score: 9, at: utc("2026-02-27") },
        { score: 3, at: utc("2026-02-28") },
        { score: 7, at: utc("2026-04-30") },
        { score: 10, at: new Date("2026-04-30T23:59:59Z") },
      ],
      buckets,
    );
    expect(series).toEqual([
      { key: "2026-02", summary: { responses: 2, promoters: 1, passives: 0, detractors: 1, nps: 0 } },
      { key: "2026-03", summary: { responses: 0, promoters: 0, passives: 0, detractors: 0, nps: null } },
      { key: "2026-04", summary: { responses: 2, promoters: 1, passives: 1, detractors: 0, nps: 50 } },
      { key: "2026-05", summary: { responses: 0, promoters: 0, passives: 0, detractors: 0, nps: null } },
    ]);
  });

  it("counts dates per bucket, a month's first instant in that month", () => {
    expect(
      countByBucket(
        [new Date("2026-03-01T00:00:00Z"), utc("2026-03-31"), utc("2026-05-01"), utc("2024-01-01")],
        buckets,
      ),
    ).toEqual([
      { key: "2026-02", count: 0 },
      { key: "2026-03", count: 2 },
      { key: "2026-04", count: 0 },
      { key: "2026-05", count: 1 },
    ]);
  });

  it("dates each time an opportunity went live", () => {
    const rows: TransitionRow[] = [
      { opportunityId: "a", toStage: "customer_review", at: utc("2026-03-01") },
      { opportunityId: "a", toStage: "published", at: utc("2026-03-02") },
      { opportunityId: "b", toStage: "published", at: utc("2026-04-02") },
    ];
    expect(publishedDates(rows)).toEqual([utc("2026-03-02"), utc("2026-04-02")]);
  });
});

describe("dashboard funnel for a period", () => {
  const rows: TransitionRow[] = [
    // Identified before the period, accepted within it: not in the period's cohort.
    { opportunityId: "old", toStage: "identified", at: utc("2025-01-01") },
    { opportunityId: "old", toStage: "asked", at: utc("2025-01-01") },
    { opportunityId: "old", toStage: "accepted", at: utc("2026-03-01") },
    { opportunityId: "new", toStage: "identified", at: utc("2026-03-01") },
    { opportunityId: "new", toStage: "asked", at: utc("2026-03-01") },
    { opportunityId: "new", toStage: "accepted", at: utc("2026-03-11") },
    { opportunityId: "newer", toStage: "identified", at: utc("2026-04-01") },
    { opportunityId: "newer", toStage: "asked", at: utc("2026-04-01") },
  ];

  it("follows the opportunities identified in the period through every stage they reached", () => {
    const steps = Object.fromEntries(funnelSince(rows, periodStart("90d", now)).map((step) => [step.stage, step]));
    expect(steps.identified).toMatchObject({ reached: 2, conversion: 1 });
    expect(steps.asked).toMatchObject({ reached: 2, conversion: 0.5, medianDays: 10 });
    expect(steps.accepted).toMatchObject({ reached: 1, conversion: 0 });
  });

  it("takes every opportunity for all time", () => {
    expect(funnelSince(rows, null).find((step) => step.stage === "accepted")).toMatchObject({ reached: 2 });
  });

  it("reaches nothing when no opportunity was identified in the period", () => {
    expect(
      funnelSince(rows, new Date("2026-05-01T00:00:00Z")).every(
        (step) => step.reached === 0 && step.conversion === null,
      ),
    ).toBe(true);
  });
});

describe("dashboard asks by type", () => {
  it("tallies sent, accepted, declined and open per type in the ask types' order, leaving out types never sent", () => {
    const tallies = asksByType([
      { askType: "review", status: "open", count: 2 },
      { askType: "case_study", status: "accepted", count: 1 },
      { askType: "review", status: "snoozed", count: 1 },
      { askType: "case_study", status: "declined", count: 2 },
      { askType: "review", status: "accepted", count: 3 },
    ]);
    expect(tallies).toEqual([
      { askType: "case_study", sent: 3, accepted: 1, declined: 2, pending: 0 },
      { askType: "review", sent: 6, accepted: 3, declined: 0, pending: 3 },
    ]);
    expect(askTotals(tallies)).toEqual({ sent: 9, accepted: 4, declined: 2, pending: 3 });
  });

  it("is empty, with zero totals, when nothing was sent", () => {
    expect(asksByType([])).toEqual([]);
    expect(askTotals([])).toEqual({ sent: 0, accepted: 0, declined: 0, pending: 0 });
  });
});
