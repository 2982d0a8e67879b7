import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { respondToAsk } from "~/domain/advocacy/asks.server";
import { ConsentInputSchema } from "~/domain/advocacy/consent";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { withMessage } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

/** The checked uses: one checkbox posts a string, several an array, none nothing. */
const UsesField = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  // A use we don't know is refused next to the group, not as "uses[0]".
  withMessage(ConsentInputSchema.shape.uses, "advocacy.usesRequired"),
);

const AnswerSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("accept"),
    uses: UsesField,
    scope: ConsentInputSchema.shape.scope,
  }),
  z.object({ intent: z.literal("not_now") }),
  z.object({ intent: z.literal("decline") }),
]);

const DONE = {
  accept: "advocacy:ask.accepted",
  not_now: "advocacy:ask.snoozed",
  decline: "advocacy:ask.declined",
} as const;

/**
 * The person asked answers an ask. Anyone else — a colleague, another account's person, staff —
 * gets 404, as if the ask didn't exist.
 */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.askId)) notFound();
  const parsed = await readSubmission(request, AnswerSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const answer: Parameters<typeof respondToAsk>[3] =
    input.intent === "accept"
      ? { response: "accept", consent: { uses: input.uses, scope: input.scope } }
      : { response: input.intent };
  const result = await respondToAsk(actor, account.id, params.askId, answer);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return refuse(parsed.submission, "advocacyAsk", result.error);
  }
  return redirectWithNotice(`/accounts/${account.id}`, serverT(actor.locale)(DONE[input.intent]));
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}`);
}

export const action = resourceAction(act);
