import { describe, expect, it } from "vitest";
import { addDays, breadth, seriesOf, trend, utilisation } from "~/domain/telemetry/usage";
import { KeyFeatureInputSchema } from "~/domain/telemetry/key-feature-schema";

const TODAY = "2026-03-31";

describe("seriesOf", () => {
  it("gives the 90 days ending today, across a month boundary, with 0 for the days without a row", () => {
    const series = seriesOf(TODAY, [
      { day: TODAY, daily: 1, weekly: 2, monthly: 4 },
      { day: "2026-03-01", daily: 0, weekly: 0, monthly: 3 },
      { day: addDays(TODAY, -89), daily: 2, weekly: 2, monthly: 2 },
    ]);
    expect(series).toHaveLength(90);
    expect(series[0]).toEqual({ day: "2026-01-01", daily: 2, weekly: 2, monthly: 2 });
    expect(series.at(-1)).toEqual({ day: TODAY, daily: 1, weekly: 2, monthly: 4 });
    expect(series.find((point) => point.day === "2026-03-01")!.monthly).toBe(3);
    expect(series.find((point) => point.day === "2026-02-28")).toEqual({
      day: "2026-02-28",
      daily: 0,
      weekly: 0,
      monthly: 0,
    });
  });

  it("ignores rows outside the chart (the days after today hold counts so far)", () => {
    const series = seriesOf(TODAY, [
      { day: addDays(TODAY, 1), daily: 0, weekly: 1, monthly: 1 },
      { day: addDays(TODAY, -90), daily: 1, weekly: 1, monthly: 1 },
    ]);
    expect(series.every((point) => point.monthly === 0)).toBe(true);
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
