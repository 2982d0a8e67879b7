import type { ValueWriteResult } from "~/domain/value/metrics.server";
import type { FormSubmission } from "~/lib/forms";
import { invalidForm, refuse } from "~/lib/forms.server";

/**
 * A value write's result as the fetcher on the value page reads it: the id, or the refusal (its
 * status from `~/lib/errors`), next to the field the domain named or above the form.
 */
export function valueWriteAnswer(submission: FormSubmission<unknown>, result: ValueWriteResult) {
  if (result.ok) return { ok: true as const, id: result.id };
  if (result.error === "invalid") return invalidForm(submission, { fieldErrors: { [result.field]: [result.code] } });
  return refuse(submission, "value", result.error);
}
