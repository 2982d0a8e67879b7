import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/domain/auth/guards.server";
import { REASON_MAX } from "~/domain/community/rules";
import { type FetcherAnswer, idField, textField } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { reportPost } from "~/domain/community/reactions.server";

const TargetSchema = z.object({ postType: z.enum(["topic", "reply"]), postId: idField().refine(isId, "id.invalid") });

/** The report form: its target (hidden fields) and the reason the person types. */
export const ReportSchema = TargetSchema.extend({
  reason: textField({
    max: REASON_MAX,
    required: "community:fields.reason.required",
    tooLong: "community:fields.reason.tooLong",
  }),
});

/** Report a topic or reply to the moderators, with a reason. */
async function act({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const parsed = await readSubmission(request, ReportSchema);
  if (!parsed.ok) {
    // A target no page shows is a post that isn't there; a missing reason is the person's to fix.
    const targetBroken = !TargetSchema.safeParse(parsed.submission.payload).success;
    return targetBroken ? refuse(parsed.submission, "community", "not_found") : parsed.answer;
  }
  const { postType, postId, reason } = parsed.data;
  const result = await reportPost(actor, postType, postId, reason);
  if (!result.ok) return refuse(parsed.submission, "community", result.error);
  return Response.json({ ok: true } satisfies FetcherAnswer);
}

export const loader = () => redirect("/community");

export const action = resourceAction(act);
