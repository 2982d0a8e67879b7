import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { respondToReferenceRequest } from "~/domain/advocacy/references.server";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const AnswerSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("decline") }),
]);

/** The advocate answers a reference call request; anyone else gets 404. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.requestId)) notFound();
  const parsed = await readSubmission(request, AnswerSchema);
  if (!parsed.ok) return parsed.answer;
  const { intent } = parsed.data;
  const result = await respondToReferenceRequest(actor, account.id, params.requestId, intent);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return refuse(parsed.submission, "advocacyAsk", result.error);
  }
  return redirectWithNotice(
    `/accounts/${account.id}`,
    serverT(actor.locale)(intent === "accept" ? "advocacy:referenceAsk.accepted" : "advocacy:referenceAsk.declined"),
  );
}

export async function loader({ params }: ActionFunctionArgs) {
  return redirect(`/accounts/${params.accountId}`);
}

export const action = resourceAction(act);
