import { describe, expect, it } from "vitest";
import { LOOKBACK_DAYS, activeSeries, addDays, breadth, trend, utilisation } from "~/domain/telemetry/usage";
import { KeyFeatureInputSchema } from "~/domain/telemetry/key-feature-schema";

const TODAY = "2026-03-31";
/** The offset of `daysAgo` from the look-back's first day. */
const ago = (daysAgo: number) => LOOKBACK_DAYS - daysAgo;

describe("activeSeries", () => {
  it("gives 90 days ending today with DAU, WAU (7 days) and MAU (30 days), across a month boundary", () => {
    const series = activeSeries(TODAY, [[ago(0)], [ago(6)], [ago(7)], [ago(29)], [ago(30)]]);
    expect(series).toHaveLength(90);
    expect(series[0]!.day).toBe(addDays(TODAY, -89));
    expect(series.at(-1)).toEqual({ day: TODAY, daily: 1, weekly: 2, monthly: 4 });
    // A user active 118 days ago counts in the first charted day's MAU (89 days ago, its 30 days back).
    expect(activeSeries(TODAY, [[0]])[0]!.monthly).toBe(1);
    expect(activeSeries(TODAY, [[0]])[1]!.monthly).toBe(0);
  });

  it("counts a user once per window however many days they were active", () => {
    const series = activeSeries(TODAY, [[ago(0), ago(1), ago(2), ago(3)]]);
    expect(series.at(-1)).toMatchObject({ daily: 1, weekly: 1, monthly: 1 });
  });
});

describe("ratios", () => {
  it("utilisation, breadth and trend", () => {
    expect(utilisation(15, 20)).toBe(0.75);
    expect(utilisation(30, 20)).toBe(1.5);
    expect(breadth(2, 4)).toBe(0.5);
    expect(breadth(0, 0)).toBeNull();
    expect(trend(12, 10)).toBeCloseTo(0.2);
    expect(trend(5, 0)).toBeNull();
  });
});

describe("KeyFeatureInputSchema", () => {
  it("keeps a whole filter, clears an empty one and refuses half of one", () => {
    const base = { name: "Exports PDFs", event: "Report Exported", segmentId: "" };
    expect(KeyFeatureInputSchema.parse({ ...base, propertyKey: " format ", propertyValue: "pdf" })).toEqual({
      name: "Exports PDFs",
      event: "Report Exported",
      propertyKey: "format",
      propertyValue: "pdf",
      segmentId: null,
    });
    expect(KeyFeatureInputSchema.parse({ ...base, propertyKey: "", propertyValue: "" }).propertyKey).toBeNull();
    const half = KeyFeatureInputSchema.safeParse({ ...base, propertyKey: "format", propertyValue: "" });
    expect(half.success ? [] : half.error.issues.map((issue) => issue.path[0])).toEqual(["propertyValue"]);
  });
});
