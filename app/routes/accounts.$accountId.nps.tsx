import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { answerNps, NpsInputSchema } from "~/domain/advocacy/nps.server";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";

const NpsSchema = z.discriminatedUnion("intent", [
  NpsInputSchema.extend({ intent: z.literal("answer") }),
  z.object({ intent: z.literal("dismiss") }),
]);

/** A customer person answers the NPS survey (intent "answer", score 0–10 + comment) or dismisses it. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireAccountAccess(request, params.accountId, "account.view");
  // Staff viewing an account are never surveyed; there is nothing here for them.
  if (actor.kind !== "customer") notFound();
  const parsed = await readSubmission(request, NpsSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const result =
    input.intent === "dismiss"
      ? await answerNps(actor, { kind: "dismiss" })
      : await answerNps(actor, { kind: "score", input: { score: input.score, comment: input.comment } });
  if (!result.ok) return refuse(parsed.submission, "advocacyNps", result.error);
  // A redirect, so the home page reloads without the survey and says thank you.
  return redirectWithNotice(
    `/accounts/${actor.accountId}`,
    serverT(actor.locale)(input.intent === "dismiss" ? "advocacy:nps.dismissed" : "advocacy:nps.thanks"),
  );
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}`);
}

export const action = resourceAction(act);
