import { describe, expect, it } from "vitest";
import { type MetricFigures, annualValueAtTarget, annualValueOf, metricProgress, planRoi } from "~/domain/value/roi";

const metric = (overrides: Partial<MetricFigures> = {}): MetricFigures => ({
  direction: "down",
  baseline: 9,
  target: 4,
  current: null,
  moneyPerUnit: null,
  valuePeriod: null,
  ...overrides,
});

describe("metricProgress", () => {
  it("starts at the baseline with no measurement", () => {
    expect(metricProgress(metric())).toEqual({ current: 9, improvement: 0, progress: 0, reached: false });
  });

  it("counts a fall as improvement when lower is better", () => {
    expect(metricProgress(metric({ current: 6 }))).toEqual({
      current: 6,
      improvement: 3,
      progress: 0.6,
      reached: false,
    });
  });

  it("counts a rise as improvement when higher is better", () => {
    const p = metricProgress(metric({ direction: "up", baseline: 20, target: 80, current: 50 }));
    expect(p.improvement).toBe(30);
    expect(p.progress).toBe(0.5);
  });

  it("reaches the target exactly and goes beyond it", () => {
    expect(metricProgress(metric({ current: 4 })).reached).toBe(true);
    expect(metricProgress(metric({ current: 2 }))).toMatchObject({ improvement: 7, progress: 1.4, reached: true });
  });

  it("goes negative when the metric moved the wrong way", () => {
    expect(metricProgress(metric({ current: 11 }))).toMatchObject({ improvement: -2, progress: -0.4, reached: false });
  });
});

describe("annual value", () => {
  it("turns units of improvement into money per year through the period", () => {
    // 5 days saved on each monthly close, at 4,000 a day: 5 × 4,000 × 12.
    const close = metric({ current: 4, moneyPerUnit: 4000, valuePeriod: "month" });
    expect(annualValueOf(close)).toBe(240_000);
    expect(annualValueOf({ ...close, valuePeriod: "week" })).toBe(5 * 4000 * 52);
    expect(annualValueOf({ ...close, valuePeriod: "quarter" })).toBe(5 * 4000 * 4);
    expect(annualValueOf({ ...close, valuePeriod: "year" })).toBe(5 * 4000);
  });

  it("is null for a metric without a money value", () => {
    expect(annualValueOf(metric({ current: 4 }))).toBeNull();
    expect(annualValueAtTarget(metric())).toBeNull();
  });

  it("is negative when the metric got worse, and the target value doesn't depend on measurements", () => {
    const worse = metric({ current: 10, moneyPerUnit: 100, valuePeriod: "year" });
    expect(annualValueOf(worse)).toBe(-100);
    expect(annualValueAtTarget(worse)).toBe(500);
  });
});

describe("planRoi", () => {
  const money = metric({ current: 6, moneyPerUnit: 1000, valuePeriod: "month" }); // 3 × 1,000 × 12 = 36,000 a year

  it("computes ROI and payback from value and cost", () => {
    const roi = planRoi([money, metric({ current: 5 })], 24_000);
    expect(roi).toEqual({
      annualValue: 36_000,
      annualValueAtTarget: 60_000,
      moneyMetrics: 1,
      otherMetrics: 1,
      annualCost: 24_000,
      roiPercent: 50,
      paybackMonths: 8,
    });
  });

  it("has a negative ROI while value is below cost", () => {
    expect(planRoi([money], 48_000).roiPercent).toBe(-25);
    expect(planRoi([money], 48_000).paybackMonths).toBe(16);
  });

  it("has no ROI percentage at zero cost, and pays back at once", () => {
    expect(planRoi([money], 0)).toMatchObject({ roiPercent: null, paybackMonths: 0, annualValue: 36_000 });
  });

  it("has neither ROI nor payback before the cost is entered", () => {
    expect(planRoi([money], null)).toMatchObject({ roiPercent: null, paybackMonths: null });
  });

  it("counts nothing from metrics without money: ROI is -100% and there is no payback", () => {
    const roi = planRoi(
      [metric({ current: 4 }), metric({ direction: "up", baseline: 1, target: 2, current: 2 })],
      10_000,
    );
    expect(roi).toMatchObject({
      annualValue: 0,
      moneyMetrics: 0,
      otherMetrics: 2,
      roiPercent: -100,
      paybackMonths: null,
    });
  });

  it("has no payback while the realised value is negative", () => {
    expect(planRoi([metric({ current: 12, moneyPerUnit: 10, valuePeriod: "year" })], 100).paybackMonths).toBeNull();
  });

  it("is all zeros for a plan without metrics", () => {
    expect(planRoi([], 5000)).toMatchObject({ annualValue: 0, moneyMetrics: 0, otherMetrics: 0, roiPercent: -100 });
  });
});
