import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { deleteTemplate } from "~/domain/plans/template-editing.server";
import { getTemplate } from "~/domain/plans/templates.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { versionField } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";

const DeleteSchema = z.object({ version: versionField() });

/** Deletes a template at the version the page showed; plans made from it keep their content. */
async function act({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "templates.manage");
  if (!isId(params.templateId)) notFound();
  const template = await getTemplate(params.templateId);
  if (!template) notFound();
  const parsed = await readSubmission(request, DeleteSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await deleteTemplate(actor, template.id, parsed.data.version);
  if (!result.ok) {
    // Gone since the page loaded (or never yours to see): the same 404 as a wrong id.
    if (result.error !== "stale") notFound();
    return refuse(parsed.submission, "template", result.error);
  }
  return redirectWithNotice("/templates", serverT(actor.locale)("templates:actions.deleted", { name: template.name }));
}

export function loader() {
  notFound();
}

export const action = resourceAction(act);
