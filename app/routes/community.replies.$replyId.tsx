import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/domain/auth/guards.server";
import { editReply } from "~/domain/community/posting.server";
import { setAcceptedAnswer, setOfficialAnswer } from "~/domain/community/reactions.server";
import { BODY_MAX } from "~/domain/community/rules";
import { type FetcherAnswer, textField, versionField } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";

/** The forms a reply's page posts here: edit its body, or one of the one-click intents. */
export const ReplyActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("edit"),
    body: textField({
      max: BODY_MAX,
      required: "community:fields.body.required",
      tooLong: "community:fields.body.tooLong",
    }),
    version: versionField(),
  }),
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("unaccept") }),
  z.object({ intent: z.literal("official") }),
  z.object({ intent: z.literal("unofficial") }),
]);

/** Actions on one reply: accept / unaccept (the asker or staff), official / unofficial (staff), edit (author or staff). */
async function act({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!isId(params.replyId)) notFound();
  const replyId = params.replyId;
  const parsed = await readSubmission(request, ReplyActionSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  if (input.intent === "edit") {
    const result = await editReply(actor, replyId, { body: input.body, version: input.version });
    if (!result.ok) return refuse(parsed.submission, "community", result.error);
  } else if (input.intent === "accept" || input.intent === "unaccept") {
    const result = await setAcceptedAnswer(actor, replyId, input.intent === "accept");
    if (!result.ok) return refuse(parsed.submission, "community", result.error);
  } else {
    const result = await setOfficialAnswer(actor, replyId, input.intent === "official");
    if (!result.ok) return refuse(parsed.submission, "community", result.error);
  }
  return Response.json({ ok: true } satisfies FetcherAnswer);
}

export const loader = () => redirect("/community");

export const action = resourceAction(act);
