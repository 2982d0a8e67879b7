import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { ReviewSchema, reviewCaseStudy } from "~/domain/advocacy/case-studies.server";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

/** The advocate approves a case study version or requests changes; anyone else gets 404. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.versionId)) notFound();
  const parsed = await readSubmission(request, ReviewSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await reviewCaseStudy(actor, account.id, params.versionId, parsed.data);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return refuse(parsed.submission, "advocacyReview", result.error);
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

export const action = resourceAction(act);
