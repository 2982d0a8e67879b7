import { data } from "@remix-run/node";
import type { z } from "zod";
import { type ErrorSubject, type SubjectError, errorMessageKey, errorStatus } from "./errors";
import { type FormReply, type FormSubmission, malformedSubmission, parseSubmission, replyTo } from "./forms";

export type FormAnswer = { form: FormReply };

/**
 * Reads and parses a request's form with its schema: typed data, or — as `answer` — the 400 with
 * the submission's errors as message keys for the form to show next to each field. A body that
 * isn't form data at all is a 400 too, never a 500.
 */
export async function readSubmission<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
): Promise<
  | { ok: true; data: z.output<Schema>; submission: FormSubmission<z.output<Schema>> }
  | { ok: false; answer: ReturnType<typeof invalidForm>; submission: FormSubmission<z.output<Schema>> }
> {
  const formData = await request.formData().catch(() => null);
  const submission = formData ? parseSubmission(formData, schema) : malformedSubmission<z.output<Schema>>();
  if (submission.status === "success") return { ok: true, data: submission.value, submission };
  return { ok: false, answer: invalidForm(submission), submission };
}

/** The submission's errors as a 400 (or the status given). */
export function invalidForm(
  submission: FormSubmission<unknown>,
  errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {},
  status = 400,
) {
  return data<FormAnswer>({ form: replyTo(submission, errors) }, { status });
}

/**
 * A domain refusal (`{ ok: false, error: code }`) as the form's answer: the status the code has in
 * `~/lib/errors`, and its message above the form — or next to `field` when one field caused it.
 */
export function refuse<Subject extends ErrorSubject>(
  submission: FormSubmission<unknown>,
  subject: Subject,
  code: SubjectError<Subject>,
  field?: string,
) {
  const key = errorMessageKey(subject, code);
  return invalidForm(
    submission,
    field ? { fieldErrors: { [field]: [key] } } : { formErrors: [key] },
    errorStatus(code),
  );
}

/**
 * An answer of a resource route (no page of its own) as a real Response. Remix keeps `data()`'s
 * status only for a page's data requests: a resource route answering a plain POST would send a
 * refusal as 200. A Response keeps its status on both paths, and a fetcher still reads its JSON.
 */
export function resourceAnswer<T>(answer: { data: T; init?: ResponseInit | null }): Response {
  return Response.json(answer.data, answer.init ?? undefined);
}
