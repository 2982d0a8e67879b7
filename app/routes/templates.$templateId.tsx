import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { canInWorkspace } from "~/domain/auth/authorization";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listSegments } from "~/domain/people/accounts.server";
import { countPlansFromTemplate, updateTemplate } from "~/domain/plans/template-editing.server";
import { TEMPLATE_ERROR_FIELD, TemplateInputSchema, draftFromTemplate } from "~/domain/plans/template-schemas";
import { getTemplate } from "~/domain/plans/templates.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { todayIn } from "~/lib/format";
import { versionField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { pageTitle } from "~/lib/meta";
import { Button, ButtonLink } from "~/ui/button";
import { ConfirmAction } from "~/ui/confirm-action";
import { useReplyMessage } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";
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

const EditTemplateSchema = TemplateInputSchema.and(z.object({ version: versionField() }));

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "templates.manage");
  if (!isId(params.templateId)) notFound();
  const parsed = await readSubmission(request, EditTemplateSchema);
  if (!parsed.ok) return parsed.answer;
  const { version, ...input } = parsed.data;
  const result = await updateTemplate(actor, params.templateId, input, version);
  if (!result.ok) {
    // Gone since the page loaded (or never yours to change): the same 404 as a wrong id.
    if (result.error === "not_found" || result.error === "forbidden") notFound();
    return refuse(parsed.submission, "template", result.error, TEMPLATE_ERROR_FIELD[result.error]);
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
      <TemplateEditor
        key={`${template.id}-${template.version}`}
        initial={draft}
        segments={segments}
        version={template.version}
        reply={result?.form}
        today={today}
        cancelTo="/templates"
      />
    </>
  );
}
