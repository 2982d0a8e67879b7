import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { ReviewSchema, reviewCaseStudy } from "~/domain/advocacy/case-studies.server";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

/** The advocate approves a case study version or requests changes; anyone else gets 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.versionId)) notFound();
  const parsed = parseForm(ReviewSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formError: undefined }, { status: 400 });
  const result = await reviewCaseStudy(actor, account.id, params.versionId, parsed.data);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return data({ fieldErrors: {}, formError: result.error }, { status: 409 });
  }
  const t = serverT(actor.locale);
  return redirectWithNotice(
    `/accounts/${account.id}`,
    t(parsed.data.decision === "approve" ? "advocacy:caseStudy.approved" : "advocacy:caseStudy.changesRequested"),
  );
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}`);
}
