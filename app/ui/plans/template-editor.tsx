import { useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TemplateDraft } from "~/domain/plans/template-schemas";
import type { FormReply } from "~/lib/forms";
import { Button, ButtonLink } from "~/ui/button";
import { SelectField, TextAreaField, TextField } from "~/ui/field";
import { FormErrors, formProps } from "~/ui/form";
import { Alert, Card } from "~/ui/layout";
import { type EditorDraft, editorDraft, moveRow, newRowKey, removeRow } from "./template-editor-state";
import { MilestoneRows } from "./template-milestone-rows";
import { TemplatePreview } from "./template-preview";
import { RowControls } from "./template-row-controls";
import { useTemplateFieldError } from "./use-template-field-error";

/**
 * The structured template editor: details, outcomes, milestones with their tasks, and a live
 * preview of the dated plan. Rows are added, removed and reordered in the browser; inputs carry
 * conform's names ("milestones[1].tasks[0].title") that the action's schema reads back into the same
 * shape, and the reply's errors are keyed by the same names.
 */
export function TemplateEditor({
  initial,
  segments,
  version,
  reply,
  today,
  cancelTo,
}: {
  initial: TemplateDraft;
  segments: { id: string; name: string }[];
  version?: number;
  reply?: FormReply;
  today: string;
  cancelTo: string;
}) {
  const { t } = useTranslation(["templates", "common"]);
  const fieldError = useTemplateFieldError();
  const [draft, setDraft] = useState<EditorDraft>(() => editorDraft(initial));
  const submitting = useNavigation().state === "submitting";
  // The inputs stay controlled (the preview follows them); conform carries the form's id and the reply.
  const [form] = useForm({ lastResult: reply });
  const errors = form.allErrors;
  const hasFieldErrors = Object.entries(errors).some(([name, keys]) => name !== "" && keys.length > 0);
  const setOutcomes = (update: (rows: EditorDraft["outcomes"]) => EditorDraft["outcomes"]) =>
    setDraft((current) => ({ ...current, outcomes: update(current.outcomes) }));
  const outcomeOptions = draft.outcomes.map((outcome, index) => ({
    value: outcome.key,
    label: outcome.title.trim() || t("editor.untitledOutcome", { number: index + 1 }),
  }));

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <Form method="post" className="space-y-6 lg:col-span-2" {...formProps(form)}>
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <FormErrors form={form} />
        {hasFieldErrors && !form.errors ? <Alert tone="error">{t("common:errors.formInvalid")}</Alert> : null}
        <Card title={t("editor.details")}>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField
              label={t("editor.name")}
              name="name"
              required
              maxLength={120}
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.target.value })}
              error={fieldError(errors.name)}
            />
            <SelectField
              label={t("editor.segment")}
              name="segmentId"
              hint={t("editor.segmentHint")}
              value={draft.segmentId ?? ""}
              onChange={(event) => setDraft({ ...draft, segmentId: event.target.value || null })}
              options={[
                { value: "", label: t("list.anySegment") },
                ...segments.map((segment) => ({ value: segment.id, label: segment.name })),
              ]}
              error={fieldError(errors.segmentId)}
            />
            <div className="sm:col-span-2">
              <TextAreaField
                label={t("editor.description")}
                name="description"
                value={draft.description}
                onChange={(event) => setDraft({ ...draft, description: event.target.value })}
                error={fieldError(errors.description)}
              />
            </div>
          </div>
        </Card>

        <Card title={t("editor.outcomesTitle")}>
          <p className="mb-4 text-sm text-slate-600">{t("editor.outcomesHint")}</p>
          {draft.outcomes.length === 0 ? <p className="mb-4 text-sm text-slate-500">{t("editor.noOutcomes")}</p> : null}
          <div className="space-y-4">
            {draft.outcomes.map((outcome, index) => {
              const name = (field: string) => `outcomes[${index}].${field}`;
              const legend = t("editor.outcome", { number: index + 1 });
              const update = (patch: Partial<typeof outcome>) =>
                setOutcomes((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
              return (
                <fieldset key={outcome.key} className="rounded-md p-3 ring-1 ring-slate-200">
                  <legend className="px-1 text-sm font-semibold text-slate-800">{legend}</legend>
                  <input type="hidden" name={name("key")} value={outcome.key} />
                  <div className="grid grid-cols-1 gap-3 sm:grid-cols-4">
                    <div className="sm:col-span-3">
                      <TextField
                        label={t("editor.outcomeTitle")}
                        name={name("title")}
                        value={outcome.title}
                        onChange={(e) => update({ title: e.target.value })}
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
                      value={outcome.dayOffset}
                      onChange={(e) => update({ dayOffset: e.target.value })}
                      error={fieldError(errors[name("dayOffset")])}
                    />
                    <div className="sm:col-span-2">
                      <TextAreaField
                        label={t("editor.why")}
                        name={name("why")}
                        value={outcome.why}
                        onChange={(e) => update({ why: e.target.value })}
                        error={fieldError(errors[name("why")])}
                      />
                    </div>
                    <div className="sm:col-span-2">
                      <TextAreaField
                        label={t("editor.successCriteria")}
                        name={name("successCriteria")}
                        value={outcome.successCriteria}
                        onChange={(e) => update({ successCriteria: e.target.value })}
                        error={fieldError(errors[name("successCriteria")])}
                      />
                    </div>
                  </div>
                  <RowControls
                    name={legend}
                    index={index}
                    count={draft.outcomes.length}
                    onMove={(delta) => setOutcomes((rows) => moveRow(rows, index, delta))}
                    onRemove={() =>
                      setDraft((current) => ({
                        ...current,
                        outcomes: removeRow(current.outcomes, index),
                        // Milestones linked to it lose the link rather than point at nothing.
                        milestones: current.milestones.map((m) =>
                          m.outcomeKey === outcome.key ? { ...m, outcomeKey: null } : m,
                        ),
                      }))
                    }
                  />
                </fieldset>
              );
            })}
          </div>
          {errors.outcomes ? (
            <p className="mt-2 text-sm text-red-700" role="alert">
              {fieldError(errors.outcomes)}
            </p>
          ) : null}
          <Button
            type="button"
            variant="secondary"
            className="mt-4"
            onClick={() =>
              setOutcomes((rows) => [
                ...rows,
                { key: newRowKey("o"), title: "", why: "", successCriteria: "", dayOffset: "" },
              ])
            }
          >
            {t("editor.addOutcome")}
          </Button>
        </Card>

        <MilestoneRows draft={draft} setDraft={setDraft} errors={errors} outcomeOptions={outcomeOptions} />

        <div className="flex justify-end gap-2">
          <ButtonLink to={cancelTo} variant="ghost">
            {t("editor.cancel")}
          </ButtonLink>
          <Button disabled={submitting}>{submitting ? t("common:actions.saving") : t("editor.save")}</Button>
        </div>
      </Form>
      <div className="lg:col-span-1">
        <div className="lg:sticky lg:top-4">
          <TemplatePreview draft={draft} today={today} />
        </div>
      </div>
    </div>
  );
}
