import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { PlaybookInputSchema, STEP_KINDS, TRIGGER_KINDS, stepRows } from "~/domain/interventions/playbook-rules";
import {
  createPlaybook,
  getPlaybook,
  listSegmentChoices,
  playbookMeasures,
  updatePlaybook,
} from "~/domain/interventions/playbooks.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatNumber } from "~/lib/format";
import { readSubmission, refuse } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink } from "~/ui/button";
import {
  FormCheckboxField,
  FormErrors,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
  formProps,
  useFormMessage,
  useFormReply,
} from "~/ui/form";
import { SelectField, TextField } from "~/ui/field";
import { Card, Facts, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.playbooks");

async function load(playbookId: string | undefined) {
  if (playbookId === "new") return null;
  if (!isId(playbookId)) notFound();
  const playbook = await getPlaybook(playbookId);
  if (!playbook) notFound();
  return playbook;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireWorkspace(request, "playbooks.manage");
  const playbook = await load(params.playbookId);
  const [segments, measures] = await Promise.all([
    listSegmentChoices(),
    playbook ? playbookMeasures(playbook.id) : null,
  ]);
  return {
    playbook: playbook
      ? {
          id: playbook.id,
          name: playbook.name,
          description: playbook.description,
          enabled: playbook.enabled,
          trigger: playbook.trigger,
          segmentIds: playbook.segmentIds,
          steps: playbook.steps,
          version: playbook.version,
        }
      : null,
    segments,
    measures,
  };
}

const SaveSchema = PlaybookInputSchema.and(
  z.object({
    version: z
      .string()
      .regex(/^\d{1,9}$/, "field.invalid")
      .optional(),
  }),
);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "playbooks.manage");
  const playbook = await load(params.playbookId);
  const parsed = await readSubmission(request, SaveSchema);
  if (!parsed.ok) return parsed.answer;
  const { version, ...input } = parsed.data;
  const result = playbook
    ? await updatePlaybook(actor, playbook.id, Number(version ?? -1), input)
    : await createPlaybook(actor, input);
  if (!result.ok)
    return refuse(
      parsed.submission,
      "playbook",
      result.error,
      result.error === "unknown_segment" ? "segmentIds" : undefined,
    );
  const t = serverT(actor.locale);
  return redirectWithNotice(
    `/playbooks/${result.id}`,
    t(playbook ? "interventions:playbooks.saved" : "interventions:playbooks.createdNotice"),
  );
}

/**
 * Keyed by the playbook and its version: after "create" or "save" redirects here, the form starts
 * again from what was stored, not from the fields of the submission before.
 */
export default function PlaybookPage() {
  const { playbook } = useLoaderData<typeof loader>();
  return <PlaybookEditor key={playbook ? `${playbook.id}:${playbook.version}` : "new"} />;
}

function PlaybookEditor() {
  const { t } = useTranslation(["interventions", "common"]);
  const { playbook, segments, measures } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const locale = useRootData()?.locale ?? "en";
  const [form, fields] = useForm({ lastResult: useFormReply(answer?.form) });
  const rows = stepRows(playbook?.steps ?? [{ kind: "remind_assignee", delayDays: 0 }]);
  const message = useFormMessage();
  const stepErrors = message(fields.steps.errors);
  const triggerDays = playbook && "days" in playbook.trigger ? String(playbook.trigger.days) : "";
  return (
    <>
      <PageHeader
        title={playbook ? playbook.name : t("playbooks.newTitle")}
        description={playbook ? t("playbooks.editTitle") : t("playbooks.description")}
      />
      <div className="space-y-6">
        {measures ? (
          <Card title={t("playbooks.measuresHeading")}>
            <Facts
              items={[
                { label: t("playbooks.measures.started"), value: formatNumber(measures.started, locale) },
                { label: t("playbooks.measures.open"), value: formatNumber(measures.open, locale) },
                { label: t("playbooks.measures.resolved7"), value: formatNumber(measures.resolved7, locale) },
                { label: t("playbooks.measures.resolved14"), value: formatNumber(measures.resolved14, locale) },
                {
                  label: t("playbooks.measures.median"),
                  value:
                    measures.medianDays === null
                      ? t("playbooks.measures.none")
                      : t("playbooks.measures.medianValue", {
                          days: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(measures.medianDays),
                        }),
                },
              ]}
            />
          </Card>
        ) : null}
        <Form method="post" className="space-y-6" {...formProps(form)}>
          {playbook ? <input type="hidden" name="version" value={playbook.version} /> : null}
          <FormErrors form={form} />
          <Card title={playbook ? t("playbooks.editTitle") : t("playbooks.newTitle")}>
            <div className="space-y-4">
              <FormTextField meta={fields.name} label={t("playbooks.name")} defaultValue={playbook?.name} required />
              <FormTextAreaField
                meta={fields.description}
                label={t("playbooks.descriptionLabel")}
                defaultValue={playbook?.description}
              />
              <FormCheckboxField
                meta={fields.enabled}
                label={t("playbooks.enabled")}
                defaultChecked={playbook?.enabled ?? true}
              />
              <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                <FormSelectField
                  meta={fields.triggerKind}
                  label={t("playbooks.trigger")}
                  defaultValue={playbook?.trigger.kind ?? "task_overdue"}
                  options={TRIGGER_KINDS.map((kind) => ({ value: kind, label: t(`playbooks.triggers.${kind}`) }))}
                />
                <FormTextField
                  meta={fields.triggerDays}
                  label={t("playbooks.triggerDays")}
                  inputMode="numeric"
                  defaultValue={triggerDays}
                />
              </div>
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">{t("playbooks.audience")}</legend>
                <p className="text-sm text-slate-500">{t("playbooks.audienceHint")}</p>
                <div className="mt-2 flex flex-wrap gap-4">
                  {segments.map((segment) => (
                    <label key={segment.id} className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        name="segmentIds"
                        value={segment.id}
                        defaultChecked={playbook?.segmentIds.includes(segment.id)}
                      />
                      {segment.name}
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
          </Card>
          <Card title={t("playbooks.stepsHeading")}>
            <p className="mb-3 text-sm text-slate-500">{t("playbooks.stepsHint")}</p>
            {stepErrors ? (
              <p role="alert" id={fields.steps.errorId} className="mb-3 text-sm text-red-700">
                {stepErrors}
              </p>
            ) : null}
            <ol className="space-y-3">
              {rows.map((row, index) => {
                const errors = answer?.form?.error ?? {};
                return (
                  <li key={index} className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_12rem]">
                    <SelectField
                      name={`steps[${index}].kind`}
                      form={form.id}
                      label={t("playbooks.stepKind", { number: String(index + 1) })}
                      defaultValue={row.kind}
                      error={message(errors[`steps[${index}].kind`] ?? undefined)}
                      options={[
                        { value: "", label: t("playbooks.noStep") },
                        ...STEP_KINDS.map((kind) => ({ value: kind, label: t(`playbooks.stepKinds.${kind}`) })),
                      ]}
                    />
                    <TextField
                      name={`steps[${index}].delayDays`}
                      form={form.id}
                      label={t("playbooks.stepDelay", { number: String(index + 1) })}
                      inputMode="numeric"
                      defaultValue={row.delayDays}
                      error={message(errors[`steps[${index}].delayDays`] ?? undefined)}
                    />
                  </li>
                );
              })}
            </ol>
          </Card>
          <div className="flex justify-end gap-2">
            <ButtonLink to="/playbooks" variant="ghost">
              {t("common:actions.cancel")}
            </ButtonLink>
            <Button disabled={submitting}>{playbook ? t("playbooks.save") : t("playbooks.create")}</Button>
          </div>
        </Form>
      </div>
    </>
  );
}
