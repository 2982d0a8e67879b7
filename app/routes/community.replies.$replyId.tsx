import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { requireActor } from "~/domain/auth/guards.server";
import { ERROR_STATUS } from "~/domain/community/answers";
import { emailNotifications } from "~/domain/community/notifications.server";
import { editReply } from "~/domain/community/posting.server";
import { setAcceptedAnswer, setOfficialAnswer } from "~/domain/community/reactions.server";
import { ReplyEditSchema } from "~/domain/community/schemas";
import { parseForm } from "~/lib/forms";
import { isId } from "~/lib/ids";
import { notFound, requestOrigin } from "~/lib/http.server";

/** Actions on one reply: accept / unaccept (the asker or staff), official / unofficial (staff), edit (author or staff). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!isId(params.replyId)) notFound();
  const replyId = params.replyId;
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "edit") {
    const parsed = parseForm(ReplyEditSchema, form);
    if (!parsed.ok) return data({ error: null, fieldErrors: parsed.fieldErrors }, { status: 400 });
    const result = await editReply(actor, replyId, parsed.data);
    if (!result.ok) return data({ error: result.error, fieldErrors: {} }, { status: ERROR_STATUS[result.error] });
    return { error: null, fieldErrors: {}, saved: true };
  }
  if (intent === "accept" || intent === "unaccept") {
    const result = await setAcceptedAnswer(actor, replyId, intent === "accept");
    if (!result.ok) return data({ error: result.error, fieldErrors: {} }, { status: ERROR_STATUS[result.error] });
    await emailNotifications(result.notifications, requestOrigin(request));
    return { error: null, fieldErrors: {} };
  }
  if (intent === "official" || intent === "unofficial") {
    const result = await setOfficialAnswer(actor, replyId, intent === "official");
    if (!result.ok) return data({ error: result.error, fieldErrors: {} }, { status: ERROR_STATUS[result.error] });
    return { error: null, fieldErrors: {} };
  }
  return data({ error: "not_found" as const, fieldErrors: {} }, { status: 400 });
}

export const loader = () => redirect("/community");
