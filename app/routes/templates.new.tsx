import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listSegments } from "~/domain/people/accounts.server";
import { createTemplate } from "~/domain/plans/template-editing.server";
import { TEMPLATE_ERROR_FIELD, type TemplateDraft, TemplateInputSchema } from "~/domain/plans/template-schemas";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { todayIn } from "~/lib/format";
import { readSubmission, refuse } from "~/lib/forms.server";
import { newId } from "~/lib/ids.server";
import { pageTitle } from "~/lib/meta";
import { PageHeader } from "~/ui/layout";
import { TemplateEditor } from "~/ui/plans/template-editor";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.newTemplate");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "templates.manage");
  const segment = new URL(request.url).searchParams.get("segment");
  const segments = await listSegments();
  // A first milestone at Day 30 to start from; its key comes from the server so both renders agree.
  const initial: TemplateDraft = {
    name: "",
    description: "",
    segmentId: segments.some((s) => s.id === segment) ? segment : null,
    outcomes: [],
    milestones: [{ key: `m${newId()}`, title: "", description: "", dayOffset: 30, outcomeKey: null, tasks: [] }],
  };
  return { initial, segments, today: todayIn(actor.timeZone) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "templates.manage");
  const parsed = await readSubmission(request, TemplateInputSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await createTemplate(actor, parsed.data);
  if (!result.ok) return refuse(parsed.submission, "template", result.error, TEMPLATE_ERROR_FIELD[result.error]);
  return redirectWithNotice("/templates", serverT(actor.locale)("templates:editor.saved", { name: parsed.data.name }));
}

export default function NewTemplate() {
  const { t } = useTranslation("templates");
  const { initial, segments, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("editor.newTitle")} />
      <TemplateEditor initial={initial} segments={segments} reply={result?.form} today={today} cancelTo="/templates" />
    </>
  );
}
