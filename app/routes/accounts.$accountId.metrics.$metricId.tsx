import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { deleteMetric, updateMetric } from "~/domain/value/metrics.server";
import { MetricFieldsSchema, checkMetric, tidyMetric } from "~/domain/value/value-schemas";
import { versionField } from "~/lib/forms";
import { readSubmission, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { valueWriteAnswer } from "./accounts.$accountId.value/write-answer.server";

const ChangeSchema = z
  .discriminatedUnion("intent", [
    z.object({ intent: z.literal("delete") }),
    MetricFieldsSchema.extend({ intent: z.literal("update"), version: versionField() }),
  ])
  .superRefine((input, ctx) => {
    if (input.intent === "update") checkMetric(input, ctx);
  });

/** Changes (`intent=update`, with the version the form was loaded at) or deletes (`intent=delete`) a metric. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.metricId)) notFound();
  const parsed = await readSubmission(request, ChangeSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  if (input.intent === "delete") {
    return valueWriteAnswer(parsed.submission, await deleteMetric(actor, account.id, params.metricId));
  }
  const { intent: _intent, version, ...metric } = input;
  return valueWriteAnswer(
    parsed.submission,
    await updateMetric(actor, account.id, params.metricId, tidyMetric(metric), version),
  );
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/value`);
}

export const action = resourceAction(act);
