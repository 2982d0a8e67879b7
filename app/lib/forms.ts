import type { ZodError, z } from "zod";

export type FieldErrorCodes = Record<string, string | undefined>;

/**
 * Validates form data with a zod schema. Refusals come back as message codes per field (keys under
 * `fields.` in the translations) for the form to show next to each field.
 */
export function parseForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  formData: FormData,
): { ok: true; data: z.infer<Schema> } | { ok: false; fieldErrors: FieldErrorCodes } {
  const values: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData) values[key] = value;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fieldErrors: zodFieldErrors(result.error) };
}

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

/** Only same-site relative paths may be redirect targets after sign-in. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}
