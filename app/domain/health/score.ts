import { MEASURE_KEYS, type MeasureKey } from "./measures";

/**
 * The overall health score from the measures' scores and a model's weights: the weighted mean over
 * the measures that have data, with the coverage said out loud ("based on 4 of 6 measures, 70% of
 * the weight") and graded by the model's thresholds. Pure.
 */

export type Weights = Record<MeasureKey, number>;
export type Grade = "red" | "yellow" | "green";

export interface Thresholds {
  /** Below this: red. */
  redBelow: number;
  /** From this up: green; between the two: yellow. */
  greenFrom: number;
}

/** The model every segment without its own uses, until an admin saves another. */
export const DEFAULT_WEIGHTS: Weights = {
  adoption: 25,
  plan: 20,
  skills: 15,
  sentiment: 15,
  engagement: 15,
  community: 10,
};
export const DEFAULT_THRESHOLDS: Thresholds = { redBelow: 50, greenFrom: 75 };

export type ModelProblem = "weights_not_whole" | "weights_sum" | "thresholds_overlap";

/** Why a model can't be saved: weights whole, 0–100, summing to 100; 0 < red < green ≤ 100. */
export function modelProblems(weights: Weights, thresholds: Thresholds): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const values = MEASURE_KEYS.map((key) => weights[key]);
  if (values.some((value) => !Number.isInteger(value) || value < 0 || value > 100)) {
    problems.push("weights_not_whole");
  }
  if (values.reduce((sum, value) => sum + value, 0) !== 100) problems.push("weights_sum");
  const { redBelow, greenFrom } = thresholds;
  if (
    !Number.isInteger(redBelow) ||
    !Number.isInteger(greenFrom) ||
    redBelow <= 0 ||
    redBelow >= greenFrom ||
    greenFrom > 100
  ) {
    problems.push("thresholds_overlap");
  }
  return problems;
}

export function gradeOf(score: number, thresholds: Thresholds): Grade {
  if (score < thresholds.redBelow) return "red";
  if (score < thresholds.greenFrom) return "yellow";
  return "green";
}

interface Coverage {
  /** Measures with data (of those the model weighs). */
  measures: number;
  of: number;
  /** Percent of the model's weight those measures carry. */
  weight: number;
}

export interface Overall {
  /** Null when no weighed measure has data: nothing to grade. */
  score: number | null;
  grade: Grade | null;
  coverage: Coverage;
}

export function overallScore(
  scores: Record<MeasureKey, number | null>,
  weights: Weights,
  thresholds: Thresholds,
): Overall {
  let weighed = 0;
  let covered = 0;
  let measures = 0;
  let sum = 0;
  let total = 0;
  for (const key of MEASURE_KEYS) {
    const weight = weights[key];
    if (weight <= 0) continue;
    weighed += 1;
    total += weight;
    const score = scores[key];
    if (score === null) continue;
    measures += 1;
    covered += weight;
    sum += score * weight;
  }
  const coverage = { measures, of: weighed, weight: total > 0 ? Math.round((covered / total) * 100) : 0 };
  if (covered === 0) return { score: null, grade: null, coverage };
  const score = Math.round(sum / covered);
  return { score, grade: gradeOf(score, thresholds), coverage };
}
