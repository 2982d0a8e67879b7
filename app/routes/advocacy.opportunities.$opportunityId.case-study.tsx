import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { DraftSchema, saveDraft, sendForReview } from "~/domain/advocacy/case-studies.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const STATUS = { wrong_stage: 409, no_draft: 409, unknown_fact: 400, needs_consent: 409 } as const;

/** Marketing saves a new version of a case study's draft (intent "save") or sends the latest for review ("send"). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.manage");
  if (!isId(params.opportunityId)) notFound();
  const id = params.opportunityId;
  const form = await request.formData();
  const t = serverT(actor.locale);
  const back = `/advocacy/opportunities/${id}`;
  if (form.get("intent") === "send") {
    const result = await sendForReview(actor, id);
    if (!result.ok) {
      if (result.error === "not_found") notFound();
      return data({ fieldErrors: {}, formError: result.error }, { status: STATUS[result.error] });
    }
    return redirectWithNotice(back, t("advocacy:caseStudy.sent"));
  }
  const parsed = DraftSchema.safeParse({
    title: form.get("title") ?? "",
    body: form.get("body") ?? "",
    facts: form.getAll("facts"),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fieldErrors[String(issue.path[0])] ??= issue.message.includes(".") ? issue.message : "field.required";
    return data({ fieldErrors, formError: undefined }, { status: 400 });
  }
  const result = await saveDraft(actor, id, parsed.data);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return data({ fieldErrors: {}, formError: result.error }, { status: STATUS[result.error] });
  }
  return redirectWithNotice(back, t("advocacy:caseStudy.saved", { version: String(result.version) }));
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/advocacy/opportunities/${params.opportunityId}`);
}
