import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ZodError, z } from "zod";

/**
 * The one form pipeline (see README, "Writing a form"): a zod schema parsed with conform's
 * `parseWithZod` on the server — and, where a form validates as you type, in the browser with the
 * same schema. Every refusal is an i18n message key: field keys are relative to `fields.` in the
 * common translations ("email.invalid"); keys with a namespace ("plans:actions.errors.stale") are
 * domain refusals from `~/lib/errors`.
 */
export type FormReply = SubmissionResult<string[]>;
/** What a resource route answers a fetcher that needs no data back: done, or the form's refusal. */
export type FetcherAnswer = { ok: true } | { ok: false; form: FormReply };
export type FormSubmission<Output> = Submission<unknown, string[], Output>;

const NUL = "\u0000";
/** No form has this many rows; conform would build a sparse array that long from "rows[99999999].x". */
const MAX_INDEX = 999;
const INDEX = /\[(\d+)\]/g;

function hasFarIndex(formData: FormData | URLSearchParams): boolean {
  for (const name of formData.keys()) {
    for (const match of name.matchAll(INDEX)) if (Number(match[1]) > MAX_INDEX) return true;
  }
  return false;
}

/** A message key ("advocacy.scopeRequired", "plans:x.y"), unlike zod's own sentences ("Required", "Expected string"). */
const MESSAGE_KEY = /^[\w:-]+(\.[\w-]+)+$/;

/** zod's own messages ("Required", "Expected string") aren't our keys; name each kind of issue instead. */
const messageKeys: z.ZodErrorMap = (issue, ctx) => {
  // A schema's own key (`z.enum(…, { message: "advocacy.scopeRequired" })`) reaches here as the default; keep it.
  if (MESSAGE_KEY.test(ctx.defaultError)) return { message: ctx.defaultError };
  if (issue.code === z.ZodIssueCode.invalid_union_discriminator) return { message: "form.unknownIntent" };
  if (issue.code === z.ZodIssueCode.too_big) return { message: "field.tooLong" };
  if (issue.code === z.ZodIssueCode.invalid_enum_value || issue.code === z.ZodIssueCode.invalid_literal) {
    return { message: "field.invalid" };
  }
  return { message: "field.required" };
};

/**
 * PostgreSQL text can't hold a NUL byte, and no person types one: any field that carries it is
 * refused before the schema runs, whatever the schema says of that field.
 */
function refuseNul(value: unknown, ctx: z.RefinementCtx, path: (string | number)[] = []): void {
  if (typeof value === "string") {
    if (value.includes(NUL)) ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: "field.nul" });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => refuseNul(item, ctx, [...path, index]));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) refuseNul(item, ctx, [...path, key]);
  }
}

/**
 * Parses a form with its schema. Values reach the schema as posted (strings; repeated names as
 * arrays; "a.b" and "a[0].c" names as nested values) — conform's automatic coercion is off so a
 * schema says exactly what it accepts. An unknown `intent` (a `z.discriminatedUnion("intent", …)`)
 * is a form-level "form.unknownIntent", never another branch.
 */
export function parseSubmission<Schema extends z.ZodTypeAny>(
  formData: FormData | URLSearchParams,
  schema: Schema,
): FormSubmission<z.output<Schema>> {
  if (hasFarIndex(formData)) return malformedSubmission();
  let submission: FormSubmission<z.output<Schema>>;
  try {
    submission = parseWithZod(formData, {
      schema: z
        .any()
        .superRefine((value, ctx) => refuseNul(value, ctx))
        .pipe(schema),
      errorMap: messageKeys,
      disableAutoCoercion: true,
    }) as FormSubmission<z.output<Schema>>;
  } catch {
    // A field name or conform control no real form sends ("a[x", "__proto__", a broken "__intent__").
    return malformedSubmission();
  }
  const error = submission.status === "error" ? submission.error : undefined;
  if (error?.intent) {
    // The intent is not a field anyone can fix; say it above the form.
    error[""] = [...(error[""] ?? []), "form.unknownIntent"];
    delete error.intent;
  }
  return submission;
}

/** The answer to a body that is not a form at all, or one no real form sends. */
export function malformedSubmission<Output>(): FormSubmission<Output> {
  const error = { "": ["form.malformed"] };
  return {
    status: "error",
    payload: {},
    error,
    reply: () => ({ status: "error", initialValue: {}, error }),
  };
}

/** Field names whose values never travel back to the browser in a reply. */
const SECRET = /password|token/i;

/**
 * The submission's answer for `useForm({ lastResult })`: its errors (plus any given) and what was
 * typed, without secrets.
 */
export function replyTo(
  submission: FormSubmission<unknown>,
  errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {},
): FormReply {
  const hideFields = Object.keys(submission.payload).filter((name) => SECRET.test(name));
  return submission.reply({ ...errors, hideFields });
}

/** The reply of the form posted with `intent`, for a page with several forms (one useForm each). */
export function replyFor(
  answer: { form?: FormReply } | object | null | undefined,
  intent: string,
): FormReply | undefined {
  const reply = answer && "form" in answer ? (answer.form as FormReply | undefined) : undefined;
  return reply?.initialValue?.intent === intent ? reply : undefined;
}

/**
 * A trimmed text field that refuses a NUL byte; `required` is the message key when it's empty.
 * Without `required`, a missing field reads as "".
 */
export function textField({
  max,
  required,
  tooLong = "field.tooLong",
}: {
  max: number;
  required?: string;
  tooLong?: string;
}) {
  const text = z
    .string({ required_error: required ?? "field.required" })
    .trim()
    .max(max, tooLong);
  const checked = (required ? text.min(1, required) : text).refine((value) => !value.includes(NUL), "field.nul");
  return required ? checked : checked.default("");
}

/**
 * `schema` with every refusal worded as `message` — for a domain schema whose own messages (e.g.
 * `z.enum(…, { message })`) the pipeline's key for a missing or mistyped value would replace.
 */
export function withMessage<Schema extends z.ZodTypeAny>(schema: Schema, message: string) {
  return z.unknown().transform((value, ctx): z.output<Schema> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    return z.NEVER;
  });
}

/** A hidden id field (a row of this page): present, and id-shaped; ownership is checked in the query. */
export const idField = (message = "id.invalid") =>
  z.string({ required_error: message }).min(1, message).max(40, message);

/** A hidden `version` field for optimistic concurrency: a whole number from 1. */
export const versionField = () =>
  z.coerce.number({ invalid_type_error: "form.malformed" }).int().min(1, "form.malformed");

export type FieldErrorCodes = Record<string, string | undefined>;

/** A zod refusal as one message code per field (the first issue of each). */
export function zodFieldErrors(error: ZodError): FieldErrorCodes {
  const fieldErrors: FieldErrorCodes = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    // zod's own messages (e.g. "Required" for a missing field) aren't our codes; map them.
    fieldErrors[field] ??= issue.message.includes(".") ? issue.message : "field.required";
  }
  return fieldErrors;
}
