import { describe, expect, it } from "vitest";
import { TaskFilterSchema, filterTasks, hasFilters } from "~/domain/plans/task-filters";

const tasks = [
  { id: "a", side: "customer", assigneeId: "u1", status: "todo" },
  { id: "b", side: "customer", assigneeId: null, status: "done" },
  { id: "c", side: "vendor", assigneeId: "u2", status: "blocked" },
  { id: "d", side: "vendor", assigneeId: "u1", status: "in_progress" },
] as const;

const ids = (filters: Parameters<typeof filterTasks>[1]) => filterTasks([...tasks], filters).map((t) => t.id);

describe("filterTasks", () => {
  it("keeps everything without filters", () => {
    expect(ids({})).toEqual(["a", "b", "c", "d"]);
    expect(hasFilters({})).toBe(false);
  });

  it("filters by side, assignee (including unassigned) and status (including open)", () => {
    expect(ids({ side: "vendor" })).toEqual(["c", "d"]);
    expect(ids({ assignee: "u1" })).toEqual(["a", "d"]);
    expect(ids({ assignee: "none" })).toEqual(["b"]);
    expect(ids({ status: "open" })).toEqual(["a", "c", "d"]);
    expect(ids({ status: "blocked" })).toEqual(["c"]);
    expect(ids({ side: "customer", status: "open" })).toEqual(["a"]);
  });

  it("ignores unknown values in the query string instead of failing", () => {
    expect(TaskFilterSchema.parse({ side: "martians", status: "", assignee: "" })).toEqual({
      side: undefined,
      status: undefined,
      assignee: undefined,
    });
  });
});
