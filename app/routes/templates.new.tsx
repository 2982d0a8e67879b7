import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listSegments } from "~/domain/people/accounts.server";
import { createTemplate } from "~/domain/plans/template-editing.server";
import { type TemplateDraft, TemplateInputSchema } from "~/domain/plans/template-schemas";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { todayIn } from "~/lib/format";
import { parseNestedForm } from "~/lib/forms";
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
  const parsed = parseNestedForm(TemplateInputSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await createTemplate(actor, parsed.data);
  if (!result.ok) {
    const fieldErrors: Record<string, string> =
      result.error === "name_taken"
        ? { name: "template.nameTaken" }
        : result.error === "unknown_segment"
          ? { segmentId: "template.segmentInvalid" }
          : { form: "form.malformed" };
    return data({ fieldErrors }, { status: result.error === "name_taken" ? 409 : 400 });
  }
  return redirectWithNotice("/templates", serverT(actor.locale)("templates:editor.saved", { name: parsed.data.name }));
}

export default function NewTemplate() {
  const { t } = useTranslation("templates");
  const { initial, segments, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("editor.newTitle")} />
      <TemplateEditor
        initial={initial}
        segments={segments}
        errors={result?.fieldErrors ?? {}}
        today={today}
        cancelTo="/templates"
      />
    </>
  );
}
