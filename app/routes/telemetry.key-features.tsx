import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listSegments } from "~/domain/people/accounts.server";
import { KeyFeatureInputSchema } from "~/domain/telemetry/key-feature-schema";
import {
  createKeyFeature,
  deleteKeyFeature,
  listKeyFeatures,
  updateKeyFeature,
} from "~/domain/telemetry/key-features.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { idField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { Button, ButtonLink } from "~/ui/button";
import { ConfirmAction } from "~/ui/confirm-action";
import { FormErrors, FormSelectField, FormTextField, formProps } from "~/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.keyFeatures");

const PATH = "/telemetry/key-features";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "telemetry.manage");
  const [features, segments] = await Promise.all([listKeyFeatures(), listSegments()]);
  return { features, segments };
}

const FeatureFields = KeyFeatureInputSchema.innerType().innerType();

/** One intent union; the feature's own rules (a filter is a key and a value) are the domain schema's. */
const ActionSchema = z
  .discriminatedUnion("intent", [
    FeatureFields.extend({ intent: z.literal("create") }),
    FeatureFields.extend({ intent: z.literal("update"), featureId: idField() }),
    z.object({ intent: z.literal("delete"), featureId: idField() }),
  ])
  .superRefine((input, ctx) => {
    if (input.intent === "delete") return;
    const feature = KeyFeatureInputSchema.safeParse(input);
    for (const issue of feature.success ? [] : feature.error.issues) ctx.addIssue(issue);
  });

/** Which field a refusal is about (the others go above the form). */
const ERROR_FIELD = { name_taken: "name", duplicate: "event", unknown_segment: "segmentId" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "telemetry.manage");
  const parsed = await readSubmission(request, ActionSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const t = serverT(actor.locale);
  if (input.intent === "delete") {
    const features = await listKeyFeatures();
    const target = features.find((feature) => feature.id === input.featureId);
    if (!target || !(await deleteKeyFeature(target.id))) {
      return refuse(parsed.submission, "keyFeature", "not_found");
    }
    return redirectWithNotice(PATH, t("telemetry:keyFeatures.deleted", { name: target.name }));
  }
  const feature = KeyFeatureInputSchema.parse(input);
  const result =
    input.intent === "create" ? await createKeyFeature(feature) : await updateKeyFeature(input.featureId, feature);
  if (!result.ok) {
    const field = result.error in ERROR_FIELD ? ERROR_FIELD[result.error as keyof typeof ERROR_FIELD] : undefined;
    return refuse(parsed.submission, "keyFeature", result.error, field);
  }
  return redirectWithNotice(
    PATH,
    t(input.intent === "create" ? "telemetry:keyFeatures.added" : "telemetry:keyFeatures.saved", {
      name: feature.name,
    }),
  );
}

export default function KeyFeaturesPage() {
  const { t } = useTranslation(["telemetry", "common"]);
  const { features, segments } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [params] = useSearchParams();
  const editing = features.find((feature) => feature.id === params.get("edit")) ?? null;
  const intent = editing ? "update" : "create";
  const lastResult = answer?.form?.initialValue?.intent === intent ? answer.form : undefined;
  const deleteError = answer?.form?.initialValue?.intent === "delete" ? answer.form : undefined;
  const [form, fields] = useForm({ id: editing ? `edit-${editing.id}` : "create", lastResult });
  const [deleteForm] = useForm({ id: "delete", lastResult: deleteError });

  return (
    <>
      <PageHeader
        title={t("keyFeatures.title")}
        description={t("keyFeatures.description")}
        actions={
          <ButtonLink to="/telemetry/write-keys" variant="secondary">
            {t("keyFeatures.writeKeysLink")}
          </ButtonLink>
        }
      />
      <div className="grid gap-8 lg:grid-cols-3">
        <section aria-labelledby="features-heading" className="min-w-0 space-y-3 lg:col-span-2">
          <h2 id="features-heading" className="text-base font-semibold text-slate-900">
            {t("keyFeatures.heading")}
          </h2>
          <FormErrors form={deleteForm} />
          {features.length === 0 ? (
            <EmptyState title={t("keyFeatures.emptyTitle")}>{t("keyFeatures.emptyBody")}</EmptyState>
          ) : (
            <Table
              caption={t("keyFeatures.caption")}
              head={[
                t("keyFeatures.name"),
                t("keyFeatures.event"),
                t("keyFeatures.filter"),
                t("keyFeatures.segment"),
                t("keyFeatures.actions"),
              ]}
            >
              {features.map((feature) => (
                <tr key={feature.id} className="align-top">
                  <Cell className="font-medium text-slate-900">{feature.name}</Cell>
                  <Cell className="font-mono">{feature.event}</Cell>
                  <Cell>
                    {feature.propertyKey ? (
                      <span className="font-mono">
                        {t("keyFeatures.filterValue", {
                          key: feature.propertyKey,
                          value: feature.propertyValue,
                          interpolation: { escapeValue: false },
                        })}
                      </span>
                    ) : (
                      <span className="text-slate-500">{t("keyFeatures.noFilter")}</span>
                    )}
                  </Cell>
                  <Cell>
                    {feature.segmentName ? (
                      <Badge tone="brand">{feature.segmentName}</Badge>
                    ) : (
                      <span className="text-slate-500">{t("keyFeatures.allSegments")}</span>
                    )}
                  </Cell>
                  <Cell className="min-w-48 whitespace-normal">
                    <div className="flex flex-wrap gap-2">
                      <Link
                        to={`${PATH}?edit=${feature.id}`}
                        aria-label={t("keyFeatures.editFor", { name: feature.name })}
                        className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
                      >
                        {t("keyFeatures.edit")}
                      </Link>
                      <ConfirmAction
                        id={`delete-${feature.id}`}
                        Form={Form}
                        action={PATH}
                        fields={{ intent: "delete", featureId: feature.id }}
                        label={t("keyFeatures.delete")}
                        accessibleLabel={t("keyFeatures.deleteFor", { name: feature.name })}
                        prompt={t("keyFeatures.confirmDelete", { name: feature.name })}
                        confirmLabel={t("keyFeatures.confirmDeleteYes")}
                        cancelLabel={t("common:actions.cancel")}
                        busy={busy}
                      />
                    </div>
                  </Cell>
                </tr>
              ))}
            </Table>
          )}
        </section>
        <div className="min-w-0">
          <Card title={editing ? t("keyFeatures.editHeading", { name: editing.name }) : t("keyFeatures.createHeading")}>
            <Form method="post" action={PATH} className="space-y-4" {...formProps(form)}>
              <FormErrors form={form} />
              <input type="hidden" name="intent" value={intent} />
              {editing ? <input type="hidden" name="featureId" value={editing.id} /> : null}
              <FormTextField
                meta={fields.name}
                label={t("keyFeatures.name")}
                hint={t("keyFeatures.nameHint")}
                autoComplete="off"
                maxLength={80}
                defaultValue={editing?.name}
              />
              <FormTextField
                meta={fields.event}
                label={t("keyFeatures.event")}
                hint={t("keyFeatures.eventHint")}
                autoComplete="off"
                maxLength={200}
                defaultValue={editing?.event}
              />
              <FormTextField
                meta={fields.propertyKey}
                label={t("keyFeatures.propertyKey")}
                hint={t("keyFeatures.propertyKeyHint")}
                autoComplete="off"
                maxLength={100}
                defaultValue={editing?.propertyKey ?? ""}
              />
              <FormTextField
                meta={fields.propertyValue}
                label={t("keyFeatures.propertyValue")}
                hint={t("keyFeatures.propertyValueHint")}
                autoComplete="off"
                maxLength={200}
                defaultValue={editing?.propertyValue ?? ""}
              />
              <FormSelectField
                meta={fields.segmentId}
                label={t("keyFeatures.segment")}
                hint={t("keyFeatures.segmentHint")}
                defaultValue={editing?.segmentId ?? ""}
                options={[
                  { value: "", label: t("keyFeatures.allSegments") },
                  ...segments.map((segment) => ({ value: segment.id, label: segment.name })),
                ]}
              />
              <div className="flex gap-2">
                <Button className="flex-1" disabled={busy}>
                  {editing ? t("keyFeatures.save") : t("keyFeatures.create")}
                </Button>
                {editing ? (
                  <ButtonLink to={PATH} variant="ghost">
                    {t("keyFeatures.cancel")}
                  </ButtonLink>
                ) : null}
              </div>
            </Form>
          </Card>
        </div>
      </div>
    </>
  );
}
