import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { MEASURE_KEYS } from "~/domain/health/measures";
import { listEditableModels, previewModel, saveModel } from "~/domain/health/model-editor.server";
import { CUSTOMER_MEASURE_CHOICES, DEFAULT_MODEL, type GradeCounts, ModelDraftSchema } from "~/domain/health/schemas";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatDateTime, formatNumber } from "~/lib/format";
import { readSubmission, refuse } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { CheckboxField } from "~/ui/field";
import { FormErrors, FormTextField, formProps, useFormMessage, useFormReply } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.healthModels");

/** The health scoring models (admins): the default and each segment's, the editor with its preview. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "health.models");
  const models = await listEditableModels();
  const wanted = new URL(request.url).searchParams.get("model") ?? DEFAULT_MODEL;
  const selected = models.find((model) => model.key === wanted) ?? models[0]!;
  return { timeZone: actor.timeZone, models, selected };
}

const ActionSchema = ModelDraftSchema.and(z.object({ intent: z.enum(["preview", "save"]) }));

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "health.models");
  const parsed = await readSubmission(request, ActionSchema);
  if (!parsed.ok) return parsed.answer;
  const draft = parsed.data;
  if (draft.intent === "preview") {
    return data({ form: parsed.submission.reply(), preview: await previewModel(draft) });
  }
  const result = await saveModel(actor, draft);
  if (!result.ok) return refuse(parsed.submission, "healthModel", result.error);
  return redirectWithNotice(
    `/health/models?model=${encodeURIComponent(draft.segment)}`,
    serverT(actor.locale)("health:models.saved", { version: result.version }),
  );
}

type DraftFields = {
  segment: string;
  weights: Record<(typeof MEASURE_KEYS)[number], string>;
  redBelow: string;
  greenFrom: string;
  customerMeasures: string[];
};

const GRADE_ROWS = ["green", "yellow", "red", "none"] as const;

function PreviewTable({ preview }: { preview: { now: GradeCounts; draft: GradeCounts } }) {
  const { t } = useTranslation("health");
  const locale = useRootData()?.locale ?? "en";
  return (
    <Table
      caption={t("models.previewCaption")}
      head={[t("models.previewGrade"), t("models.previewNow"), t("models.previewDraft")]}
    >
      {GRADE_ROWS.map((grade) => (
        <tr key={grade}>
          <Cell className="font-medium">{grade === "none" ? t("noData") : t(`grades.${grade}`)}</Cell>
          <Cell className="tabular-nums">{formatNumber(preview.now[grade], locale)}</Cell>
          <Cell className="tabular-nums">{formatNumber(preview.draft[grade], locale)}</Cell>
        </tr>
      ))}
    </Table>
  );
}

export default function HealthModels() {
  const { t } = useTranslation("health");
  const { models, selected, timeZone } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const locale = useRootData()?.locale ?? "en";
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useForm<DraftFields>({ lastResult: useFormReply(answer?.form) });
  const weights = fields.weights.getFieldset();
  // The pipeline's helpers take a form of any shape; this one's is typed for its nested weights.
  const anyForm = form as unknown as Parameters<typeof formProps>[0];
  const message = useFormMessage();
  const typedMeasures = fields.customerMeasures.initialValue;
  const shownMeasures =
    typedMeasures === undefined
      ? selected.customerMeasures
      : Array.isArray(typedMeasures)
        ? typedMeasures
        : [typedMeasures];
  const preview = answer && "preview" in answer ? (answer.preview as { now: GradeCounts; draft: GradeCounts }) : null;
  const nameOf = (model: { key: string; segmentName: string | null }) =>
    model.key === DEFAULT_MODEL ? t("models.default") : model.segmentName!;

  return (
    <>
      <PageHeader title={t("models.title")} description={t("models.description")} />
      <div className="space-y-6">
        <Card title={t("models.listHeading")}>
          <Table
            caption={t("models.listCaption")}
            head={[t("models.model"), t("models.version"), t("models.weightsColumn"), t("models.thresholdsColumn")]}
          >
            {models.map((model) => (
              <tr key={model.key} aria-current={model.key === selected.key ? "true" : undefined}>
                <Cell className="font-medium">
                  <Link
                    to={`?model=${encodeURIComponent(model.key)}`}
                    className="text-brand-700 hover:underline"
                    preventScrollReset
                  >
                    {nameOf(model)}
                  </Link>
                </Cell>
                <Cell>
                  {model.version === null ? t("models.usesDefault") : t("models.versionN", { version: model.version })}
                </Cell>
                <Cell className="text-xs">
                  {MEASURE_KEYS.map((key) => `${t(`measures.${key}`)} ${model.weights[key]}`).join(" · ")}
                </Cell>
                <Cell className="text-xs">
                  {t("models.thresholdsText", { red: model.redBelow, green: model.greenFrom })}
                </Cell>
              </tr>
            ))}
          </Table>
        </Card>

        <Card title={t("models.editHeading", { name: nameOf(selected) })}>
          <p className="mb-4 text-sm text-slate-700" role="status">
            {selected.version === null
              ? t("models.currentDefault")
              : t("models.current", {
                  version: selected.version,
                  when: selected.savedAt ? formatDateTime(selected.savedAt, locale, timeZone) : "",
                })}
          </p>
          <Form method="post" className="space-y-5" key={selected.key} {...formProps(anyForm)}>
            <input type="hidden" name="segment" value={selected.key} />
            <FormErrors form={anyForm} />
            <fieldset aria-describedby={weights.adoption.id + "-sum"}>
              <legend className="text-sm font-semibold text-slate-900">{t("models.weightsLegend")}</legend>
              <p className="mb-2 text-xs text-slate-500">{t("models.weightsHint")}</p>
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
                {MEASURE_KEYS.map((key) => (
                  <FormTextField
                    key={key}
                    meta={weights[key]}
                    label={t(`measures.${key}`)}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100}
                    step={1}
                    defaultValue={String(selected.weights[key])}
                  />
                ))}
              </div>
              {fields.weights.errors ? (
                <p id={weights.adoption.id + "-sum"} className="mt-2 text-sm text-red-700" role="alert">
                  {message(fields.weights.errors)}
                </p>
              ) : null}
            </fieldset>
            <fieldset>
              <legend className="text-sm font-semibold text-slate-900">{t("models.thresholdsLegend")}</legend>
              <p className="mb-2 text-xs text-slate-500">{t("models.thresholdsHint")}</p>
              <div className="grid max-w-md grid-cols-2 gap-3">
                <FormTextField
                  meta={fields.redBelow}
                  label={t("models.redBelow")}
                  type="number"
                  inputMode="numeric"
                  defaultValue={String(selected.redBelow)}
                />
                <FormTextField
                  meta={fields.greenFrom}
                  label={t("models.greenFrom")}
                  type="number"
                  inputMode="numeric"
                  defaultValue={String(selected.greenFrom)}
                />
              </div>
            </fieldset>
            <fieldset>
              <legend className="text-sm font-semibold text-slate-900">{t("models.customerLegend")}</legend>
              <p className="mb-2 text-xs text-slate-500">{t("models.customerHint")}</p>
              <div className="grid gap-2 sm:grid-cols-3">
                {CUSTOMER_MEASURE_CHOICES.map((key) => (
                  <CheckboxField
                    key={key}
                    name="customerMeasures"
                    value={key}
                    label={t(`measures.${key}`)}
                    defaultChecked={shownMeasures.includes(key)}
                  />
                ))}
              </div>
            </fieldset>
            <div className="flex flex-wrap gap-2">
              <Button name="intent" value="preview" variant="secondary" disabled={busy}>
                {t("models.preview")}
              </Button>
              <Button name="intent" value="save" disabled={busy}>
                {t("models.save", { version: (selected.version ?? 0) + 1 })}
              </Button>
            </div>
          </Form>
        </Card>

        {preview ? (
          <Card title={t("models.previewHeading")}>
            <PreviewTable preview={preview} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
