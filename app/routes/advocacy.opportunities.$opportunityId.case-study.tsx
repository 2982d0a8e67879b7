import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { DraftSchema, saveDraft, sendForReview } from "~/domain/advocacy/case-studies.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const CaseStudyActionSchema = z.discriminatedUnion("intent", [
  DraftSchema.extend({
    intent: z.literal("save"),
    // One checked fact posts a string, several an array, none nothing.
    facts: z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      DraftSchema.shape.facts,
    ),
  }),
  z.object({ intent: z.literal("send") }),
]);

/** Marketing saves a new version of a case study's draft (intent "save") or sends the latest for review ("send"). */
async function act({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.manage");
  if (!isId(params.opportunityId)) notFound();
  const id = params.opportunityId;
  const parsed = await readSubmission(request, CaseStudyActionSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const t = serverT(actor.locale);
  const back = `/advocacy/opportunities/${id}`;
  if (input.intent === "send") {
    const result = await sendForReview(actor, id);
    if (!result.ok) {
      if (result.error === "not_found") notFound();
      return refuse(parsed.submission, "advocacyCaseStudy", result.error);
    }
    return redirectWithNotice(back, t("advocacy:caseStudy.sent"));
  }
  const result = await saveDraft(actor, id, { title: input.title, body: input.body, facts: input.facts });
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return refuse(parsed.submission, "advocacyCaseStudy", result.error);
  }
  return redirectWithNotice(back, t("advocacy:caseStudy.saved", { version: String(result.version) }));
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/advocacy/opportunities/${params.opportunityId}`);
}

export const action = resourceAction(act);
