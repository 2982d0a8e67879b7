import { useTranslation } from "react-i18next";
import { type SelectOption, SelectField, TextAreaField, TextField } from "~/ui/field";
import { AddDisclosure, EditDisclosure } from "./edit-kit";

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

function MilestoneFields({
  values,
  options,
  fieldError,
}: {
  values: MilestoneValues;
  options: MilestoneEditorOptions;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useTranslation("planEditing");
  return (
    <>
      <TextField
        label={t("milestone.title")}
        name="title"
        defaultValue={values.title}
        maxLength={200}
        required
        error={fieldError("title")}
      />
      <TextAreaField
        label={t("milestone.description")}
        name="description"
        defaultValue={values.description}
        maxLength={2000}
        error={fieldError("description")}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          label={t("milestone.targetDate")}
          name="targetDate"
          type="date"
          min={options.startDate}
          defaultValue={values.targetDate}
          required
          error={fieldError("targetDate")}
        />
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
  const blank: MilestoneValues = { title: "", description: "", targetDate: "", outcomeId: null };
  return (
    <AddDisclosure
      summary={t("milestone.add")}
      action={`/accounts/${options.accountId}/plans/${options.planId}`}
      intent="add_milestone"
      submitLabel={t("milestone.create")}
      fields={(fieldError) => <MilestoneFields values={blank} options={options} fieldError={fieldError} />}
    />
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
  return (
    <EditDisclosure
      kind="milestone"
      item={milestone}
      action={`/accounts/${options.accountId}/milestones/${milestone.id}/edit`}
      fields={(fieldError) => <MilestoneFields values={milestone} options={options} fieldError={fieldError} />}
      footnote={t("milestone.signOffKept")}
      deletion={{
        prompt:
          taskCount > 0
            ? t("milestone.deletePromptTasks", { title: milestone.title, count: taskCount })
            : t("milestone.deletePrompt", { title: milestone.title }),
        fields: { taskCount: String(taskCount) },
      }}
    />
  );
}
