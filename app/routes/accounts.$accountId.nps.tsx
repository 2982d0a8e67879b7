import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { answerNps, NpsInputSchema } from "~/domain/advocacy/nps.server";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { notFound } from "~/lib/http.server";

/** A customer person answers the NPS survey (intent "answer", score 0–10 + comment) or dismisses it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireAccountAccess(request, params.accountId, "account.view");
  // Staff viewing an account are never surveyed; there is nothing here for them.
  if (actor.kind !== "customer") notFound();
  const form = await request.formData();
  const dismissing = form.get("intent") === "dismiss";
  let result;
  if (dismissing) {
    result = await answerNps(actor, { kind: "dismiss" });
  } else {
    const parsed = parseForm(NpsInputSchema, form);
    if (!parsed.ok) return data({ ok: false as const, fieldErrors: parsed.fieldErrors }, { status: 400 });
    result = await answerNps(actor, { kind: "score", input: parsed.data });
  }
  if (!result.ok) return data({ ok: false as const, fieldErrors: {}, formError: "notDue" }, { status: 409 });
  // A redirect, so the home page reloads without the survey and says thank you.
  return redirectWithNotice(
    `/accounts/${actor.accountId}`,
    serverT(actor.locale)(dismissing ? "advocacy:nps.dismissed" : "advocacy:nps.thanks"),
  );
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}`);
}
