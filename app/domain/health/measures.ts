/**
 * The six health measures, each scored 0–100 from inputs that are kept with the score (the Health
 * tab words them). A measure without data scores null ("no data"), never 0: an account that sends
 * no telemetry is not an account nobody uses. Pure, so every edge is a unit test.
 *
 * A measure is the weighted mean of its parts over the parts that have data (the same reweighting
 * the overall score does over measures), so one missing part never drags the measure to 0.
 */

export const MEASURE_KEYS = ["adoption", "plan", "skills", "sentiment", "engagement", "community"] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

const clamp = (value: number, low = 0, high = 100) => Math.min(high, Math.max(low, value));

/** The weighted mean of the parts that have a value, rounded; null when none has. */
export function weightedParts(parts: readonly { value: number | null; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const part of parts) {
    if (part.value === null || part.weight <= 0) continue;
    sum += clamp(part.value) * part.weight;
    weights += part.weight;
  }
  return weights > 0 ? Math.round(sum / weights) : null;
}

/** 100 up to `full` days, falling in a line to 0 at `zero` days; null when it never happened. */
export function recency(days: number | null, full: number, zero: number): number | null {
  if (days === null) return null;
  if (days <= full) return 100;
  if (days >= zero) return 0;
  return ((zero - days) / (zero - full)) * 100;
}

// ---------------------------------------------------------------------------------------- adoption

export interface AdoptionInputs {
  /** Whether the account has ever sent product telemetry: without it, adoption is "no data". */
  hasTelemetry: boolean;
  licensedSeats: number;
  /** Distinct product users active in the last 30 days, and the 30 before. */
  monthlyActive: number;
  previousMonthlyActive: number;
  /** Key features that apply to the account's segment, and how many were used in the last 30 days. */
  keyFeatures: number;
  keyFeaturesInUse: number;
}

/**
 * Licence utilisation (monthly active ÷ seats, full marks at 100%), key-feature breadth, and the
 * change of monthly active users against the previous 30 days (growing or flat: full marks;
 * down by half or more: 0). Breadth is no data without key features, the change without a
 * previous month.
 */
export function scoreAdoption(inputs: AdoptionInputs): number | null {
  if (!inputs.hasTelemetry) return null;
  const utilisation = inputs.licensedSeats > 0 ? (inputs.monthlyActive / inputs.licensedSeats) * 100 : null;
  const breadth = inputs.keyFeatures > 0 ? (inputs.keyFeaturesInUse / inputs.keyFeatures) * 100 : null;
  const change =
    inputs.previousMonthlyActive > 0
      ? (inputs.monthlyActive - inputs.previousMonthlyActive) / inputs.previousMonthlyActive
      : null;
  const trend = change === null ? null : change >= 0 ? 100 : 100 + change * 200;
  return weightedParts([
    { value: utilisation, weight: 50 },
    { value: breadth, weight: 30 },
    { value: trend, weight: 20 },
  ]);
}

// ------------------------------------------------------------------------------------ plan progress

export interface PlanInputs {
  /** The current plan's milestones by status (achieved ones are not open). */
  onTrack: number;
  upcoming: number;
  atRisk: number;
  stalled: number;
  achieved: number;
  /** Open tasks past their due date, per side. */
  overdueCustomerTasks: number;
  overdueVendorTasks: number;
  /** Days since the last milestone was achieved; null when none has been. */
  daysSinceAchieved: number | null;
}

const OVERDUE_TASK_POINTS = 15;

/**
 * Milestones: the share of open ones on track or upcoming (at risk counts half, stalled nothing),
 * full marks when all are achieved. Overdue tasks: 15 points off per task on either side. The last
 * achievement: full marks within 30 days, 0 after 120. No current plan or no milestones: no data.
 */
export function scorePlan(inputs: PlanInputs | null): number | null {
  if (!inputs) return null;
  const open = inputs.onTrack + inputs.upcoming + inputs.atRisk + inputs.stalled;
  if (open + inputs.achieved === 0) return null;
  const milestones = open === 0 ? 100 : ((inputs.onTrack + inputs.upcoming + inputs.atRisk / 2) / open) * 100;
  const overdue = 100 - (inputs.overdueCustomerTasks + inputs.overdueVendorTasks) * OVERDUE_TASK_POINTS;
  return weightedParts([
    { value: milestones, weight: 50 },
    { value: overdue, weight: 30 },
    { value: recency(inputs.daysSinceAchieved, 30, 120), weight: 20 },
  ]);
}

// ------------------------------------------------------------------------------------------- skills

export interface SkillsInputs {
  /** People a course is written for, summed over courses, and how many of them hold its certificate. */
  audience: number;
  certified: number;
  /** Of the five change stages, how many the account's people have finished a lesson of. */
  stagesCovered: number;
  stages: number;
}

/** The share of the courses' audience certified (70%) and of change stages covered (30%). No audience: no data. */
export function scoreSkills(inputs: SkillsInputs): number | null {
  if (inputs.audience === 0) return null;
  return weightedParts([
    { value: (inputs.certified / inputs.audience) * 100, weight: 70 },
    { value: inputs.stages > 0 ? (inputs.stagesCovered / inputs.stages) * 100 : null, weight: 30 },
  ]);
}

// ---------------------------------------------------------------------------------------- sentiment

export type PulseGrade = "green" | "yellow" | "red";

export interface SentimentInputs {
  /** The latest NPS answer of each person in the last 12 months. */
  promoters: number;
  passives: number;
  detractors: number;
  /** The CSM's pulse while it is fresh; null when there is none or it has expired. */
  pulse: PulseGrade | null;
}

const PULSE_POINTS: Record<PulseGrade, number> = { green: 100, yellow: 60, red: 20 };

/** The account's NPS (promoters − detractors, in percent of answers) as 0–100. Null without answers. */
export function npsOf(inputs: Pick<SentimentInputs, "promoters" | "passives" | "detractors">): number | null {
  const answers = inputs.promoters + inputs.passives + inputs.detractors;
  return answers > 0 ? Math.round(((inputs.promoters - inputs.detractors) / answers) * 100) : null;
}

/** NPS (−100…100 mapped onto 0…100) and the fresh pulse, equally. Neither: no data. */
export function scoreSentiment(inputs: SentimentInputs): number | null {
  const nps = npsOf(inputs);
  return weightedParts([
    { value: nps === null ? null : (nps + 100) / 2, weight: 50 },
    { value: inputs.pulse ? PULSE_POINTS[inputs.pulse] : null, weight: 50 },
  ]);
}

// --------------------------------------------------------------------------------------- engagement

export interface EngagementInputs {
  /** The account's active customer people, and how many signed in to the portal in the last 30 days. */
  people: number;
  signedIn: number;
  /** Whether a champion signed in in the last 30 days; null when the account has no champion. */
  championActive: boolean | null;
  /** Days since the last touch staff logged; null when none. */
  daysSinceTouch: number | null;
}

/** Share of people signed in (40%), the champion (30%), the last touch: full within 14 days, 0 after 90 (30%). */
export function scoreEngagement(inputs: EngagementInputs): number | null {
  return weightedParts([
    { value: inputs.people > 0 ? (inputs.signedIn / inputs.people) * 100 : null, weight: 40 },
    { value: inputs.championActive === null ? null : inputs.championActive ? 100 : 0, weight: 30 },
    { value: recency(inputs.daysSinceTouch, 14, 90), weight: 30 },
  ]);
}

// ---------------------------------------------------------------------------------------- community

export interface CommunityInputs {
  /** Whether any of the account's people has ever posted: never having joined in is "no data". */
  hasPosted: boolean;
  /** In the last 90 days, by the account's people. */
  questions: number;
  answers: number;
  accepted: number;
}

const COMMUNITY_POINTS = { question: 10, answer: 15, accepted: 25 } as const;

/** Points per question, answer and accepted answer in 90 days, full marks at 100. */
export function scoreCommunity(inputs: CommunityInputs): number | null {
  if (!inputs.hasPosted) return null;
  return clamp(
    inputs.questions * COMMUNITY_POINTS.question +
      inputs.answers * COMMUNITY_POINTS.answer +
      inputs.accepted * COMMUNITY_POINTS.accepted,
  );
}

// -------------------------------------------------------------------------------------------- all

export interface MeasureInputs {
  adoption: AdoptionInputs;
  plan: PlanInputs | null;
  skills: SkillsInputs;
  sentiment: SentimentInputs;
  engagement: EngagementInputs;
  community: CommunityInputs;
}

/** Every measure's score (null: no data) from its inputs. */
export function scoreMeasures(inputs: MeasureInputs): Record<MeasureKey, number | null> {
  return {
    adoption: scoreAdoption(inputs.adoption),
    plan: scorePlan(inputs.plan),
    skills: scoreSkills(inputs.skills),
    sentiment: scoreSentiment(inputs.sentiment),
    engagement: scoreEngagement(inputs.engagement),
    community: scoreCommunity(inputs.community),
  };
}
