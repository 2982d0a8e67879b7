import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { recordMeasurement } from "~/domain/value/metrics.server";
import { MeasurementInputSchema } from "~/domain/value/value-schemas";
import { parseForm } from "~/lib/forms";
import { isId } from "~/lib/ids";
import { invalid, notFound } from "~/lib/http.server";
import { valueWriteAnswer } from "./accounts.$accountId.value/write-answer.server";

/** Records a measurement of one metric. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.metricId)) notFound();
  const parsed = parseForm(MeasurementInputSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  return valueWriteAnswer(await recordMeasurement(actor, account.id, params.metricId, parsed.data));
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/value`);
}
