import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TaskSide } from "~db/schema";
import { Button } from "~/ui/button";
import { ConfirmAction } from "~/ui/confirm-action";
import { CheckboxField, type SelectOption, SelectField, TextAreaField, TextField } from "~/ui/field";
import { Disclosure, FormError, useDisclosure, useEditFetcher } from "./edit-kit";

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

function TaskFields({ values, options, fieldError }: { values: TaskValues; options: TaskEditorOptions; fieldError: (name: string) => string | undefined }) {
  const { t } = useTranslation(["planEditing", "plans"]);
  const [side, setSide] = useState(values.side);
  const sides = options.sides.includes(values.side) ? options.sides : [values.side, ...options.sides];
  const assignees = options.assigneesBySide[side];
  // Someone who is no longer on the list (e.g. deactivated) stays selected until changed, rather than being dropped silently.
  const keepCurrent = side === values.side && values.assigneeId && !assignees.some((option) => option.value === values.assigneeId);
  return (
    <>
      <TextField label={t("task.title")} name="title" defaultValue={values.title} maxLength={200} required error={fieldError("title")} />
      <TextAreaField label={t("task.notes")} name="notes" defaultValue={values.notes} maxLength={2000} error={fieldError("notes")} />
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
        <TextField label={t("task.dueDate")} name="dueDate" type="date" min={options.startDate} defaultValue={values.dueDate ?? ""} error={fieldError("dueDate")} />
      </div>
      {options.canInternal && side === "vendor" ? (
        <CheckboxField label={t("task.internal")} name="internal" defaultChecked={values.internal} hint={t("task.internalHint")} error={fieldError("internal")} />
      ) : null}
    </>
  );
}

/** "Add task" under a milestone. */
export function AddTask({ milestone, options }: { milestone: { id: string; title: string }; options: TaskEditorOptions }) {
  const { t } = useTranslation("planEditing");
  const disclosure = useDisclosure();
  const form = useRef<HTMLFormElement>(null);
  const { fetcher, busy, fieldError, formError } = useEditFetcher(() => {
    form.current?.reset();
    disclosure.close();
  });
  const blank: TaskValues = { title: "", notes: "", side: options.sides[0] ?? "customer", assigneeId: null, dueDate: null, internal: false };
  return (
    <Disclosure summary={t("task.add")} accessibleSummary={t("task.addFor", { title: milestone.title })} disclosure={disclosure}>
      <fetcher.Form ref={form} method="post" action={`/accounts/${options.accountId}/milestones/${milestone.id}/tasks`} noValidate className="space-y-3">
        <FormError message={formError} />
        <TaskFields values={blank} options={options} fieldError={fieldError} />
        <Button disabled={busy}>{busy ? t("saving") : t("task.create")}</Button>
      </fetcher.Form>
    </Disclosure>
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
  const disclosure = useDisclosure();
  const edit = useEditFetcher(disclosure.close);
  const remove = useEditFetcher();
  const action = `/accounts/${options.accountId}/tasks/${task.id}/edit`;
  return (
    <Disclosure summary={t("edit")} accessibleSummary={t("editFor", { title: task.title })} disclosure={disclosure} variant="ghost">
      {/* Keyed by version: after any change the fields start again from what is saved. */}
      <edit.fetcher.Form key={task.version} method="post" action={action} noValidate className="space-y-3">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={task.version} />
        <FormError message={edit.formError} />
        <TaskFields values={task} options={options} fieldError={edit.fieldError} />
        <Button disabled={edit.busy}>{edit.busy ? t("saving") : t("save")}</Button>
      </edit.fetcher.Form>
      {canDelete ? (
        <div className="mt-4 border-t border-slate-200 pt-3">
          <FormError message={remove.formError} />
          <ConfirmAction
            id={`delete-task-${task.id}`}
            Form={remove.fetcher.Form}
            action={action}
            fields={{ intent: "delete", version: String(task.version) }}
            label={t("delete")}
            accessibleLabel={t("deleteFor", { title: task.title })}
            prompt={t("task.deletePrompt", { title: task.title })}
            confirmLabel={t("delete")}
            cancelLabel={t("cancel")}
            busy={remove.busy}
          />
        </div>
      ) : null}
    </Disclosure>
  );
}
