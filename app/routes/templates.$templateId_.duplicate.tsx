import type { ActionFunctionArgs } from "@remix-run/node";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { duplicateTemplate } from "~/domain/plans/template-editing.server";
import { getTemplate } from "~/domain/plans/templates.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { resourceAction } from "~/lib/forms.server";

/** Copies a template and opens the copy for editing. */
async function act({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "templates.manage");
  if (!isId(params.templateId)) notFound();
  const result = await duplicateTemplate(actor, params.templateId);
  if (!result.ok) notFound();
  const copy = await getTemplate(result.id);
  return redirectWithNotice(
    `/templates/${result.id}`,
    serverT(actor.locale)("templates:actions.duplicated", { name: copy?.name ?? "" }),
  );
}

export function loader() {
  notFound();
}

export const action = resourceAction(act);
