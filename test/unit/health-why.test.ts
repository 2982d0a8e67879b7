import { describe, expect, it } from "vitest";
import { explainChange, type ExplainedSnapshot, linkFor, parseWhyRange, type StoredMeasure } from "~/domain/health/why";
import { MEASURE_KEYS } from "~/domain/health/measures";
import { DEFAULT_WEIGHTS } from "~/domain/health/score";

/** A snapshot with the default weights: the listed measures' scores and inputs, the rest no data. */
function snapshot(
  day: string,
  overall: number | null,
  scores: Partial<Record<(typeof MEASURE_KEYS)[number], [number | null, Record<string, unknown>?]>>,
  weights = DEFAULT_WEIGHTS,
): ExplainedSnapshot {
  const measures: StoredMeasure[] = MEASURE_KEYS.map((key) => ({
    key,
    score: scores[key]?.[0] ?? null,
    weight: weights[key],
    inputs: scores[key]?.[1] ?? {},
  }));
  return { day, overall, measures };
}

const adoption = (monthlyActive: number) => ({
  hasTelemetry: true,
  licensedSeats: 50,
  monthlyActive,
  previousMonthlyActive: 40,
  keyFeatures: 4,
  keyFeaturesInUse: 3,
});

describe("explaining a change", () => {
  it("gives a falling measure its weight share × score change and names the input that moved", () => {
    // Adoption 25 and plan 20 have data: shares 25/45 and 20/45.
    const from = snapshot("2026-10-01", 80, { adoption: [80, adoption(41)], plan: [80, { stalled: 0 }] });
    const to = snapshot("2026-10-31", 67, { adoption: [58, adoption(22)], plan: [80, { stalled: 0 }] });
    const why = explainChange(from, to);
    expect(why.delta).toBe(-13);
    expect(why.changes).toHaveLength(1);
    const [change] = why.changes;
    expect(change).toMatchObject({ key: "adoption", scoreFrom: 80, scoreTo: 58, points: -12.2 });
    expect(change!.inputs).toEqual([{ input: "monthlyActive", from: 41, to: 22, link: "usage" }]);
    expect(why.unchanged).toEqual(["plan", "skills", "sentiment", "engagement", "community"]);
  });

  it("counts the reweighting when a measure gains data: the others' shares shrink, and the changes add up", () => {
    const from = snapshot("2026-10-01", 80, { adoption: [80], plan: [80] });
    // Sentiment (15) arrives at 20: adoption's share 25/45 → 25/60.
    const to = snapshot("2026-10-31", 65, { adoption: [80], plan: [80], sentiment: [20, { pulse: "red" }] });
    const why = explainChange(from, to);
    const byKey = Object.fromEntries(why.changes.map((c) => [c.key, c]));
    expect(byKey.sentiment).toMatchObject({ scoreFrom: null, scoreTo: 20, shareFrom: 0, shareTo: 0.25, points: 5 });
    expect(byKey.adoption).toMatchObject({ scoreFrom: 80, scoreTo: 80, inputs: [] });
    expect(byKey.adoption!.points).toBeCloseTo(-11.1, 1);
    expect(byKey.plan!.points).toBeCloseTo(-8.9, 1);
    const sum = why.changes.reduce((total, c) => total + c.points, 0);
    expect(sum).toBeCloseTo(-15, 0);
    expect(byKey.sentiment!.inputs).toEqual([{ input: "pulse", from: null, to: "red", link: "health" }]);
  });

  it("treats a measure losing its data as giving up all its points, reweighted onto the rest", () => {
    const from = snapshot("2026-10-01", 60, { adoption: [40], plan: [80] });
    const to = snapshot("2026-10-31", 80, { plan: [80] });
    const why = explainChange(from, to);
    const byKey = Object.fromEntries(why.changes.map((c) => [c.key, c]));
    expect(byKey.adoption).toMatchObject({ scoreTo: null, contributionTo: 0, shareTo: 0 });
    expect(byKey.plan).toMatchObject({ shareTo: 1, contributionTo: 80 });
    expect(why.changes[0]!.key).toBe("plan"); // the largest movement first
  });

  it("uses each day's own weights when the model changed between them", () => {
    const from = snapshot("2026-10-01", 70, { adoption: [70], plan: [70] });
    const to = snapshot(
      "2026-10-31",
      70,
      { adoption: [70], plan: [70] },
      { ...DEFAULT_WEIGHTS, adoption: 45, plan: 0 },
    );
    const why = explainChange(from, to);
    const plan = why.changes.find((c) => c.key === "plan")!;
    expect(plan).toMatchObject({ shareTo: 0, contributionTo: 0 });
    expect(why.changes.find((c) => c.key === "adoption")!.contributionTo).toBe(70);
  });

  it("derives the NPS from the answers and links sentiment's answers to the NPS tab", () => {
    const from = snapshot("2026-10-01", 75, {
      sentiment: [75, { promoters: 1, passives: 0, detractors: 0, pulse: null }],
    });
    const to = snapshot("2026-10-31", 50, {
      sentiment: [50, { promoters: 1, passives: 0, detractors: 1, pulse: null }],
    });
    const inputs = explainChange(from, to).changes[0]!.inputs;
    expect(inputs).toContainEqual({ input: "detractors", from: 0, to: 1, link: "nps" });
    expect(inputs).toContainEqual({ input: "nps", from: 100, to: 0, link: "nps" });
  });

  it("says nothing changed when nothing did, and has no delta without an overall on a day", () => {
    const same = snapshot("2026-10-01", 70, { adoption: [70, adoption(30)] });
    expect(explainChange(same, { ...same, day: "2026-10-31" })).toMatchObject({ delta: 0, changes: [] });
    expect(explainChange(snapshot("2026-10-01", null, {}), same).delta).toBeNull();
  });

  it("links each input to where its cause is, or nowhere", () => {
    expect(linkFor("plan", "overdueCustomerTasks")).toBe("plan");
    expect(linkFor("skills", "certified")).toBe("training");
    expect(linkFor("engagement", "daysSinceTouch")).toBe("health");
    expect(linkFor("engagement", "signedIn")).toBe("people");
    expect(linkFor("community", "questions")).toBeNull();
  });
});

describe("the why's two days", () => {
  const today = "2026-11-24";
  it("defaults to 30 days ago → today", () => {
    expect(parseWhyRange({}, today)).toEqual({ ok: true, from: "2026-10-25", to: today });
    expect(parseWhyRange({ from: "", to: "" }, today)).toEqual({ ok: true, from: "2026-10-25", to: today });
  });
  it("refuses bad dates, the future and a reversed range with a problem, never a throw", () => {
    expect(parseWhyRange({ from: "2026-02-30" }, today)).toMatchObject({ ok: false, problem: "bad_from" });
    expect(parseWhyRange({ to: "yesterday" }, today)).toMatchObject({ ok: false, problem: "bad_to" });
    expect(parseWhyRange({ to: "2026-11-25" }, today)).toMatchObject({ ok: false, problem: "future" });
    expect(parseWhyRange({ from: "2026-11-20", to: "2026-11-10" }, today)).toMatchObject({
      ok: false,
      problem: "from_after_to",
    });
    expect(parseWhyRange({ from: "x".repeat(5000) }, today)).toMatchObject({ ok: false, from: "x".repeat(20) });
  });
});
