import { describe, expect, it } from "vitest";
import type { TemplateDefinition } from "~db/schema";
import { datedPlanFromTemplate, datePlusDays, daysBetween, templateProblems } from "~/domain/plans/template-dates";
import { isCalendarDate } from "~/lib/dates";

describe("datePlusDays", () => {
  it.each([
    ["2026-01-31", 30, "2026-03-02"],
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-01-01", 0, "2026-01-01"],
    ["2026-01-01", -1, "2025-12-31"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 365, "2025-02-28"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2100-02-28", 1, "2100-03-01"],
    ["2000-02-28", 1, "2000-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-01-01", 90, "2026-04-01"],
    ["2026-01-01", 365, "2027-01-01"],
  ] as const)("%s + %i days → %s", (date, days, expected) => {
    expect(datePlusDays(date, days)).toBe(expected);
  });

  it("does not drift across daylight-saving changes (calendar days, not 24-hour steps in a local zone)", () => {
    // Europe and the US change clocks in late March and late October; none of that matters here.
    expect(datePlusDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(datePlusDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(datePlusDays("2026-10-24", 7)).toBe("2026-10-31");
    expect(datePlusDays("2026-11-01", 1)).toBe("2026-11-02");
  });

  it("refuses a date that isn't a calendar date, and fractional days", () => {
    expect(() => datePlusDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => datePlusDays("2026-1-5", 1)).toThrow(RangeError);
    expect(() => datePlusDays("not a date", 1)).toThrow(RangeError);
    expect(() => datePlusDays("2026-01-05", 1.5)).toThrow(RangeError);
  });
});

describe("daysBetween and isCalendarDate", () => {
  it("counts whole days, negative when reversed, across leap days", () => {
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
    expect(daysBetween("2026-02-01", "2026-03-01")).toBe(28);
    expect(daysBetween("2026-03-01", "2026-02-01")).toBe(-28);
  });

  it("knows which dates exist", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-00-10")).toBe(false);
    expect(isCalendarDate("2026-01-05T00:00:00Z")).toBe(false);
    expect(isCalendarDate("")).toBe(false);
  });
});

const definition: TemplateDefinition = {
  outcomes: [
    { key: "o1", title: "Reporting automated", why: "Saves time", successCriteria: "No spreadsheets", dayOffset: 60 },
    { key: "o2", title: "Adoption", why: "", successCriteria: "", dayOffset: 90 },
  ],
  milestones: [
    { key: "kickoff", title: "Kickoff", description: "Agree the plan", dayOffset: 0, outcomeKey: null },
    { key: "d30", title: "Data connected", description: "", dayOffset: 30, outcomeKey: "o1" },
    { key: "d60", title: "Live", description: "", dayOffset: 60, outcomeKey: "o2" },
  ],
  tasks: [
    { milestoneKey: "kickoff", title: "Kickoff call", notes: "", side: "vendor", dayOffset: 0 },
    { milestoneKey: "d30", title: "Connect the warehouse", notes: "read-only", side: "customer", dayOffset: 20 },
    { milestoneKey: "kickoff", title: "Name an admin", notes: "", side: "customer", dayOffset: -2 },
    { milestoneKey: "d30", title: "Review the model", notes: "", side: "vendor", dayOffset: 29 },
    { milestoneKey: "d60", title: "Train the team", notes: "", side: "vendor", dayOffset: 58 },
  ],
};

describe("datedPlanFromTemplate", () => {
  it("dates outcomes, milestones and tasks from the start date", () => {
    const plan = datedPlanFromTemplate(definition, "2026-01-31");
    expect(plan.outcomes).toEqual([
      {
        key: "o1",
        title: "Reporting automated",
        why: "Saves time",
        successCriteria: "No spreadsheets",
        targetDate: "2026-04-01",
        position: 0,
      },
      { key: "o2", title: "Adoption", why: "", successCriteria: "", targetDate: "2026-05-01", position: 1 },
    ]);
    expect(plan.milestones.map((m) => [m.key, m.targetDate, m.outcomeKey, m.position])).toEqual([
      ["kickoff", "2026-01-31", null, 0],
      ["d30", "2026-03-02", "o1", 1],
      ["d60", "2026-04-01", "o2", 2],
    ]);
    expect(plan.tasks.map((t) => [t.title, t.milestoneKey, t.side, t.dueDate, t.position])).toEqual([
      ["Kickoff call", "kickoff", "vendor", "2026-01-31", 0],
      ["Connect the warehouse", "d30", "customer", "2026-02-20", 0],
      ["Name an admin", "kickoff", "customer", "2026-01-29", 1],
      ["Review the model", "d30", "vendor", "2026-03-01", 1],
      ["Train the team", "d60", "vendor", "2026-03-30", 0],
    ]);
    expect(plan.tasks[1]!.notes).toBe("read-only");
  });

  it("handles a leap-year start", () => {
    const plan = datedPlanFromTemplate(definition, "2028-01-31");
    expect(plan.milestones.map((m) => m.targetDate)).toEqual(["2028-01-31", "2028-03-01", "2028-03-31"]);
  });

  it("does not change the definition", () => {
    const copy = structuredClone(definition);
    datedPlanFromTemplate(definition, "2026-01-31");
    expect(definition).toEqual(copy);
  });

  it("refuses a bad start date", () => {
    expect(() => datedPlanFromTemplate(definition, "2026-02-31")).toThrow(RangeError);
  });

  it("refuses a definition whose keys don't line up", () => {
    const broken: TemplateDefinition = {
      outcomes: [],
      milestones: [{ key: "m", title: "M", description: "", dayOffset: 0, outcomeKey: "missing" }],
      tasks: [{ milestoneKey: "nowhere", title: "T", notes: "", side: "vendor", dayOffset: 0 }],
    };
    expect(() => datedPlanFromTemplate(broken, "2026-01-01")).toThrow(
      /unknown outcome "missing".*unknown milestone "nowhere"/,
    );
  });
});

describe("templateProblems", () => {
  it("finds nothing wrong with a consistent definition", () => {
    expect(templateProblems(definition)).toEqual([]);
  });

  it("reports duplicate keys, dangling links and fractional offsets", () => {
    const problems = templateProblems({
      outcomes: [
        { key: "o", title: "A", why: "", successCriteria: "", dayOffset: 1 },
        { key: "o", title: "B", why: "", successCriteria: "", dayOffset: 2.5 },
      ],
      milestones: [
        { key: "m", title: "M", description: "", dayOffset: 0, outcomeKey: "x" },
        { key: "m", title: "N", description: "", dayOffset: 0, outcomeKey: null },
      ],
      tasks: [{ milestoneKey: "z", title: "T", notes: "", side: "customer", dayOffset: 0 }],
    });
    expect(problems).toEqual([
      'duplicate outcome key "o"',
      'milestone "m" links to unknown outcome "x"',
      'duplicate milestone key "m"',
      'task "T" belongs to unknown milestone "z"',
      "day offsets must be whole numbers",
    ]);
  });
});
