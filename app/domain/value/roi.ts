import type { MetricDirection, ValuePeriod } from "~db/schema";

/** How many of each period a year holds: a metric measured per month counts twelve times a year. */
export const PERIODS_PER_YEAR: Record<ValuePeriod, number> = { week: 52, month: 12, quarter: 4, year: 1 };

export interface MetricFigures {
  direction: MetricDirection;
  baseline: number;
  target: number;
  /** The latest measurement, or null when nothing has been measured yet. */
  current: number | null;
  moneyPerUnit: number | null;
  valuePeriod: ValuePeriod | null;
}

export interface MetricProgress {
  /** The value now: the latest measurement, or the baseline before any. */
  current: number;
  /** How far it moved the good way from the baseline (negative when it moved the wrong way). */
  improvement: number;
  /** improvement ÷ the distance from baseline to target: 0 at the baseline, 1 at the target, > 1 beyond it. */
  progress: number;
  reached: boolean;
}

/** Signed so that "better" is always positive, whichever way the metric counts. */
const gain = (direction: MetricDirection, from: number, to: number) => (direction === "up" ? to - from : from - to);

export function metricProgress(metric: MetricFigures): MetricProgress {
  const current = metric.current ?? metric.baseline;
  const improvement = gain(metric.direction, metric.baseline, current);
  const distance = gain(metric.direction, metric.baseline, metric.target);
  const progress = distance > 0 ? improvement / distance : improvement >= 0 ? 1 : 0;
  return { current, improvement, progress, reached: progress >= 1 };
}

/** Money per year that an improvement of `units` is worth; null for a metric without a money value. */
function yearly(metric: MetricFigures, units: number): number | null {
  if (metric.moneyPerUnit === null || metric.valuePeriod === null) return null;
  return units * metric.moneyPerUnit * PERIODS_PER_YEAR[metric.valuePeriod];
}

/** What the improvement measured so far is worth per year (negative when the metric got worse). */
export function annualValueOf(metric: MetricFigures): number | null {
  return yearly(metric, metricProgress(metric).improvement);
}

/** What reaching the target would be worth per year. */
export function annualValueAtTarget(metric: MetricFigures): number | null {
  return yearly(metric, gain(metric.direction, metric.baseline, metric.target));
}

export interface PlanRoi {
  /** Value realised per year, summed over the metrics with a money value. */
  annualValue: number;
  /** The same if every money metric reached its target. */
  annualValueAtTarget: number;
  /** How many metrics have a money value (and so count), and how many don't. */
  moneyMetrics: number;
  otherMetrics: number;
  /** The subscription cost per year, or null when it hasn't been entered. */
  annualCost: number | null;
  /** (value − cost) ÷ cost × 100; null without a cost above zero. */
  roiPercent: number | null;
  /** cost ÷ (value ÷ 12): months of value that pay for a year's cost; 0 when it costs nothing; null while no value is realised. */
  paybackMonths: number | null;
}

/**
 * The plan's ROI from its metrics and the account's yearly cost. Zero cost has no ROI percentage
 * (there is nothing to return on) but pays back at once; no value yet means no payback.
 */
export function planRoi(metrics: readonly MetricFigures[], annualCost: number | null): PlanRoi {
  let annualValue = 0;
  let atTarget = 0;
  let moneyMetrics = 0;
  for (const metric of metrics) {
    const value = annualValueOf(metric);
    if (value === null) continue;
    moneyMetrics += 1;
    annualValue += value;
    atTarget += annualValueAtTarget(metric) ?? 0;
  }
  const hasCost = annualCost !== null;
  return {
    annualValue,
    annualValueAtTarget: atTarget,
    moneyMetrics,
    otherMetrics: metrics.length - moneyMetrics,
    annualCost,
    roiPercent: hasCost && annualCost > 0 ? ((annualValue - annualCost) / annualCost) * 100 : null,
    paybackMonths: !hasCost ? null : annualCost === 0 ? 0 : annualValue > 0 ? annualCost / (annualValue / 12) : null,
  };
}
