import { type ActionFunctionArgs, data } from "@remix-run/node";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { deleteTemplate } from "~/domain/plans/template-editing.server";
import { getTemplate } from "~/domain/plans/templates.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";

/** Deletes a template at the version the page showed; plans made from it keep their content. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "templates.manage");
  if (!isId(params.templateId)) notFound();
  const template = await getTemplate(params.templateId);
  if (!template) notFound();
  const version = Number((await request.formData()).get("version"));
  const result = await deleteTemplate(actor, template.id, version);
  if (!result.ok) {
    if (result.error === "stale") return data({ error: "stale" }, { status: 409 });
    notFound();
  }
  return redirectWithNotice("/templates", serverT(actor.locale)("templates:actions.deleted", { name: template.name }));
}

export function loader() {
  notFound();
}
