import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canInWorkspace } from "~/domain/auth/authorization";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listSegments } from "~/domain/people/accounts.server";
import { countPlansFromTemplate, updateTemplate } from "~/domain/plans/template-editing.server";
import { TemplateInputSchema, draftFromTemplate } from "~/domain/plans/template-schemas";
import { getTemplate } from "~/domain/plans/templates.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { todayIn } from "~/lib/format";
import { parseNestedForm } from "~/lib/forms";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { pageTitle } from "~/lib/meta";
import { Button, ButtonLink } from "~/ui/button";
import { ConfirmAction } from "~/ui/confirm-action";
import { useReplyMessage } from "~/ui/form";
import { Alert, Card, PageHeader } from "~/ui/layout";
import { TemplateEditor } from "~/ui/plans/template-editor";
import { TemplatePreview } from "~/ui/plans/template-preview";
import type { action as deleteAction } from "./templates.$templateId_.delete";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "common:titles.template", { name: data?.template.name ?? "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "templates.view");
  if (!isId(params.templateId)) notFound();
  const template = await getTemplate(params.templateId);
  if (!template) notFound();
  const canManage = canInWorkspace(actor, "templates.manage");
  const [segments, planCount] = canManage
    ? await Promise.all([listSegments(), countPlansFromTemplate(template.id)])
    : [[], 0];
  return {
    template: { id: template.id, name: template.name, version: template.version },
    draft: draftFromTemplate(template),
    canManage,
    segments,
    planCount,
    today: todayIn(actor.timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "templates.manage");
  if (!isId(params.templateId)) notFound();
  const form = await request.formData();
  const parsed = parseNestedForm(TemplateInputSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formError: null }, { status: 400 });
  const result = await updateTemplate(actor, params.templateId, parsed.data, Number(form.get("version")));
  if (!result.ok) {
    if (result.error === "not_found" || result.error === "forbidden") notFound();
    const t = serverT(actor.locale);
    if (result.error === "stale")
      return data({ fieldErrors: {}, formError: t("templates:errors.stale") }, { status: 409 });
    const fieldErrors: Record<string, string> =
      result.error === "name_taken" ? { name: "template.nameTaken" } : { segmentId: "template.segmentInvalid" };
    return data({ fieldErrors, formError: null }, { status: result.error === "name_taken" ? 409 : 400 });
  }
  return redirectWithNotice("/templates", serverT(actor.locale)("templates:editor.saved", { name: parsed.data.name }));
}

function TemplateActions({ id, version, planCount }: { id: string; version: number; planCount: number }) {
  const { t } = useTranslation(["templates", "common"]);
  const deleting = useFetcher<typeof deleteAction>();
  const deleteError = useReplyMessage(deleting.data);
  const duplicating = useNavigation().formAction === `/templates/${id}/duplicate`;
  return (
    <div className="flex flex-wrap items-start gap-2">
      <Form method="post" action={`/templates/${id}/duplicate`}>
        <Button variant="secondary" disabled={duplicating}>
          {t("actions.duplicate")}
        </Button>
      </Form>
      <div>
        <ConfirmAction
          id="delete"
          Form={deleting.Form}
          action={`/templates/${id}/delete`}
          fields={{ version: String(version) }}
          label={t("actions.delete")}
          prompt={planCount === 0 ? t("actions.deletePromptUnused") : t("actions.deletePrompt", { count: planCount })}
          confirmLabel={t("actions.deleteConfirm")}
          cancelLabel={t("common:actions.cancel")}
          busy={deleting.state !== "idle"}
        />
        {deleteError ? (
          <p role="alert" className="mt-2 max-w-sm text-sm text-red-700">
            {deleteError}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export default function TemplatePage() {
  const { t } = useTranslation(["templates", "common"]);
  const { template, draft, canManage, segments, planCount, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!canManage) {
    return (
      <>
        <PageHeader
          title={t("editor.viewTitle", { name: template.name })}
          description={draft.description}
          actions={
            <ButtonLink to="/templates" variant="ghost">
              {t("common:actions.back")}
            </ButtonLink>
          }
        />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <Card title={t("editor.outcomesTitle")} className="lg:col-span-1">
            {draft.outcomes.length === 0 ? (
              <p className="text-sm text-slate-500">{t("editor.noOutcomes")}</p>
            ) : (
              <ul className="space-y-3">
                {draft.outcomes.map((outcome) => (
                  <li key={outcome.key}>
                    <div className="font-medium text-slate-900">{outcome.title}</div>
                    {outcome.successCriteria ? (
                      <div className="text-sm text-slate-600">{outcome.successCriteria}</div>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <div className="lg:col-span-2">
            <TemplatePreview draft={draft} today={today} />
          </div>
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t("editor.editTitle", { name: template.name })}
        actions={<TemplateActions id={template.id} version={template.version} planCount={planCount} />}
      />
      {result?.formError ? (
        <div className="mb-4">
          <Alert tone="error">{result.formError}</Alert>
        </div>
      ) : null}
      <TemplateEditor
        key={`${template.id}-${template.version}`}
        initial={draft}
        segments={segments}
        version={template.version}
        errors={result?.fieldErrors ?? {}}
        today={today}
        cancelTo="/templates"
      />
    </>
  );
}
