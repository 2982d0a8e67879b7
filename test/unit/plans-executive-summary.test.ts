import { describe, expect, it } from "vitest";
import { SUMMARY_LIMITS, buildExecutiveSummary } from "~/domain/plans/executive-summary";
import { buildPlanView, type MilestoneRow, type TaskRow } from "~/domain/plans/plan-view";

const TODAY = "2026-03-10";

function milestone(id: string, targetDate: string, overrides: Partial<MilestoneRow> = {}): MilestoneRow {
  return {
    id,
    title: `M ${id}`,
    description: "",
    targetDate,
    outcomeId: null,
    vendorSignOff: null,
    customerSignOff: null,
    rating: null,
    ratingComment: null,
    version: 1,
    ...overrides,
  };
}
let n = 0;
function task(milestoneId: string, overrides: Partial<TaskRow> = {}): TaskRow {
  n += 1;
  return {
    id: `t${n}`,
    milestoneId,
    title: `Task ${n}`,
    notes: "",
    side: "customer",
    assigneeId: null,
    assigneeName: null,
    dueDate: null,
    status: "todo",
    blockedReason: null,
    internal: false,
    version: 1,
    ...overrides,
  };
}

// Signed by both sides late on 2026-02-26 UTC: already the 27th in Sydney.
const signedLate = { name: "Someone", at: "2026-02-26T20:00:00.000Z" };
const signedEarly = { name: "Someone", at: "2026-01-25T10:00:00.000Z" };

const view = buildPlanView({
  plan: { id: "p", name: "Plan", startDate: "2026-01-01", templateName: null, isCurrent: true, version: 1 },
  today: TODAY,
  outcomes: [],
  milestones: [
    milestone("kickoff", "2026-02-01", { vendorSignOff: signedEarly, customerSignOff: signedEarly }),
    milestone("connected", "2026-02-25", { vendorSignOff: signedLate, customerSignOff: signedLate }),
    milestone("stalled", "2026-03-01"),
    milestone("soon", "2026-03-15"),
    milestone("later", "2026-05-01"),
    milestone("latest", "2026-06-01"),
  ],
  tasks: [
    task("stalled", {
      title: "Sign the agreement",
      status: "blocked",
      blockedReason: "Legal review",
      dueDate: "2026-02-28",
    }),
    task("stalled", { title: "Overdue customer task", dueDate: "2026-02-20", assigneeName: "Raj" }),
    task("stalled", { title: "Brief sales on the risk", side: "vendor", internal: true, dueDate: "2026-02-10" }),
    task("soon", { title: "Vendor: tune the model", side: "vendor", dueDate: "2026-03-12" }),
    task("soon", { title: "Customer: invite leads", dueDate: "2026-03-14" }),
    task("soon", { title: "Finished", status: "done", dueDate: "2026-03-01" }),
    task("later", { title: "No date yet", side: "vendor" }),
  ],
});

describe("buildExecutiveSummary", () => {
  const summary = buildExecutiveSummary(view, "Australia/Sydney");

  it("lists achieved milestones with the day both sides signed, in the account's calendar, and how early or late", () => {
    expect(summary.achieved).toEqual([
      { id: "kickoff", title: "M kickoff", targetDate: "2026-02-01", achievedOn: "2026-01-25", daysEarly: 7 },
      { id: "connected", title: "M connected", targetDate: "2026-02-25", achievedOn: "2026-02-27", daysEarly: -2 },
    ]);
  });

  it("shows the next milestones not achieved, oldest target first, up to the limit", () => {
    expect(summary.next.map((m) => [m.id, m.status])).toEqual([
      ["stalled", "stalled"],
      ["soon", "at_risk"],
      ["later", "upcoming"],
    ]);
    expect(summary.next).toHaveLength(SUMMARY_LIMITS.nextMilestones);
  });

  it("puts risky milestones first, then overdue and blocked tasks by due date", () => {
    expect(summary.risks.map((risk) => `${risk.kind}:${risk.title}`)).toEqual([
      "milestone:M stalled",
      "milestone:M soon",
      "task:Overdue customer task",
      "task:Sign the agreement",
    ]);
    expect(summary.risks[3]).toMatchObject({ blockedReason: "Legal review", overdue: true });
  });

  it("never includes internal items, and counts without them", () => {
    const titles = JSON.stringify(summary);
    expect(titles).not.toContain("Brief sales on the risk");
    expect(view.summary.overdueTasks).toBe(3);
    expect(summary.summary.overdueTasks).toBe(2);
  });

  it("gives each side its open tasks, soonest due first, undated last", () => {
    expect(summary.nextSteps.customer.map((step) => step.title)).toEqual([
      "Overdue customer task",
      "Sign the agreement",
      "Customer: invite leads",
    ]);
    expect(summary.nextSteps.vendor.map((step) => step.title)).toEqual(["Vendor: tune the model", "No date yet"]);
  });

  it("caps each side's next steps", () => {
    const busy = buildPlanView({
      plan: view.plan,
      today: TODAY,
      outcomes: [],
      milestones: [milestone("m", "2026-04-01")],
      tasks: Array.from({ length: 9 }, (_, i) => task("m", { dueDate: `2026-03-${String(11 + i).padStart(2, "0")}` })),
    });
    expect(buildExecutiveSummary(busy, "UTC").nextSteps.customer).toHaveLength(SUMMARY_LIMITS.stepsPerSide);
  });
});
