import { describe, expect, it } from "vitest";
import { buildPlanView, type MilestoneRow, type TaskRow } from "~/domain/plans/plan-view";

const TODAY = "2026-03-10";
const signed = { name: "Someone", at: "2026-02-01T10:00:00.000Z" };

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

const view = buildPlanView({
  plan: { id: "p", name: "Plan", startDate: "2026-01-01", templateName: null, isCurrent: true, version: 1 },
  today: TODAY,
  outcomes: [],
  milestones: [
    milestone("done", "2026-02-01", { vendorSignOff: signed, customerSignOff: signed }),
    milestone("late", "2026-03-01"),
    milestone("soon", "2026-03-15"),
    milestone("later", "2026-05-01"),
  ],
  tasks: [
    task("done", { status: "done" }),
    task("done", { status: "todo", dueDate: "2026-01-20" }),
    task("late", { status: "blocked", blockedReason: "Waiting on IT", dueDate: "2026-02-25" }),
    task("late", { status: "done", dueDate: "2026-02-20" }),
    task("late", { status: "in_progress", dueDate: TODAY }),
    task("soon", { status: "todo", dueDate: "2026-03-14" }),
    task("soon", { status: "done" }),
  ],
});
const byId = (id: string) => view.milestones.find((m) => m.id === id)!;

describe("buildPlanView", () => {
  it("derives each milestone's status, days to target and progress", () => {
    expect(view.milestones.map((m) => [m.id, m.status, m.daysToTarget, m.progress])).toEqual([
      ["done", "achieved", -37, 1],
      ["late", "stalled", -9, 1 / 3],
      ["soon", "at_risk", 5, 0.5],
      ["later", "upcoming", 52, 0],
    ]);
  });

  it("counts tasks per milestone: open includes blocked, overdue is open and due before today", () => {
    expect(byId("late").taskCounts).toEqual({ total: 3, done: 1, open: 2, overdue: 1, blocked: 1 });
    // An achieved milestone's leftover task still shows as overdue: it is still open.
    expect(byId("done").taskCounts).toEqual({ total: 2, done: 1, open: 1, overdue: 1, blocked: 0 });
    expect(byId("later").taskCounts).toEqual({ total: 0, done: 0, open: 0, overdue: 0, blocked: 0 });
  });

  it("flags overdue tasks (not the one due today)", () => {
    expect(view.tasks.filter((t) => t.overdue).map((t) => t.dueDate)).toEqual(["2026-01-20", "2026-02-25"]);
  });

  it("summarizes the plan", () => {
    expect(view.summary).toEqual({
      progress: (1 + 1 / 3 + 0.5 + 0) / 4,
      milestonesAchieved: 1,
      milestonesTotal: 4,
      nextMilestone: { id: "late", title: "M late", targetDate: "2026-03-01", daysToTarget: -9 },
      overdueTasks: 2,
      blockedTasks: 1,
    });
  });

  it("has no next milestone when all are achieved, and zero progress without milestones", () => {
    const empty = buildPlanView({ plan: view.plan, today: TODAY, outcomes: [], milestones: [], tasks: [] });
    expect(empty.summary).toEqual({
      progress: 0,
      milestonesAchieved: 0,
      milestonesTotal: 0,
      nextMilestone: null,
      overdueTasks: 0,
      blockedTasks: 0,
    });
    const allDone = buildPlanView({
      plan: view.plan,
      today: TODAY,
      outcomes: [],
      milestones: [milestone("a", "2026-01-01", { vendorSignOff: signed, customerSignOff: signed })],
      tasks: [],
    });
    expect(allDone.summary.nextMilestone).toBeNull();
    expect(allDone.summary.progress).toBe(1);
  });
});
