import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { recordMeasurement } from "~/domain/value/metrics.server";
import { MeasurementInputSchema } from "~/domain/value/value-schemas";
import { readSubmission, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { valueWriteAnswer } from "./accounts.$accountId.value/write-answer.server";

/** Records a measurement of one metric. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.metricId)) notFound();
  const parsed = await readSubmission(request, MeasurementInputSchema);
  if (!parsed.ok) return parsed.answer;
  return valueWriteAnswer(parsed.submission, await recordMeasurement(actor, account.id, params.metricId, parsed.data));
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/value`);
}

export const action = resourceAction(act);
