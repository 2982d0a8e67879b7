import { z } from "zod";

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** Task filters from the plan page's query string; anything unknown is ignored rather than refused. */
export const TaskFilterSchema = z.object({
  side: z.preprocess(blankToUndefined, z.enum(["customer", "vendor"]).optional()).catch(undefined),
  assignee: z.preprocess(blankToUndefined, z.string().max(40).optional()).catch(undefined),
  status: z
    .preprocess(blankToUndefined, z.enum(["open", "todo", "in_progress", "blocked", "done"]).optional())
    .catch(undefined),
});
export type TaskFilters = z.infer<typeof TaskFilterSchema>;

interface FilterableTask {
  side: "customer" | "vendor";
  assigneeId: string | null;
  status: "todo" | "in_progress" | "blocked" | "done";
}

/** `assignee: "none"` selects unassigned tasks; `status: "open"` everything not done. */
export function filterTasks<T extends FilterableTask>(tasks: T[], filters: TaskFilters): T[] {
  return tasks.filter(
    (task) =>
      (!filters.side || task.side === filters.side) &&
      (!filters.assignee ||
        (filters.assignee === "none" ? task.assigneeId === null : task.assigneeId === filters.assignee)) &&
      (!filters.status || (filters.status === "open" ? task.status !== "done" : task.status === filters.status)),
  );
}

export function hasFilters(filters: TaskFilters): boolean {
  return Boolean(filters.side || filters.assignee || filters.status);
}
