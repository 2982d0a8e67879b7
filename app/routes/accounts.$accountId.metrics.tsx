import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { createMetric } from "~/domain/value/metrics.server";
import { MetricInputSchema } from "~/domain/value/value-schemas";
import { readSubmission, resourceAction } from "~/lib/forms.server";
import { valueWriteAnswer } from "./accounts.$accountId.value/write-answer.server";

/** Adds a value metric to an outcome of the account's current plan. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  const parsed = await readSubmission(request, MetricInputSchema);
  if (!parsed.ok) return parsed.answer;
  return valueWriteAnswer(parsed.submission, await createMetric(actor, account.id, parsed.data));
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/value`);
}

export const action = resourceAction(act);
