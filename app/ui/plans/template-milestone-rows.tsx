import type { Dispatch, SetStateAction } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/button";
import { SelectField, TextAreaField, TextField } from "~/ui/field";
import { Card } from "~/ui/layout";
import {
  type EditorDraft,
  type EditorMilestone,
  type EditorTask,
  moveRow,
  newRowKey,
  removeRow,
} from "./template-editor-state";
import { useTemplateFieldError } from "./use-template-field-error";
import { RowControls } from "./template-row-controls";

/** The milestones of the template editor, each with the tasks that lead to it. */
export function MilestoneRows({
  draft,
  setDraft,
  errors,
  outcomeOptions,
}: {
  draft: EditorDraft;
  setDraft: Dispatch<SetStateAction<EditorDraft>>;
  errors: Record<string, string[] | undefined>;
  outcomeOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation(["templates", "plans"]);
  const fieldError = useTemplateFieldError();
  const setMilestones = (update: (rows: EditorMilestone[]) => EditorMilestone[]) =>
    setDraft((current) => ({ ...current, milestones: update(current.milestones) }));
  const updateMilestone = (index: number, patch: Partial<EditorMilestone>) =>
    setMilestones((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const setTasks = (index: number, update: (tasks: EditorTask[]) => EditorTask[]) =>
    setMilestones((rows) => rows.map((row, i) => (i === index ? { ...row, tasks: update(row.tasks) } : row)));

  return (
    <Card title={t("editor.milestonesTitle")}>
      <p className="mb-4 text-sm text-slate-600">{t("editor.milestonesHint")}</p>
      <div className="space-y-5">
        {draft.milestones.map((milestone, index) => {
          const name = (field: string) => `milestones[${index}].${field}`;
          const legend = t("editor.milestone", { number: index + 1 });
          return (
            <fieldset key={milestone.key} className="rounded-md p-3 ring-1 ring-slate-300">
              <legend className="px-1 text-sm font-semibold text-slate-800">{legend}</legend>
              <input type="hidden" name={name("key")} value={milestone.key} />
              <div className="grid grid-cols-1 gap-3 sm:grid-cols-4">
                <div className="sm:col-span-3">
                  <TextField
                    label={t("editor.milestoneTitle")}
                    name={name("title")}
                    value={milestone.title}
                    onChange={(e) => updateMilestone(index, { title: e.target.value })}
                    error={fieldError(errors[name("title")] ?? errors[name("key")])}
                  />
                </div>
                <TextField
                  label={t("editor.targetDay")}
                  name={name("dayOffset")}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={1095}
                  value={milestone.dayOffset}
                  onChange={(e) => updateMilestone(index, { dayOffset: e.target.value })}
                  error={fieldError(errors[name("dayOffset")])}
                />
                <div className="sm:col-span-2">
                  <TextAreaField
                    label={t("editor.milestoneDescription")}
                    name={name("description")}
                    value={milestone.description}
                    onChange={(e) => updateMilestone(index, { description: e.target.value })}
                    error={fieldError(errors[name("description")])}
                  />
                </div>
                <div className="sm:col-span-2">
                  <SelectField
                    label={t("editor.linkedOutcome")}
                    name={name("outcomeKey")}
                    value={milestone.outcomeKey ?? ""}
                    onChange={(e) => updateMilestone(index, { outcomeKey: e.target.value || null })}
                    options={[{ value: "", label: t("editor.noOutcome") }, ...outcomeOptions]}
                    error={fieldError(errors[name("outcomeKey")])}
                  />
                </div>
              </div>

              <div className="mt-4 space-y-3 border-l-2 border-slate-200 pl-3">
                {milestone.tasks.length === 0 ? <p className="text-sm text-slate-500">{t("editor.noTasks")}</p> : null}
                {milestone.tasks.map((task, taskIndex) => {
                  const taskName = (field: string) => `milestones[${index}].tasks[${taskIndex}].${field}`;
                  const taskLegend = t("editor.task", { number: taskIndex + 1, milestone: index + 1 });
                  const updateTask = (patch: Partial<EditorTask>) =>
                    setTasks(index, (tasks) => tasks.map((row, i) => (i === taskIndex ? { ...row, ...patch } : row)));
                  return (
                    <fieldset key={task.uid} className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
                      <legend className="px-1 text-sm font-medium text-slate-700">{taskLegend}</legend>
                      <div className="grid grid-cols-1 gap-3 sm:grid-cols-4">
                        <div className="sm:col-span-2">
                          <TextField
                            label={t("editor.taskTitle")}
                            name={taskName("title")}
                            value={task.title}
                            onChange={(e) => updateTask({ title: e.target.value })}
                            error={fieldError(errors[taskName("title")])}
                          />
                        </div>
                        <SelectField
                          label={t("editor.side")}
                          name={taskName("side")}
                          value={task.side}
                          onChange={(e) => updateTask({ side: e.target.value === "vendor" ? "vendor" : "customer" })}
                          options={[
                            { value: "customer", label: t("plans:side.customer") },
                            { value: "vendor", label: t("plans:side.vendor") },
                          ]}
                          error={fieldError(errors[taskName("side")])}
                        />
                        <TextField
                          label={t("editor.dueDay")}
                          name={taskName("dayOffset")}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={1095}
                          value={task.dayOffset}
                          onChange={(e) => updateTask({ dayOffset: e.target.value })}
                          error={fieldError(errors[taskName("dayOffset")])}
                        />
                        <div className="sm:col-span-4">
                          <TextAreaField
                            label={t("editor.notes")}
                            name={taskName("notes")}
                            value={task.notes}
                            onChange={(e) => updateTask({ notes: e.target.value })}
                            error={fieldError(errors[taskName("notes")])}
                          />
                        </div>
                      </div>
                      <RowControls
                        name={taskLegend}
                        index={taskIndex}
                        count={milestone.tasks.length}
                        onMove={(delta) => setTasks(index, (tasks) => moveRow(tasks, taskIndex, delta))}
                        onRemove={() => setTasks(index, (tasks) => removeRow(tasks, taskIndex))}
                      />
                    </fieldset>
                  );
                })}
                {errors[name("tasks")] ? (
                  <p className="text-sm text-red-700" role="alert">
                    {fieldError(errors[name("tasks")])}
                  </p>
                ) : null}
                <Button
                  type="button"
                  variant="secondary"
                  className="py-1.5"
                  aria-label={t("editor.addTaskTo", { name: legend })}
                  onClick={() =>
                    setTasks(index, (tasks) => [
                      ...tasks,
                      { uid: newRowKey("t"), title: "", notes: "", side: "customer", dayOffset: milestone.dayOffset },
                    ])
                  }
                >
                  {t("editor.addTask")}
                </Button>
              </div>
              <RowControls
                name={legend}
                index={index}
                count={draft.milestones.length}
                onMove={(delta) => setMilestones((rows) => moveRow(rows, index, delta))}
                onRemove={() => setMilestones((rows) => removeRow(rows, index))}
              />
            </fieldset>
          );
        })}
      </div>
      {errors.milestones ? (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {fieldError(errors.milestones)}
        </p>
      ) : null}
      <Button
        type="button"
        variant="secondary"
        className="mt-4"
        onClick={() => {
          const last = draft.milestones.at(-1);
          const lastDay = Number(last?.dayOffset);
          const dayOffset = Number.isInteger(lastDay) ? Math.min(lastDay + 30, 1095) : 30;
          setMilestones((rows) => [
            ...rows,
            { key: newRowKey("m"), title: "", description: "", dayOffset, outcomeKey: null, tasks: [] },
          ]);
        }}
      >
        {t("editor.addMilestone")}
      </Button>
    </Card>
  );
}
