import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { withdrawConsent } from "~/domain/advocacy/consents.server";
import { requireActor } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { readSubmission, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const WithdrawSchema = z.object({ intent: z.literal("withdraw") });

/** Withdraws one of the signed-in person's consents; anyone else's (or an unknown one) is 404. */
async function act({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!isId(params.consentId)) notFound();
  const parsed = await readSubmission(request, WithdrawSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await withdrawConsent(actor, params.consentId);
  if (!result.ok) notFound();
  return redirectWithNotice("/settings", serverT(actor.locale)("advocacy:consents.withdrawn"));
}

export async function loader() {
  return redirect("/settings");
}

export const action = resourceAction(act);
