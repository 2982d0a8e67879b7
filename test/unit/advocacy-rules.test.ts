import { describe, expect, it } from "vitest";
import { type AskCheck, DEFAULT_GUARDRAILS, askBlockedBy, askTypesFor, signalOf } from "~/domain/advocacy/ask-rules";
import { isSurveyDue, npsByMonth, npsCategory, npsSummary } from "~/domain/advocacy/nps";
import { STAGES, TRANSITIONS, daysInStage, moveProblem, nextStages } from "~/domain/advocacy/pipeline";
import { countsThisQuarter, fatigue, matchesDirectory, quarterStart } from "~/domain/advocacy/references";
import { markdownBlocks, planFacts, withFacts } from "~/domain/advocacy/case-study";
import { funnel, median } from "~/domain/advocacy/dashboard";
import type { OpportunityStage } from "~db/schema";
import { DAY_MS } from "~/lib/time";

const NOW = new Date("2026-06-15T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

describe("NPS math", () => {
  it.each([
    [0, "detractor"],
    [6, "detractor"],
    [7, "passive"],
    [8, "passive"],
    [9, "promoter"],
    [10, "promoter"],
  ] as const)("%i is a %s", (score, category) => expect(npsCategory(score)).toBe(category));

  it("refuses scores outside 0–10 and fractions", () => {
    for (const score of [-1, 11, 7.5, Number.NaN]) expect(() => npsCategory(score)).toThrow(RangeError);
  });

  it("is %promoters − %detractors, rounded", () => {
    expect(npsSummary([10, 9, 8, 3])).toEqual({ responses: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 });
    expect(npsSummary([10, 10, 10]).nps).toBe(100);
    expect(npsSummary([0, 1]).nps).toBe(-100);
    expect(npsSummary([9, 8, 7]).nps).toBe(33);
    expect(npsSummary([9, 6, 7, 8]).nps).toBe(0);
    expect(npsSummary([]).nps).toBeNull();
  });

  it("groups a trend by month, oldest first", () => {
    const trend = npsByMonth([
      { score: 10, at: new Date("2026-05-02T00:00:00Z") },
      { score: 2, at: new Date("2026-04-20T00:00:00Z") },
      { score: 9, at: new Date("2026-05-30T00:00:00Z") },
    ]);
    expect(trend.map((point) => [point.month, point.summary.nps])).toEqual([
      ["2026-04", -100],
      ["2026-05", 100],
    ]);
  });

  it("asks at most once per 90 days", () => {
    expect(isSurveyDue(null, NOW)).toBe(true);
    expect(isSurveyDue(daysAgo(89), NOW)).toBe(false);
    expect(isSurveyDue(daysAgo(90), NOW)).toBe(true);
  });
});

describe("signals and rules", () => {
  it("reads the signal of each event; an NPS answer only from a promoter", () => {
    expect(signalOf({ type: "milestone.achieved", payload: {} })).toBe("milestone_achieved");
    expect(signalOf({ type: "plan.completed", payload: {} })).toBe("plan_completed");
    expect(signalOf({ type: "course.completed_by_team", payload: {} })).toBe("team_trained");
    expect(signalOf({ type: "course.completed", payload: {} })).toBeNull();
    expect(signalOf({ type: "nps.submitted", payload: { score: 9 } })).toBe("nps_promoter");
    expect(signalOf({ type: "nps.submitted", payload: { score: 8 } })).toBeNull();
    expect(signalOf({ type: "task.overdue", payload: {} })).toBeNull();
  });

  it("reads no signal from a milestone or plan signed off while tasks were still open", () => {
    expect(signalOf({ type: "milestone.achieved", payload: { openTasks: 2 } })).toBeNull();
    expect(signalOf({ type: "plan.completed", payload: { openTasks: 1 } })).toBeNull();
    expect(signalOf({ type: "milestone.achieved", payload: { openTasks: 0 } })).toBe("milestone_achieved");
  });

  it("picks the enabled rules of a signal in a stable order", () => {
    const rules = [
      { signal: "milestone_achieved" as const, askType: "review" as const, enabled: true },
      { signal: "milestone_achieved" as const, askType: "case_study" as const, enabled: true },
      { signal: "milestone_achieved" as const, askType: "logo" as const, enabled: false },
      { signal: "nps_promoter" as const, askType: "quote" as const, enabled: true },
    ];
    expect(askTypesFor("milestone_achieved", rules).map((rule) => rule.askType)).toEqual(["case_study", "review"]);
    expect(askTypesFor("plan_completed", rules)).toEqual([]);
  });
});

describe("guardrails", () => {
  const base: AskCheck = {
    now: NOW,
    guardrails: DEFAULT_GUARDRAILS,
    askType: "case_study",
    account: { hasOverdueMilestones: false, lastDetractorAt: null },
    recipient: { lastAskedAt: null, declines: [] },
  };
  const check = (overrides: {
    account?: Partial<AskCheck["account"]>;
    recipient?: Partial<AskCheck["recipient"]>;
    guardrails?: Partial<AskCheck["guardrails"]>;
  }) =>
    askBlockedBy({
      ...base,
      account: { ...base.account, ...overrides.account },
      recipient: { ...base.recipient, ...overrides.recipient },
      guardrails: { ...base.guardrails, ...overrides.guardrails },
    });

  it("allows an ask with nothing in the way", () => expect(check({})).toBeNull());
  it("blocks while the account has overdue milestones", () =>
    expect(check({ account: { hasOverdueMilestones: true } })).toBe("overdue_milestones"));
  it("blocks for 90 days after a detractor score", () => {
    expect(check({ account: { lastDetractorAt: daysAgo(89) } })).toBe("recent_detractor");
    expect(check({ account: { lastDetractorAt: daysAgo(90) } })).toBeNull();
  });
  it("keeps a cool-down per person, as configured", () => {
    expect(check({ recipient: { lastAskedAt: daysAgo(29) } })).toBe("cooldown");
    expect(check({ recipient: { lastAskedAt: daysAgo(30) } })).toBeNull();
    expect(check({ recipient: { lastAskedAt: daysAgo(30) }, guardrails: { cooldownDays: 45 } })).toBe("cooldown");
    expect(check({ recipient: { lastAskedAt: NOW }, guardrails: { cooldownDays: 0 } })).toBeNull();
  });
  it("doesn't repeat a declined type for 180 days, but may ask another type", () => {
    const declines = [{ askType: "case_study" as const, at: daysAgo(179) }];
    expect(check({ recipient: { declines } })).toBe("declined_recently");
    expect(check({ recipient: { declines: [{ askType: "case_study", at: daysAgo(180) }] } })).toBeNull();
    expect(askBlockedBy({ ...base, askType: "review", recipient: { lastAskedAt: null, declines } })).toBeNull();
  });
  it("puts the account's guardrails before the person's", () => {
    expect(
      check({
        account: { hasOverdueMilestones: true, lastDetractorAt: daysAgo(1) },
        recipient: { lastAskedAt: daysAgo(1) },
      }),
    ).toBe("overdue_milestones");
    expect(check({ account: { lastDetractorAt: daysAgo(1) }, recipient: { lastAskedAt: daysAgo(1) } })).toBe(
      "recent_detractor",
    );
  });
});

describe("pipeline transitions", () => {
  const ALLOWED: [OpportunityStage, OpportunityStage, "staff" | "customer"][] = [
    ["identified", "asked", "staff"],
    ["identified", "declined", "staff"],
    ["asked", "accepted", "customer"],
    ["asked", "declined", "staff"],
    ["asked", "declined", "customer"],
    ["accepted", "in_production", "staff"],
    ["accepted", "withdrawn", "staff"],
    ["accepted", "withdrawn", "customer"],
    ["in_production", "customer_review", "staff"],
    ["in_production", "withdrawn", "staff"],
    ["in_production", "withdrawn", "customer"],
    ["customer_review", "in_production", "staff"],
    ["customer_review", "in_production", "customer"],
    ["customer_review", "published", "staff"],
    ["customer_review", "withdrawn", "staff"],
    ["customer_review", "withdrawn", "customer"],
    ["published", "withdrawn", "staff"],
    ["published", "withdrawn", "customer"],
  ];
  const publicConsent = { scope: "public" as const, withdrawnAt: null };
  const key = (from: string, to: string, mover: string) => `${from}>${to}>${mover}`;
  const allowed = new Set(ALLOWED.map(([from, to, mover]) => key(from, to, mover)));

  it("the table holds exactly the allowed moves", () => {
    const table = STAGES.flatMap((from) =>
      Object.entries(TRANSITIONS[from]).flatMap(([to, movers]) => movers!.map((mover) => key(from, to, mover))),
    );
    expect(new Set(table)).toEqual(allowed);
  });

  const everyMove = STAGES.flatMap((from) =>
    STAGES.flatMap((to) => (["staff", "customer"] as const).map((mover) => ({ from, to, mover }))),
  );
  it.each(everyMove)("$from → $to by $mover", ({ from, to, mover }) => {
    const problem = moveProblem(from, to, mover, publicConsent);
    if (from === to) expect(problem).toBe("same_stage");
    else if (allowed.has(key(from, to, mover))) expect(problem).toBeNull();
    else expect(problem).toBe("not_allowed");
  });

  it("needs consent in force past acceptance, and public consent to publish", () => {
    expect(moveProblem("accepted", "in_production", "staff", null)).toBe("needs_consent");
    expect(moveProblem("accepted", "in_production", "staff", { scope: "public", withdrawnAt: NOW })).toBe(
      "needs_consent",
    );
    expect(moveProblem("customer_review", "published", "staff", { scope: "sales", withdrawnAt: null })).toBe(
      "needs_public_consent",
    );
    expect(moveProblem("customer_review", "published", "staff", { scope: "internal", withdrawnAt: null })).toBe(
      "needs_public_consent",
    );
    expect(moveProblem("customer_review", "published", "staff", publicConsent)).toBeNull();
    expect(moveProblem("published", "withdrawn", "customer", null)).toBeNull();
  });

  it("publishes a case study only once the advocate approved its latest version", () => {
    expect(moveProblem("customer_review", "published", "staff", publicConsent, "missing")).toBe("needs_approval");
    expect(moveProblem("customer_review", "published", "staff", publicConsent, "approved")).toBeNull();
    expect(moveProblem("customer_review", "published", "staff", { scope: "sales", withdrawnAt: null }, "missing")).toBe(
      "needs_public_consent",
    );
    expect(moveProblem("customer_review", "in_production", "staff", publicConsent, "missing")).toBeNull();
  });

  it("lists the next stages for staff and counts days in stage", () => {
    expect(nextStages("asked", "staff")).toEqual(["declined"]);
    expect(nextStages("customer_review", "staff")).toEqual(["in_production", "published", "withdrawn"]);
    expect(nextStages("withdrawn", "staff")).toEqual([]);
    expect(daysInStage(daysAgo(3.5), NOW)).toBe(3);
  });
});

describe("reference fatigue", () => {
  it("counts calendar quarters", () => {
    expect(quarterStart(new Date("2026-06-15T12:00:00Z")).toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(quarterStart(new Date("2026-01-01T00:00:00Z")).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(quarterStart(new Date("2026-12-31T23:59:59Z")).toISOString()).toBe("2026-10-01T00:00:00.000Z");
  });

  it("rests an advocate at the limit (default 2 per quarter)", () => {
    expect(fatigue(0, 2)).toEqual({ fatigued: false, remaining: 2 });
    expect(fatigue(1, 2)).toEqual({ fatigued: false, remaining: 1 });
    expect(fatigue(2, 2)).toEqual({ fatigued: true, remaining: 0 });
    expect(fatigue(5, 2)).toEqual({ fatigued: true, remaining: 0 });
    expect(fatigue(2, 3).fatigued).toBe(false);
  });

  it("counts this quarter's calls that weren't declined", () => {
    expect(countsThisQuarter({ createdAt: new Date("2026-04-01T00:00:00Z"), status: "accepted" }, NOW)).toBe(true);
    expect(countsThisQuarter({ createdAt: new Date("2026-03-31T23:59:59Z"), status: "accepted" }, NOW)).toBe(false);
    expect(countsThisQuarter({ createdAt: new Date("2026-05-01T00:00:00Z"), status: "asked" }, NOW)).toBe(true);
    expect(countsThisQuarter({ createdAt: new Date("2026-05-01T00:00:00Z"), status: "declined" }, NOW)).toBe(false);
  });

  it("searches the directory by industry, segment, region and what was achieved", () => {
    const entry = {
      industry: "Retail",
      segmentId: "s1",
      region: "APAC",
      achievements: ["Go-live: the trading meeting runs on Lumen"],
      outcomes: ["Faster weekly trading decisions"],
      useCases: [],
    };
    expect(matchesDirectory(entry, {})).toBe(true);
    expect(matchesDirectory(entry, { industry: "Retail", segment: "s1", region: "APAC", q: "GO-LIVE" })).toBe(true);
    expect(matchesDirectory(entry, { industry: "Healthcare" })).toBe(false);
    expect(matchesDirectory(entry, { segment: "s2" })).toBe(false);
    expect(matchesDirectory(entry, { region: "EMEA" })).toBe(false);
    expect(matchesDirectory(entry, { q: "security review" })).toBe(false);
    // The outcome a reached milestone served is searched too.
    expect(matchesDirectory(entry, { q: "trading decisions" })).toBe(true);
    expect(matchesDirectory({ ...entry, outcomes: [] }, { q: "trading decisions" })).toBe(false);
  });

  it("filters by one use case, whatever its capitalisation, and searches use cases as well as achievements", () => {
    const entry = {
      industry: "Retail",
      segmentId: "s1",
      region: "APAC",
      achievements: ["Go-live"],
      outcomes: [],
      useCases: ["Store KPIs", "Embedded dashboards"],
    };
    expect(matchesDirectory(entry, { useCase: "Embedded dashboards" })).toBe(true);
    expect(matchesDirectory(entry, { useCase: "store kpis", industry: "Retail" })).toBe(true);
    expect(matchesDirectory(entry, { useCase: "Financial reporting" })).toBe(false);
    // The filter is a choice from the list: a part of a use case isn't one.
    expect(matchesDirectory(entry, { useCase: "dashboards" })).toBe(false);
    expect(matchesDirectory(entry, { q: "dashboards" })).toBe(true);
    expect(matchesDirectory(entry, { q: "go-live", useCase: "Store KPIs" })).toBe(true);
    expect(matchesDirectory({ ...entry, useCases: [] }, { useCase: "Store KPIs" })).toBe(false);
  });
});

describe("case study drafts", () => {
  it("append chosen facts under Results", () => {
    expect(withFacts("Story.", ["A: from 9 to 4 days (target 4)"])).toBe(
      "Story.\n\n## Results\n\n- A: from 9 to 4 days (target 4)\n",
    );
    expect(withFacts("Story.", [])).toBe("Story.");
  });

  it("state the outcomes with measured results, and only measured metrics, as facts", () => {
    const value = {
      outcomes: [
        {
          title: "Faster close",
          metrics: [
            { name: "Close", unit: "days", baseline: 9, target: 4, measurements: [{ value: 6 }, { value: 4 }] },
            { name: "Unmeasured", unit: "h", baseline: 1, target: 2, measurements: [] },
          ],
        },
        { title: "Hoped for", metrics: [{ name: "Later", unit: "%", baseline: 0, target: 50, measurements: [] }] },
      ],
    };
    expect(planFacts(value, "en")).toEqual(["Outcome: Faster close", "Close: from 9 to 4 days (target 4)"]);
  });

  it("render Markdown as text blocks, never HTML", () => {
    expect(markdownBlocks("## Why\n\nThey <b>needed</b> it\nfast.\n\n- one\n- two\n### Then")).toEqual([
      { kind: "heading", level: 2, text: "Why" },
      { kind: "paragraph", text: "They <b>needed</b> it fast." },
      { kind: "list", items: ["one", "two"] },
      { kind: "heading", level: 3, text: "Then" },
    ]);
  });
});

describe("dashboard", () => {
  const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day));
  it("counts who reached each stage, conversion to the next and the median days spent", () => {
    const rows = [
      { opportunityId: "a", toStage: "identified" as const, at: at(0) },
      { opportunityId: "a", toStage: "asked" as const, at: at(0) },
      { opportunityId: "a", toStage: "accepted" as const, at: at(4) },
      { opportunityId: "a", toStage: "in_production" as const, at: at(5) },
      { opportunityId: "b", toStage: "identified" as const, at: at(0) },
      { opportunityId: "b", toStage: "asked" as const, at: at(0) },
      { opportunityId: "b", toStage: "declined" as const, at: at(10) },
      { opportunityId: "c", toStage: "identified" as const, at: at(0) },
      { opportunityId: "c", toStage: "asked" as const, at: at(0) },
    ];
    const steps = Object.fromEntries(funnel(rows).map((step) => [step.stage, step]));
    expect(steps.asked).toEqual({ stage: "asked", reached: 3, conversion: 1 / 3, medianDays: 7 });
    expect(steps.accepted).toEqual({ stage: "accepted", reached: 1, conversion: 1, medianDays: 1 });
    expect(steps.in_production).toMatchObject({ reached: 1, conversion: 0, medianDays: null });
    expect(steps.published).toEqual({ stage: "published", reached: 0, conversion: null, medianDays: null });
  });

  it("takes the median of odd and even counts", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
