import { isCalendarDay } from "./schemas";
import { MEASURE_KEYS, type MeasureKey, npsOf } from "./measures";
import { addDays } from "~/domain/telemetry/usage";

/*
 * "Why did it change?" between two snapshots: each measure's contribution to the overall score on
 * either day, the change in points, and the inputs that moved. Pure, so it runs in tests and could
 * run in the browser.
 *
 * A measure's contribution is its share of the weight that had data that day times its score, so
 * the contributions add up to the (unrounded) overall score. When a measure gains or loses data
 * the shares of all the others change too — that reweighting shows up as points on measures whose
 * score did not move, and the sum of the changes is still the overall change.
 */

export interface StoredMeasure {
  key: string;
  score: number | null;
  weight: number;
  inputs: Record<string, unknown>;
}

export interface ExplainedSnapshot {
  day: string;
  overall: number | null;
  measures: readonly StoredMeasure[];
}

export type InputValue = number | boolean | string | null;

export interface InputChange {
  /** The input's key within the measure (e.g. `monthlyActive`, `nps`, `overdueCustomerTasks`). */
  input: string;
  from: InputValue;
  to: InputValue;
  /** Where the thing behind the input can be looked at, an account page (null: nowhere to point). */
  link: LinkTarget | null;
}

/** Account pages a change can point to, relative to `/accounts/:id`. */
export type LinkTarget = "usage" | "plan" | "training" | "nps" | "people" | "health";

export interface MeasureChange {
  key: MeasureKey;
  scoreFrom: number | null;
  scoreTo: number | null;
  /** The measure's share of the weight that had data (0–1); 0 when it had no data. */
  shareFrom: number;
  shareTo: number;
  /** Points of the overall score the measure carried on each day, and the change (one decimal). */
  contributionFrom: number;
  contributionTo: number;
  points: number;
  inputs: InputChange[];
}

export interface Explanation {
  from: string;
  to: string;
  overallFrom: number | null;
  overallTo: number | null;
  /** The change of the overall score (null when either day had none). */
  delta: number | null;
  /** Measures whose contribution or inputs moved, the largest movement first. */
  changes: MeasureChange[];
  /** Measures that did not move at all. */
  unchanged: MeasureKey[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Where each input's cause lives; an input not listed has no page of its own. */
const LINKS: Partial<Record<MeasureKey, Partial<Record<string, LinkTarget>> & { "*"?: LinkTarget }>> = {
  adoption: { "*": "usage" },
  plan: { "*": "plan" },
  skills: { "*": "training" },
  sentiment: { nps: "nps", promoters: "nps", passives: "nps", detractors: "nps", pulse: "health" },
  engagement: { people: "people", signedIn: "people", championActive: "people", daysSinceTouch: "health" },
};

export function linkFor(measure: MeasureKey, input: string): LinkTarget | null {
  const links = LINKS[measure];
  return links?.[input] ?? links?.["*"] ?? null;
}

/** The inputs as words can use them: the stored ones plus those derived (the NPS from its answers). */
function inputsOf(measure: StoredMeasure | undefined): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = {};
  if (!measure) return inputs;
  for (const [key, value] of Object.entries(measure.inputs)) {
    if (value === null || typeof value === "number" || typeof value === "boolean" || typeof value === "string") {
      inputs[key] = value;
    }
  }
  if (measure.key === "sentiment") {
    const counts = {
      promoters: Number(inputs.promoters ?? 0),
      passives: Number(inputs.passives ?? 0),
      detractors: Number(inputs.detractors ?? 0),
    };
    inputs.nps = npsOf(counts);
  }
  return inputs;
}

/** Each measure's share of the weight that had data and its contribution, on one day. */
function contributions(snapshot: ExplainedSnapshot | null) {
  const covered = (snapshot?.measures ?? [])
    .filter((m) => m.score !== null && m.weight > 0)
    .reduce((sum, m) => sum + m.weight, 0);
  const result = new Map<string, { share: number; contribution: number; measure: StoredMeasure }>();
  for (const measure of snapshot?.measures ?? []) {
    const share = measure.score !== null && measure.weight > 0 && covered > 0 ? measure.weight / covered : 0;
    result.set(measure.key, { share, contribution: share * (measure.score ?? 0), measure });
  }
  return result;
}

/** What changed between two snapshots, measure by measure, in points of the overall score. */
export function explainChange(from: ExplainedSnapshot | null, to: ExplainedSnapshot | null): Explanation {
  const before = contributions(from);
  const after = contributions(to);
  const changes: MeasureChange[] = [];
  const unchanged: MeasureKey[] = [];
  for (const key of MEASURE_KEYS) {
    const a = before.get(key);
    const b = after.get(key);
    const inputsFrom = inputsOf(a?.measure);
    const inputsTo = inputsOf(b?.measure);
    const inputs: InputChange[] = [];
    for (const input of new Set([...Object.keys(inputsFrom), ...Object.keys(inputsTo)])) {
      const x = inputsFrom[input] ?? null;
      const y = inputsTo[input] ?? null;
      if (x !== y) inputs.push({ input, from: x, to: y, link: linkFor(key, input) });
    }
    const contributionFrom = a?.contribution ?? 0;
    const contributionTo = b?.contribution ?? 0;
    const change: MeasureChange = {
      key,
      scoreFrom: a?.measure.score ?? null,
      scoreTo: b?.measure.score ?? null,
      shareFrom: a?.share ?? 0,
      shareTo: b?.share ?? 0,
      contributionFrom: round1(contributionFrom),
      contributionTo: round1(contributionTo),
      points: round1(contributionTo - contributionFrom),
      inputs,
    };
    const moved =
      change.points !== 0 ||
      change.scoreFrom !== change.scoreTo ||
      change.shareFrom !== change.shareTo ||
      inputs.length > 0;
    if (moved) changes.push(change);
    else unchanged.push(key);
  }
  changes.sort(
    (x, y) => Math.abs(y.points) - Math.abs(x.points) || MEASURE_KEYS.indexOf(x.key) - MEASURE_KEYS.indexOf(y.key),
  );
  const overallFrom = from?.overall ?? null;
  const overallTo = to?.overall ?? null;
  return {
    from: from?.day ?? "",
    to: to?.day ?? "",
    overallFrom,
    overallTo,
    delta: overallFrom === null || overallTo === null ? null : overallTo - overallFrom,
    changes,
    unchanged,
  };
}

const WHY_DEFAULT_DAYS = 30;

type WhyRangeProblem = "bad_from" | "bad_to" | "future" | "from_after_to";
export type WhyRange =
  { ok: true; from: string; to: string } | { ok: false; problem: WhyRangeProblem; from: string; to: string };

/** The two days from the URL (`?from=&to=`): 30 days ago → today by default; a bad one is a problem to show, not a 500. */
export function parseWhyRange(query: { from?: string | null; to?: string | null }, today: string): WhyRange {
  const from = query.from?.trim() || addDays(today, -WHY_DEFAULT_DAYS);
  const to = query.to?.trim() || today;
  if (!isCalendarDay(from)) return { ok: false, problem: "bad_from", from: from.slice(0, 20), to: to.slice(0, 20) };
  if (!isCalendarDay(to)) return { ok: false, problem: "bad_to", from, to: to.slice(0, 20) };
  if (to > today || from > today) return { ok: false, problem: "future", from, to };
  if (from > to) return { ok: false, problem: "from_after_to", from, to };
  return { ok: true, from, to };
}
