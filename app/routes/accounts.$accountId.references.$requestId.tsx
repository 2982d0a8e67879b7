import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { respondToReferenceRequest } from "~/domain/advocacy/references.server";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const IntentSchema = z.enum(["accept", "decline"]);

/** The advocate answers a reference call request; anyone else gets 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.requestId)) notFound();
  const intent = IntentSchema.safeParse((await request.formData()).get("intent"));
  if (!intent.success) return data({ formError: "intent" }, { status: 400 });
  const result = await respondToReferenceRequest(actor, account.id, params.requestId, intent.data);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return data({ formError: result.error }, { status: 409 });
  }
  return redirectWithNotice(
    `/accounts/${account.id}`,
    serverT(actor.locale)(
      intent.data === "accept" ? "advocacy:referenceAsk.accepted" : "advocacy:referenceAsk.declined",
    ),
  );
}

export async function loader({ params }: ActionFunctionArgs) {
  return redirect(`/accounts/${params.accountId}`);
}
