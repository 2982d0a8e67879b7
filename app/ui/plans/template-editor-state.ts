import type { TemplateDraft } from "~/domain/plans/template-schemas";

/** The editor's rows: tasks get a browser-only `uid` to keep their inputs while rows move. */
export type EditorTask = TemplateDraft["milestones"][number]["tasks"][number] & { uid: string };
export type EditorMilestone = Omit<TemplateDraft["milestones"][number], "tasks"> & { tasks: EditorTask[] };
export type EditorDraft = Omit<TemplateDraft, "milestones"> & { milestones: EditorMilestone[] };

let counter = 0;
/** A key for a new row: a letter, then random base-36 (the shape TemplateInputSchema accepts). */
export function newRowKey(prefix: "o" | "m" | "t"): string {
  counter += 1;
  return `${prefix}${Math.random().toString(36).slice(2, 10)}${counter.toString(36)}`;
}

export function editorDraft(draft: TemplateDraft): EditorDraft {
  return {
    ...draft,
    milestones: draft.milestones.map((milestone, m) => ({
      ...milestone,
      // Stable across server and browser renders, so hydration matches.
      tasks: milestone.tasks.map((task, i) => ({ ...task, uid: `${milestone.key}-${m}-${i}` })),
    })),
  };
}

export function moveRow<T>(rows: T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= rows.length) return rows;
  const next = [...rows];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function removeRow<T>(rows: T[], index: number): T[] {
  return rows.filter((_, i) => i !== index);
}
