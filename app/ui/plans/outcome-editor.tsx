import { useTranslation } from "react-i18next";
import { type SelectOption, SelectField, TextAreaField, TextField } from "~/ui/field";
import { AddDisclosure, EditDisclosure } from "./edit-kit";

interface OutcomeValues {
  title: string;
  why: string;
  successCriteria: string;
  ownerId: string | null;
  ownerName?: string | null;
  targetDate: string | null;
}

export interface OutcomeEditorOptions {
  accountId: string;
  planId: string;
  startDate: string;
  /** People of the account and the vendor's CSMs and admins. */
  owners: SelectOption[];
}

function OutcomeFields({
  values,
  options,
  fieldError,
}: {
  values: OutcomeValues;
  options: OutcomeEditorOptions;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useTranslation("planEditing");
  const keepCurrent = values.ownerId && !options.owners.some((owner) => owner.value === values.ownerId);
  return (
    <>
      <TextField
        label={t("outcome.title")}
        name="title"
        defaultValue={values.title}
        maxLength={200}
        required
        error={fieldError("title")}
      />
      <TextAreaField
        label={t("outcome.why")}
        name="why"
        defaultValue={values.why}
        maxLength={2000}
        error={fieldError("why")}
      />
      <TextAreaField
        label={t("outcome.criteria")}
        name="successCriteria"
        defaultValue={values.successCriteria}
        maxLength={2000}
        error={fieldError("successCriteria")}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField
          label={t("outcome.owner")}
          name="ownerId"
          defaultValue={values.ownerId ?? ""}
          options={[
            { value: "", label: t("outcome.noOwner") },
            ...(keepCurrent ? [{ value: values.ownerId!, label: values.ownerName ?? "" }] : []),
            ...options.owners,
          ]}
          error={fieldError("ownerId")}
        />
        <TextField
          label={t("outcome.targetDate")}
          name="targetDate"
          type="date"
          min={options.startDate}
          defaultValue={values.targetDate ?? ""}
          error={fieldError("targetDate")}
        />
      </div>
    </>
  );
}

export function AddOutcome({ options }: { options: OutcomeEditorOptions }) {
  const { t } = useTranslation("planEditing");
  const blank: OutcomeValues = { title: "", why: "", successCriteria: "", ownerId: null, targetDate: null };
  return (
    <AddDisclosure
      summary={t("outcome.add")}
      action={`/accounts/${options.accountId}/plans/${options.planId}`}
      intent="add_outcome"
      submitLabel={t("outcome.create")}
      fields={(fieldError) => <OutcomeFields values={blank} options={options} fieldError={fieldError} />}
    />
  );
}

export function EditOutcome({
  outcome,
  options,
}: {
  outcome: OutcomeValues & { id: string; version: number };
  options: OutcomeEditorOptions;
}) {
  const { t } = useTranslation("planEditing");
  return (
    <EditDisclosure
      kind="outcome"
      item={outcome}
      action={`/accounts/${options.accountId}/outcomes/${outcome.id}`}
      fields={(fieldError) => <OutcomeFields values={outcome} options={options} fieldError={fieldError} />}
      deletion={{ prompt: t("outcome.deletePrompt", { title: outcome.title }) }}
    />
  );
}
