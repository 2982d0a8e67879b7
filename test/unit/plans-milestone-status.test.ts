import { describe, expect, it } from "vitest";
import type { TaskStatus } from "~db/schema";
import { todayIn } from "~/lib/format";
import { achievementOf, milestoneStatus, type MilestoneStatusInput } from "~/domain/plans/milestone-status";
import { datePlusDays } from "~/domain/plans/template-dates";

const TODAY = "2026-03-10";
const SIGNED = "2026-03-01T10:00:00.000Z";

/** A milestone `daysLeft` days from TODAY (negative: past its target) with tasks in these statuses. */
function milestone(
  daysLeft: number,
  statuses: TaskStatus[] = [],
  signed: { vendor?: boolean; customer?: boolean } = {},
): MilestoneStatusInput {
  return {
    targetDate: datePlusDays(TODAY, daysLeft),
    vendorSignedAt: signed.vendor ? SIGNED : null,
    customerSignedAt: signed.customer ? new Date(SIGNED) : null,
    tasks: statuses.map((status) => ({ status, dueDate: null })),
  };
}
const status = (daysLeft: number, statuses: TaskStatus[] = [], signed = {}) =>
  milestoneStatus(milestone(daysLeft, statuses, signed), TODAY);

describe("milestoneStatus: achieved", () => {
  it("is achieved when both sides signed, whatever the dates and tasks", () => {
    const both = { vendor: true, customer: true };
    expect(status(30, ["todo"], both)).toBe("achieved");
    expect(status(0, ["blocked"], both)).toBe("achieved");
    expect(status(-40, ["todo", "todo"], both)).toBe("achieved");
  });

  it("is not achieved with one signature, in either order", () => {
    expect(status(-10, ["done"], { vendor: true })).toBe("stalled");
    expect(status(-10, ["done"], { customer: true })).toBe("stalled");
    expect(status(30, [], { customer: true })).toBe("upcoming");
    expect(status(3, ["done"], { vendor: true })).toBe("on_track");
  });
});

describe("milestoneStatus: past the target", () => {
  it.each([
    [-1, "at_risk"],
    [-6, "at_risk"],
    [-7, "stalled"],
    [-8, "stalled"],
    [-100, "stalled"],
  ] as const)("%i days → %s, even with every task done", (daysLeft, expected) => {
    expect(status(daysLeft, ["todo"])).toBe(expected);
    expect(status(daysLeft, ["done", "done"])).toBe(expected);
    expect(status(daysLeft, [])).toBe(expected);
  });
});

describe("milestoneStatus: due within 7 days", () => {
  it.each([0, 1, 6, 7])("%i days left with open tasks → at_risk", (daysLeft) => {
    expect(status(daysLeft, ["todo"])).toBe("at_risk");
    expect(status(daysLeft, ["done", "in_progress"])).toBe("at_risk");
    expect(status(daysLeft, ["done", "blocked"])).toBe("at_risk");
  });

  it.each([0, 1, 6, 7])("%i days left with every task done → on_track", (daysLeft) => {
    expect(status(daysLeft, ["done", "done"])).toBe("on_track");
  });

  it("with no tasks at all only the sign-off is left → on_track", () => {
    expect(status(7, [])).toBe("on_track");
    expect(status(0, [])).toBe("on_track");
  });
});

describe("milestoneStatus: more than 7 days ahead", () => {
  it.each([8, 30])("%i days left: on_track once work has started", (daysLeft) => {
    expect(status(daysLeft, ["todo", "in_progress"])).toBe("on_track");
    expect(status(daysLeft, ["todo", "blocked"])).toBe("on_track");
    expect(status(daysLeft, ["todo", "done"])).toBe("on_track");
  });

  it.each([8, 30])("%i days left: upcoming while nothing started", (daysLeft) => {
    expect(status(daysLeft, ["todo", "todo"])).toBe("upcoming");
    expect(status(daysLeft, [])).toBe("upcoming");
  });

  it("8 days left with open tasks is not yet at risk", () => {
    expect(status(8, ["in_progress"])).toBe("on_track");
  });
});

describe("milestoneStatus: today is the account's date", () => {
  // 2026-03-10 13:30 UTC is already 2026-03-11 in Sydney (00:30 AEDT) but still 2026-03-10 in Chicago (08:30 CDT).
  const instant = new Date("2026-03-10T13:30:00Z");
  const sydney = todayIn("Australia/Sydney", instant);
  const chicago = todayIn("America/Chicago", instant);

  it("computes different calendar days for the same instant", () => {
    expect(sydney).toBe("2026-03-11");
    expect(chicago).toBe("2026-03-10");
  });

  it("a milestone due 2026-03-04 with open tasks is stalled in Sydney (7 days late) but at risk in Chicago (6)", () => {
    const input: MilestoneStatusInput = {
      targetDate: "2026-03-04",
      vendorSignedAt: null,
      customerSignedAt: null,
      tasks: [{ status: "todo", dueDate: null }],
    };
    expect(milestoneStatus(input, sydney)).toBe("stalled");
    expect(milestoneStatus(input, chicago)).toBe("at_risk");
  });

  it("a milestone due 2026-03-18 that hasn't started is at risk in Sydney but upcoming in Chicago", () => {
    const input: MilestoneStatusInput = {
      targetDate: "2026-03-18",
      vendorSignedAt: null,
      customerSignedAt: null,
      tasks: [{ status: "todo", dueDate: null }],
    };
    expect(milestoneStatus(input, sydney)).toBe("at_risk");
    expect(milestoneStatus(input, chicago)).toBe("upcoming");
  });

  it("a milestone due today in Chicago is late in Sydney", () => {
    const input: MilestoneStatusInput = {
      targetDate: "2026-03-10",
      vendorSignedAt: null,
      customerSignedAt: null,
      tasks: [],
    };
    expect(milestoneStatus(input, chicago)).toBe("on_track");
    expect(milestoneStatus(input, sydney)).toBe("at_risk");
  });
});

describe("achievementOf", () => {
  const base = { targetDate: "2026-03-20" };

  it("is null until both sides signed", () => {
    expect(achievementOf({ ...base, vendorSignedAt: null, customerSignedAt: null }, "UTC")).toBeNull();
    expect(achievementOf({ ...base, vendorSignedAt: SIGNED, customerSignedAt: null }, "UTC")).toBeNull();
    expect(achievementOf({ ...base, vendorSignedAt: null, customerSignedAt: SIGNED }, "UTC")).toBeNull();
  });

  it("dates the achievement by the later signature, in the account's calendar", () => {
    const result = achievementOf(
      { ...base, vendorSignedAt: "2026-03-12T09:00:00Z", customerSignedAt: "2026-03-13T14:00:00Z" },
      "Australia/Sydney",
    );
    expect(result).toEqual({ achievedAt: new Date("2026-03-13T14:00:00Z"), achievedOn: "2026-03-14", daysEarly: 6 });
    const reversed = achievementOf(
      { ...base, vendorSignedAt: "2026-03-13T14:00:00Z", customerSignedAt: "2026-03-12T09:00:00Z" },
      "America/Chicago",
    );
    expect(reversed).toEqual({ achievedAt: new Date("2026-03-13T14:00:00Z"), achievedOn: "2026-03-13", daysEarly: 7 });
  });

  it("counts a late achievement as negative days early, and on the day as 0", () => {
    expect(
      achievementOf({ ...base, vendorSignedAt: SIGNED, customerSignedAt: "2026-03-25T12:00:00Z" }, "UTC")?.daysEarly,
    ).toBe(-5);
    expect(
      achievementOf({ ...base, vendorSignedAt: SIGNED, customerSignedAt: "2026-03-20T12:00:00Z" }, "UTC")?.daysEarly,
    ).toBe(0);
  });
});
