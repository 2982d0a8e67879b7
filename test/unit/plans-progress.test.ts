import { describe, expect, it } from "vitest";
import type { TaskStatus } from "~db/schema";
import { isTaskOverdue, milestoneProgress, nextMilestone, planProgress } from "~/domain/plans/progress";

const tasks = (...statuses: TaskStatus[]) => statuses.map((status) => ({ status }));

describe("isTaskOverdue", () => {
  const today = "2026-03-10";

  it("is overdue when open and due before today", () => {
    expect(isTaskOverdue({ status: "todo", dueDate: "2026-03-09" }, today)).toBe(true);
    expect(isTaskOverdue({ status: "in_progress", dueDate: "2025-12-31" }, today)).toBe(true);
    expect(isTaskOverdue({ status: "blocked", dueDate: "2026-03-01" }, today)).toBe(true);
  });

  it("is not overdue on its due day, in the future, when done, or without a due date", () => {
    expect(isTaskOverdue({ status: "todo", dueDate: "2026-03-10" }, today)).toBe(false);
    expect(isTaskOverdue({ status: "todo", dueDate: "2026-03-11" }, today)).toBe(false);
    expect(isTaskOverdue({ status: "done", dueDate: "2026-01-01" }, today)).toBe(false);
    expect(isTaskOverdue({ status: "todo", dueDate: null }, today)).toBe(false);
  });

  it("compares across month and year ends as dates", () => {
    expect(isTaskOverdue({ status: "todo", dueDate: "2025-12-31" }, "2026-01-01")).toBe(true);
    expect(isTaskOverdue({ status: "todo", dueDate: "2026-02-28" }, "2026-03-01")).toBe(true);
  });
});

describe("milestoneProgress", () => {
  it("is the share of tasks done", () => {
    expect(milestoneProgress({ achieved: false, tasks: tasks("done", "todo", "in_progress", "blocked") })).toBe(0.25);
    expect(milestoneProgress({ achieved: false, tasks: tasks("done", "done") })).toBe(1);
    expect(milestoneProgress({ achieved: false, tasks: tasks("todo") })).toBe(0);
  });

  it("is 1 once achieved, even with open tasks", () => {
    expect(milestoneProgress({ achieved: true, tasks: tasks("todo", "done") })).toBe(1);
    expect(milestoneProgress({ achieved: true, tasks: [] })).toBe(1);
  });

  it("is 0 without tasks until achieved", () => {
    expect(milestoneProgress({ achieved: false, tasks: [] })).toBe(0);
  });
});

describe("planProgress", () => {
  it("is the mean of milestone progress, each milestone weighing the same", () => {
    expect(planProgress([1, 0, 0.5, 0.5])).toBe(0.5);
    expect(planProgress([1, 1])).toBe(1);
  });

  it("is 0 for a plan without milestones", () => {
    expect(planProgress([])).toBe(0);
  });
});

describe("nextMilestone", () => {
  const m = (id: string, targetDate: string, achieved = false) => ({ id, targetDate, achieved });

  it("is the earliest milestone not achieved", () => {
    expect(nextMilestone([m("a", "2026-01-01", true), m("b", "2026-02-01"), m("c", "2026-03-01")])?.id).toBe("b");
  });

  it("finds it by target date, not by position", () => {
    expect(nextMilestone([m("late", "2026-05-01"), m("early", "2026-04-01"), m("done", "2026-03-01", true)])?.id).toBe(
      "early",
    );
  });

  it("includes overdue milestones: the next thing to get done", () => {
    expect(nextMilestone([m("overdue", "2025-12-01"), m("later", "2026-06-01")])?.id).toBe("overdue");
  });

  it("keeps the given order on equal dates", () => {
    expect(nextMilestone([m("first", "2026-04-01"), m("second", "2026-04-01")])?.id).toBe("first");
  });

  it("is null when everything is achieved or there is nothing", () => {
    expect(nextMilestone([m("a", "2026-01-01", true)])).toBeNull();
    expect(nextMilestone([])).toBeNull();
  });
});
