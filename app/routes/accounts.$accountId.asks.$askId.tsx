import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { respondToAsk } from "~/domain/advocacy/asks.server";
import { ConsentInputSchema } from "~/domain/advocacy/consent";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const IntentSchema = z.enum(["accept", "not_now", "decline"]);

/**
 * The person asked answers an ask. Anyone else — a colleague, another account's person, staff —
 * gets 404, as if the ask didn't exist.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.askId)) notFound();
  const form = await request.formData();
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success) return data({ ok: false as const, fieldErrors: { intent: "field.required" } }, { status: 400 });

  let answer: Parameters<typeof respondToAsk>[3];
  if (intent.data === "accept") {
    const parsed = ConsentInputSchema.safeParse({ uses: form.getAll("uses"), scope: form.get("scope") ?? undefined });
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        fieldErrors[String(issue.path[0])] ??= issue.message.includes(".") ? issue.message : "field.required";
      return data({ ok: false as const, fieldErrors }, { status: 400 });
    }
    answer = { response: "accept", consent: parsed.data };
  } else {
    answer = { response: intent.data };
  }
  const result = await respondToAsk(actor, account.id, params.askId, answer);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return data({ ok: false as const, fieldErrors: {}, formError: result.error }, { status: 409 });
  }
  const done = {
    accept: "advocacy:ask.accepted",
    not_now: "advocacy:ask.snoozed",
    decline: "advocacy:ask.declined",
  } as const;
  return redirectWithNotice(`/accounts/${account.id}`, serverT(actor.locale)(done[intent.data]));
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}`);
}
