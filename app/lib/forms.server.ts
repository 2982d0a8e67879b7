import { type TypedResponse, data } from "@remix-run/node";
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

type DataAnswer<T> = ReturnType<typeof data<T>>;
/** What a resource action answers: each `data()` answer becomes a Response of the same JSON. */
type ResourceAnswer<Result> = Result extends DataAnswer<infer Body> ? TypedResponse<Body> : Result;

/** Marks an action made by `resourceAction` (the route test checks every resource route has one). */
export const RESOURCE_ACTION = Symbol.for("tandem.resourceAction");

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "DataWithResponseInit" &&
    "data" in value
  );
}

/**
 * The action of a resource route (no page of its own). Remix keeps `data()`'s status only for a
 * page's data requests: a resource route answering a plain POST would send a refusal as 200. This
 * turns every `data()` answer into a Response, whose status holds on both paths; a fetcher still
 * reads the same JSON, so the action's type stays what it returns.
 */
export function resourceAction<Args, Result>(
  action: (args: Args) => Promise<Result>,
): (args: Args) => Promise<ResourceAnswer<Result>> {
  const wrapped = async (args: Args) => {
    const result = await action(args);
    if (!isDataWithInit(result)) return result as ResourceAnswer<Result>;
    return Response.json(result.data, result.init ?? undefined) as ResourceAnswer<Result>;
  };
  return Object.assign(wrapped, { [RESOURCE_ACTION]: true });
}
