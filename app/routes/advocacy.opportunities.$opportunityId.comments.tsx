import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import {
  CaseStudyCommentSchema,
  ResolveCommentSchema,
  addCaseStudyComment,
  emailCaseStudyComment,
  resolveCaseStudyComment,
} from "~/domain/advocacy/case-study-comments.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { parseForm } from "~/lib/forms";
import { isId } from "~/lib/ids";
import { notFound, requestOrigin } from "~/lib/http.server";

/**
 * Marketing or the opportunity's owner comments on a case study version (intent "comment") or
 * resolves / reopens a comment ("resolve"). Other staff get 404 from the query.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  if (!isId(params.opportunityId)) notFound();
  const opportunityId = params.opportunityId;
  const form = await request.formData();
  if (form.get("intent") === "resolve") {
    const parsed = parseForm(ResolveCommentSchema, form);
    if (!parsed.ok) return data({ ok: false, fieldErrors: parsed.fieldErrors, formError: undefined }, { status: 400 });
    if (!(await resolveCaseStudyComment(actor, opportunityId, parsed.data)).ok) notFound();
    return { ok: true, fieldErrors: {}, formError: undefined };
  }
  const parsed = parseForm(CaseStudyCommentSchema, form);
  if (!parsed.ok) return data({ ok: false, fieldErrors: parsed.fieldErrors, formError: undefined }, { status: 400 });
  const result = await addCaseStudyComment(actor, { opportunityId }, parsed.data);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return data({ ok: false, fieldErrors: {}, formError: result.error }, { status: 409 });
  }
  await emailCaseStudyComment(result.id, requestOrigin(request));
  return { ok: true, fieldErrors: {}, formError: undefined };
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/advocacy/opportunities/${params.opportunityId}`);
}
