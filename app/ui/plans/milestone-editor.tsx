import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/button";
import { ConfirmAction } from "~/ui/confirm-action";
import { type SelectOption, SelectField, TextAreaField, TextField } from "~/ui/field";
import { Disclosure, FormError, useDisclosure, useEditFetcher } from "./edit-kit";

interface MilestoneValues {
  title: string;
  description: string;
  targetDate: string;
  outcomeId: string | null;
}

export interface MilestoneEditorOptions {
  accountId: string;
  planId: string;
  startDate: string;
  /** The plan's outcomes, to link a milestone to. */
  outcomes: SelectOption[];
}

function MilestoneFields({ values, options, fieldError }: { values: MilestoneValues; options: MilestoneEditorOptions; fieldError: (name: string) => string | undefined }) {
  const { t } = useTranslation("planEditing");
  return (
    <>
      <TextField label={t("milestone.title")} name="title" defaultValue={values.title} maxLength={200} required error={fieldError("title")} />
      <TextAreaField label={t("milestone.description")} name="description" defaultValue={values.description} maxLength={2000} error={fieldError("description")} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField label={t("milestone.targetDate")} name="targetDate" type="date" min={options.startDate} defaultValue={values.targetDate} required error={fieldError("targetDate")} />
        <SelectField
          label={t("milestone.outcome")}
          name="outcomeId"
          defaultValue={values.outcomeId ?? ""}
          options={[{ value: "", label: t("milestone.noOutcome") }, ...options.outcomes]}
          error={fieldError("outcomeId")}
        />
      </div>
    </>
  );
}

/** "Add milestone" under the plan's milestones. */
export function AddMilestone({ options }: { options: MilestoneEditorOptions }) {
  const { t } = useTranslation("planEditing");
  const disclosure = useDisclosure();
  const form = useRef<HTMLFormElement>(null);
  const { fetcher, busy, fieldError, formError } = useEditFetcher(() => {
    form.current?.reset();
    disclosure.close();
  });
  return (
    <Disclosure summary={t("milestone.add")} disclosure={disclosure}>
      <fetcher.Form ref={form} method="post" action={`/accounts/${options.accountId}/plans/${options.planId}`} noValidate className="space-y-3">
        <input type="hidden" name="intent" value="add_milestone" />
        <FormError message={formError} />
        <MilestoneFields values={{ title: "", description: "", targetDate: "", outcomeId: null }} options={options} fieldError={fieldError} />
        <Button disabled={busy}>{busy ? t("saving") : t("milestone.create")}</Button>
      </fetcher.Form>
    </Disclosure>
  );
}

/** "Edit" on a milestone: its title, description, date and outcome (never its sign-off), and deleting it with its tasks. */
export function EditMilestone({
  milestone,
  taskCount,
  options,
}: {
  milestone: MilestoneValues & { id: string; version: number };
  /** Every task of the milestone, whatever the filters: they all go with it. */
  taskCount: number;
  options: MilestoneEditorOptions;
}) {
  const { t } = useTranslation("planEditing");
  const disclosure = useDisclosure();
  const edit = useEditFetcher(disclosure.close);
  const remove = useEditFetcher();
  const action = `/accounts/${options.accountId}/milestones/${milestone.id}/edit`;
  return (
    <Disclosure summary={t("edit")} accessibleSummary={t("editFor", { title: milestone.title })} disclosure={disclosure} variant="ghost">
      <edit.fetcher.Form key={milestone.version} method="post" action={action} noValidate className="space-y-3">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={milestone.version} />
        <FormError message={edit.formError} />
        <MilestoneFields values={milestone} options={options} fieldError={edit.fieldError} />
        <p className="text-xs text-slate-500">{t("milestone.signOffKept")}</p>
        <Button disabled={edit.busy}>{edit.busy ? t("saving") : t("save")}</Button>
      </edit.fetcher.Form>
      <div className="mt-4 border-t border-slate-200 pt-3">
        <FormError message={remove.formError} />
        <ConfirmAction
          id={`delete-milestone-${milestone.id}`}
          Form={remove.fetcher.Form}
          action={action}
          fields={{ intent: "delete", version: String(milestone.version), taskCount: String(taskCount) }}
          label={t("delete")}
          accessibleLabel={t("deleteFor", { title: milestone.title })}
          prompt={taskCount > 0 ? t("milestone.deletePromptTasks", { title: milestone.title, count: taskCount }) : t("milestone.deletePrompt", { title: milestone.title })}
          confirmLabel={t("delete")}
          cancelLabel={t("cancel")}
          busy={remove.busy}
        />
      </div>
    </Disclosure>
  );
}
