import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TaskSide } from "~db/schema";
import { CheckboxField, type SelectOption, SelectField, TextAreaField, TextField } from "~/ui/field";
import { AddDisclosure, EditDisclosure } from "./edit-kit";

/** What the viewer may put on a task, worked out by the loader with the plan permission rule. */
export interface TaskEditorOptions {
  accountId: string;
  /** The plan's start date: no due date before it. */
  startDate: string;
  /** The sides the viewer may add tasks to or move them to (a champion: only the customer's). */
  sides: TaskSide[];
  canInternal: boolean;
  assigneesBySide: { customer: SelectOption[]; vendor: SelectOption[] };
}

interface TaskValues {
  title: string;
  notes: string;
  side: TaskSide;
  assigneeId: string | null;
  assigneeName?: string | null;
  dueDate: string | null;
  internal: boolean;
}

function TaskFields({
  values,
  options,
  fieldError,
}: {
  values: TaskValues;
  options: TaskEditorOptions;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useTranslation(["planEditing", "plans"]);
  const [side, setSide] = useState(values.side);
  const sides = options.sides.includes(values.side) ? options.sides : [values.side, ...options.sides];
  const assignees = options.assigneesBySide[side];
  // Someone who is no longer on the list (e.g. deactivated) stays selected until changed, rather than being dropped silently.
  const keepCurrent =
    side === values.side && values.assigneeId && !assignees.some((option) => option.value === values.assigneeId);
  return (
    <>
      <TextField
        label={t("task.title")}
        name="title"
        defaultValue={values.title}
        maxLength={200}
        required
        error={fieldError("title")}
      />
      <TextAreaField
        label={t("task.notes")}
        name="notes"
        defaultValue={values.notes}
        maxLength={2000}
        error={fieldError("notes")}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <SelectField
          label={t("task.side")}
          name="side"
          value={side}
          onChange={(event) => setSide(event.target.value as TaskSide)}
          options={sides.map((value) => ({ value, label: t(`plans:side.${value}`) }))}
          error={fieldError("side")}
        />
        <SelectField
          key={side}
          label={t("task.assignee")}
          name="assigneeId"
          defaultValue={side === values.side ? (values.assigneeId ?? "") : ""}
          options={[
            { value: "", label: t("plans:tasks.unassigned") },
            ...(keepCurrent ? [{ value: values.assigneeId!, label: values.assigneeName ?? "" }] : []),
            ...assignees,
          ]}
          error={fieldError("assigneeId")}
        />
        <TextField
          label={t("task.dueDate")}
          name="dueDate"
          type="date"
          min={options.startDate}
          defaultValue={values.dueDate ?? ""}
          error={fieldError("dueDate")}
        />
      </div>
      {options.canInternal && side === "vendor" ? (
        <CheckboxField
          label={t("task.internal")}
          name="internal"
          defaultChecked={values.internal}
          hint={t("task.internalHint")}
          error={fieldError("internal")}
        />
      ) : null}
    </>
  );
}

/** "Add task" under a milestone. */
export function AddTask({
  milestone,
  options,
}: {
  milestone: { id: string; title: string };
  options: TaskEditorOptions;
}) {
  const { t } = useTranslation("planEditing");
  const blank: TaskValues = {
    title: "",
    notes: "",
    side: options.sides[0] ?? "customer",
    assigneeId: null,
    dueDate: null,
    internal: false,
  };
  return (
    <AddDisclosure
      summary={t("task.add")}
      accessibleSummary={t("task.addFor", { title: milestone.title })}
      action={`/accounts/${options.accountId}/milestones/${milestone.id}/tasks`}
      submitLabel={t("task.create")}
      fields={(fieldError) => <TaskFields values={blank} options={options} fieldError={fieldError} />}
    />
  );
}

/** "Edit" on a task: its details, and deleting it. */
export function EditTask({
  task,
  options,
  canDelete,
}: {
  task: TaskValues & { id: string; version: number };
  options: TaskEditorOptions;
  canDelete: boolean;
}) {
  const { t } = useTranslation("planEditing");
  return (
    <EditDisclosure
      kind="task"
      item={task}
      action={`/accounts/${options.accountId}/tasks/${task.id}/edit`}
      fields={(fieldError) => <TaskFields values={task} options={options} fieldError={fieldError} />}
      deletion={canDelete ? { prompt: t("task.deletePrompt", { title: task.title }) } : null}
    />
  );
}
