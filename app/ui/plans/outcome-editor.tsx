import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/button";
import { ConfirmAction } from "~/ui/confirm-action";
import { type SelectOption, SelectField, TextAreaField, TextField } from "~/ui/field";
import { Disclosure, FormError, useDisclosure, useEditFetcher } from "./edit-kit";

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

function OutcomeFields({ values, options, fieldError }: { values: OutcomeValues; options: OutcomeEditorOptions; fieldError: (name: string) => string | undefined }) {
  const { t } = useTranslation("planEditing");
  const keepCurrent = values.ownerId && !options.owners.some((owner) => owner.value === values.ownerId);
  return (
    <>
      <TextField label={t("outcome.title")} name="title" defaultValue={values.title} maxLength={200} required error={fieldError("title")} />
      <TextAreaField label={t("outcome.why")} name="why" defaultValue={values.why} maxLength={2000} error={fieldError("why")} />
      <TextAreaField label={t("outcome.criteria")} name="successCriteria" defaultValue={values.successCriteria} maxLength={2000} error={fieldError("successCriteria")} />
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
        <TextField label={t("outcome.targetDate")} name="targetDate" type="date" min={options.startDate} defaultValue={values.targetDate ?? ""} error={fieldError("targetDate")} />
      </div>
    </>
  );
}

export function AddOutcome({ options }: { options: OutcomeEditorOptions }) {
  const { t } = useTranslation("planEditing");
  const disclosure = useDisclosure();
  const form = useRef<HTMLFormElement>(null);
  const { fetcher, busy, fieldError, formError } = useEditFetcher(() => {
    form.current?.reset();
    disclosure.close();
  });
  return (
    <Disclosure summary={t("outcome.add")} disclosure={disclosure}>
      <fetcher.Form ref={form} method="post" action={`/accounts/${options.accountId}/plans/${options.planId}`} noValidate className="space-y-3">
        <input type="hidden" name="intent" value="add_outcome" />
        <FormError message={formError} />
        <OutcomeFields values={{ title: "", why: "", successCriteria: "", ownerId: null, targetDate: null }} options={options} fieldError={fieldError} />
        <Button disabled={busy}>{busy ? t("saving") : t("outcome.create")}</Button>
      </fetcher.Form>
    </Disclosure>
  );
}

export function EditOutcome({ outcome, options }: { outcome: OutcomeValues & { id: string; version: number }; options: OutcomeEditorOptions }) {
  const { t } = useTranslation("planEditing");
  const disclosure = useDisclosure();
  const edit = useEditFetcher(disclosure.close);
  const remove = useEditFetcher();
  const action = `/accounts/${options.accountId}/outcomes/${outcome.id}`;
  return (
    <Disclosure summary={t("edit")} accessibleSummary={t("editFor", { title: outcome.title })} disclosure={disclosure} variant="ghost">
      <edit.fetcher.Form key={outcome.version} method="post" action={action} noValidate className="space-y-3">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={outcome.version} />
        <FormError message={edit.formError} />
        <OutcomeFields values={outcome} options={options} fieldError={edit.fieldError} />
        <Button disabled={edit.busy}>{edit.busy ? t("saving") : t("save")}</Button>
      </edit.fetcher.Form>
      <div className="mt-4 border-t border-slate-200 pt-3">
        <FormError message={remove.formError} />
        <ConfirmAction
          id={`delete-outcome-${outcome.id}`}
          Form={remove.fetcher.Form}
          action={action}
          fields={{ intent: "delete", version: String(outcome.version) }}
          label={t("delete")}
          accessibleLabel={t("deleteFor", { title: outcome.title })}
          prompt={t("outcome.deletePrompt", { title: outcome.title })}
          confirmLabel={t("delete")}
          cancelLabel={t("cancel")}
          busy={remove.busy}
        />
      </div>
    </Disclosure>
  );
}
