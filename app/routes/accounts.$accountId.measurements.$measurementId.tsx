import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { deleteMeasurement } from "~/domain/value/metrics.server";
import { readSubmission, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { valueWriteAnswer } from "./accounts.$accountId.value/write-answer.server";

const RemoveSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("delete") })]);

/** Removes a measurement entered by mistake. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.measurementId)) notFound();
  const parsed = await readSubmission(request, RemoveSchema);
  if (!parsed.ok) return parsed.answer;
  return valueWriteAnswer(parsed.submission, await deleteMeasurement(actor, account.id, params.measurementId));
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/value`);
}

export const action = resourceAction(act);
