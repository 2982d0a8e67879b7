import { describe, expect, it } from "vitest";
import {
  type AdoptionInputs,
  type PlanInputs,
  recency,
  scoreAdoption,
  scoreCommunity,
  scoreEngagement,
  scorePlan,
  scoreSentiment,
  scoreSkills,
  weightedParts,
} from "~/domain/health/measures";
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, gradeOf, modelProblems, overallScore } from "~/domain/health/score";

const adoption = (overrides: Partial<AdoptionInputs> = {}): AdoptionInputs => ({
  hasTelemetry: true,
  licensedSeats: 10,
  monthlyActive: 10,
  previousMonthlyActive: 10,
  keyFeatures: 4,
  keyFeaturesInUse: 4,
  ...overrides,
});

const plan = (overrides: Partial<PlanInputs> = {}): PlanInputs => ({
  onTrack: 0,
  upcoming: 0,
  atRisk: 0,
  stalled: 0,
  achieved: 0,
  overdueCustomerTasks: 0,
  overdueVendorTasks: 0,
  daysSinceAchieved: null,
  ...overrides,
});

describe("weighted parts and recency", () => {
  it("reweights over the parts with data and is null when none has", () => {
    expect(
      weightedParts([
        { value: 100, weight: 50 },
        { value: null, weight: 50 },
      ]),
    ).toBe(100);
    expect(
      weightedParts([
        { value: 100, weight: 75 },
        { value: 0, weight: 25 },
      ]),
    ).toBe(75);
    expect(weightedParts([{ value: null, weight: 50 }])).toBeNull();
    // Values outside 0–100 (utilisation over 100%) are capped.
    expect(weightedParts([{ value: 180, weight: 1 }])).toBe(100);
  });

  it("is full up to its window, 0 from its end, linear between, null when it never happened", () => {
    expect(recency(14, 14, 90)).toBe(100);
    expect(recency(90, 14, 90)).toBe(0);
    expect(recency(52, 14, 90)).toBe(50);
    expect(recency(null, 14, 90)).toBeNull();
  });
});

describe("adoption", () => {
  it("is no data without telemetry, never 0", () => {
    expect(scoreAdoption(adoption({ hasTelemetry: false, monthlyActive: 0 }))).toBeNull();
  });

  it("scores a real 0 when telemetry exists but nobody is active and it fell", () => {
    expect(scoreAdoption(adoption({ monthlyActive: 0, keyFeaturesInUse: 0, previousMonthlyActive: 5 }))).toBe(0);
  });

  it("gives full marks at full utilisation, breadth and no decline; more users than seats is still 100", () => {
    expect(scoreAdoption(adoption())).toBe(100);
    expect(scoreAdoption(adoption({ monthlyActive: 25 }))).toBe(100);
  });

  it("drops the trend part to 0 at half the previous month, and leaves it out without a previous month", () => {
    // utilisation 50% (×50), breadth 100% (×30), trend −50% → 0 (×20): (2500 + 3000) / 100.
    expect(scoreAdoption(adoption({ monthlyActive: 5, previousMonthlyActive: 10 }))).toBe(55);
    // Without a previous month: (2500 + 3000) / 80.
    expect(scoreAdoption(adoption({ monthlyActive: 5, previousMonthlyActive: 0 }))).toBe(69);
  });

  it("leaves breadth out when no key feature applies", () => {
    expect(
      scoreAdoption(adoption({ keyFeatures: 0, keyFeaturesInUse: 0, monthlyActive: 5, previousMonthlyActive: 5 })),
    ).toBe(Math.round((50 * 50 + 100 * 20) / 70));
  });
});

describe("plan progress", () => {
  it("is no data without a plan or milestones", () => {
    expect(scorePlan(null)).toBeNull();
    expect(scorePlan(plan())).toBeNull();
  });

  it("counts at risk half and stalled nothing; every milestone achieved is full marks", () => {
    expect(scorePlan(plan({ achieved: 3, daysSinceAchieved: 5 }))).toBe(100);
    // milestones (1 + 0.5) / 3 = 50 (×50), no overdue 100 (×30), no achievement yet (left out).
    expect(scorePlan(plan({ onTrack: 1, atRisk: 1, stalled: 1 }))).toBe(Math.round((50 * 50 + 100 * 30) / 80));
  });

  it("takes 15 points per overdue task on either side, down to 0", () => {
    const base = plan({ onTrack: 1 });
    expect(scorePlan({ ...base, overdueCustomerTasks: 1, overdueVendorTasks: 1 })).toBe(
      Math.round((100 * 50 + 70 * 30) / 80),
    );
    expect(scorePlan({ ...base, overdueCustomerTasks: 10 })).toBe(Math.round((100 * 50) / 80));
  });

  it("scores the last achievement full within 30 days and 0 after 120", () => {
    expect(scorePlan(plan({ onTrack: 1, achieved: 1, daysSinceAchieved: 30 }))).toBe(100);
    expect(scorePlan(plan({ onTrack: 1, achieved: 1, daysSinceAchieved: 120 }))).toBe(80);
  });
});

describe("skills", () => {
  it("is no data without an audience", () => {
    expect(scoreSkills({ audience: 0, certified: 0, stagesCovered: 0, stages: 5 })).toBeNull();
  });

  it("weighs the certified share 70 and the change stages 30", () => {
    expect(scoreSkills({ audience: 4, certified: 4, stagesCovered: 5, stages: 5 })).toBe(100);
    expect(scoreSkills({ audience: 4, certified: 0, stagesCovered: 0, stages: 5 })).toBe(0);
    expect(scoreSkills({ audience: 4, certified: 2, stagesCovered: 5, stages: 5 })).toBe(65);
  });
});

describe("sentiment", () => {
  it("is no data without answers and without a fresh pulse", () => {
    expect(scoreSentiment({ promoters: 0, passives: 0, detractors: 0, pulse: null })).toBeNull();
  });

  it("maps NPS −100…100 onto 0…100 and averages it with the pulse", () => {
    expect(scoreSentiment({ promoters: 0, passives: 0, detractors: 2, pulse: null })).toBe(0);
    expect(scoreSentiment({ promoters: 2, passives: 0, detractors: 0, pulse: null })).toBe(100);
    expect(scoreSentiment({ promoters: 1, passives: 0, detractors: 1, pulse: null })).toBe(50);
    expect(scoreSentiment({ promoters: 0, passives: 0, detractors: 0, pulse: "red" })).toBe(20);
    expect(scoreSentiment({ promoters: 2, passives: 0, detractors: 0, pulse: "yellow" })).toBe(80);
  });
});

describe("engagement", () => {
  it("is no data without people, champion or touch", () => {
    expect(scoreEngagement({ people: 0, signedIn: 0, championActive: null, daysSinceTouch: null })).toBeNull();
  });

  it("scores sign-ins, the champion and the last touch", () => {
    expect(scoreEngagement({ people: 4, signedIn: 4, championActive: true, daysSinceTouch: 3 })).toBe(100);
    expect(scoreEngagement({ people: 4, signedIn: 0, championActive: false, daysSinceTouch: 90 })).toBe(0);
    expect(scoreEngagement({ people: 4, signedIn: 2, championActive: true, daysSinceTouch: null })).toBe(
      Math.round((50 * 40 + 100 * 30) / 70),
    );
  });
});

describe("community", () => {
  it("is no data for an account that never posted, 0 for one that went quiet", () => {
    expect(scoreCommunity({ hasPosted: false, questions: 0, answers: 0, accepted: 0 })).toBeNull();
    expect(scoreCommunity({ hasPosted: true, questions: 0, answers: 0, accepted: 0 })).toBe(0);
  });

  it("adds points per question, answer and accepted answer, capped at 100", () => {
    expect(scoreCommunity({ hasPosted: true, questions: 1, answers: 1, accepted: 1 })).toBe(50);
    expect(scoreCommunity({ hasPosted: true, questions: 10, answers: 10, accepted: 0 })).toBe(100);
  });
});

describe("the overall score", () => {
  const none = { adoption: null, plan: null, skills: null, sentiment: null, engagement: null, community: null };

  it("reweights over the measures with data and says how much of the model that is", () => {
    const overall = overallScore({ ...none, adoption: 80, plan: 40 }, DEFAULT_WEIGHTS, DEFAULT_THRESHOLDS);
    // (80 × 25 + 40 × 20) / 45
    expect(overall.score).toBe(62);
    expect(overall.grade).toBe("yellow");
    expect(overall.coverage).toEqual({ measures: 2, of: 6, weight: 45 });
  });

  it("has no score or grade when no measure has data", () => {
    expect(overallScore(none, DEFAULT_WEIGHTS, DEFAULT_THRESHOLDS)).toEqual({
      score: null,
      grade: null,
      coverage: { measures: 0, of: 6, weight: 0 },
    });
  });

  it("leaves measures weighted 0 out of the count", () => {
    const weights = { ...DEFAULT_WEIGHTS, community: 0, adoption: 35 };
    const overall = overallScore({ ...none, community: 0, adoption: 90 }, weights, DEFAULT_THRESHOLDS);
    expect(overall.score).toBe(90);
    expect(overall.coverage).toEqual({ measures: 1, of: 5, weight: 35 });
  });

  it("counts a measure that scored 0 as data", () => {
    const overall = overallScore(
      { adoption: 100, plan: 100, skills: 100, sentiment: 100, engagement: 100, community: 0 },
      DEFAULT_WEIGHTS,
      DEFAULT_THRESHOLDS,
    );
    expect(overall.score).toBe(90);
    expect(overall.coverage).toEqual({ measures: 6, of: 6, weight: 100 });
  });
});

describe("grades and models", () => {
  it("grades red < 50 ≤ yellow < 75 ≤ green by default", () => {
    expect(gradeOf(0, DEFAULT_THRESHOLDS)).toBe("red");
    expect(gradeOf(49, DEFAULT_THRESHOLDS)).toBe("red");
    expect(gradeOf(50, DEFAULT_THRESHOLDS)).toBe("yellow");
    expect(gradeOf(74, DEFAULT_THRESHOLDS)).toBe("yellow");
    expect(gradeOf(75, DEFAULT_THRESHOLDS)).toBe("green");
    expect(gradeOf(100, DEFAULT_THRESHOLDS)).toBe("green");
    expect(gradeOf(65, { redBelow: 40, greenFrom: 60 })).toBe("green");
  });

  it("accepts the default model and refuses bad weights and overlapping thresholds", () => {
    expect(modelProblems(DEFAULT_WEIGHTS, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(modelProblems({ ...DEFAULT_WEIGHTS, adoption: 26 }, DEFAULT_THRESHOLDS)).toEqual(["weights_sum"]);
    expect(modelProblems({ ...DEFAULT_WEIGHTS, adoption: 35, community: 0 }, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(modelProblems({ ...DEFAULT_WEIGHTS, adoption: 45, community: -10 }, DEFAULT_THRESHOLDS)).toEqual([
      "weights_not_whole",
    ]);
    expect(modelProblems({ ...DEFAULT_WEIGHTS, adoption: 24.5, community: 10.5 }, DEFAULT_THRESHOLDS)).toEqual([
      "weights_not_whole",
    ]);
    expect(modelProblems(DEFAULT_WEIGHTS, { redBelow: 75, greenFrom: 75 })).toEqual(["thresholds_overlap"]);
    expect(modelProblems(DEFAULT_WEIGHTS, { redBelow: 0, greenFrom: 75 })).toEqual(["thresholds_overlap"]);
    expect(modelProblems(DEFAULT_WEIGHTS, { redBelow: 50, greenFrom: 101 })).toEqual(["thresholds_overlap"]);
  });
});
