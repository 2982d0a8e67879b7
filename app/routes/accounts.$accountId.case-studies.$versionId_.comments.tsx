import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import {
  CaseStudyCommentSchema,
  addCaseStudyComment,
  emailCaseStudyComment,
} from "~/domain/advocacy/case-study-comments.server";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { parseForm } from "~/lib/forms";
import { isId } from "~/lib/ids";
import { notFound, requestOrigin } from "~/lib/http.server";

/** The advocate or a champion comments on the case study version in review; anyone else gets 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.versionId)) notFound();
  const form = await request.formData();
  form.set("versionId", params.versionId);
  const parsed = parseForm(CaseStudyCommentSchema, form);
  if (!parsed.ok) return data({ ok: false, fieldErrors: parsed.fieldErrors, formError: undefined }, { status: 400 });
  const result = await addCaseStudyComment(actor, { accountId: account.id }, parsed.data);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return data({ ok: false, fieldErrors: {}, formError: result.error }, { status: 409 });
  }
  await emailCaseStudyComment(result.id, requestOrigin(request));
  return { ok: true, fieldErrors: {}, formError: undefined };
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}`);
}
