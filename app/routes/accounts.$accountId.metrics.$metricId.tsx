import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { deleteMetric, updateMetric } from "~/domain/value/metrics.server";
import { MetricInputSchema } from "~/domain/value/value-schemas";
import { parseForm } from "~/lib/forms";
import { isId } from "~/lib/ids";
import { invalid, notFound } from "~/lib/http.server";
import { valueWriteAnswer } from "./accounts.$accountId.value/write-answer.server";

const VersionSchema = z.coerce.number().int().min(1);

/** Changes (`intent=update`, with the version the form was loaded at) or deletes (`intent=delete`) a metric. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.metricId)) notFound();
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "delete") return valueWriteAnswer(await deleteMetric(actor, account.id, params.metricId));
  if (intent !== "update") return invalid({}, 400, "unknown_intent");
  const version = VersionSchema.safeParse(form.get("version"));
  if (!version.success) return invalid({}, 400, "stale");
  const parsed = parseForm(MetricInputSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  return valueWriteAnswer(await updateMetric(actor, account.id, params.metricId, parsed.data, version.data));
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/value`);
}
