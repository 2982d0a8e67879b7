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

const MAX_INDEX = 999;
const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/**
 * Form data with dotted names ("milestones.0.tasks.1.title") as nested objects and arrays, for
 * forms with repeated rows. Numeric segments are array indices; holes left by removed rows are
 * closed up. Returns null for names a real form never sends (an index past 999, an unsafe key).
 */
export function nestedFormValues(formData: FormData): Record<string, unknown> | null {
  const root: Record<string, unknown> = {};
  for (const [name, value] of formData) {
    const path = name.split(".");
    if (path.some((segment) => UNSAFE_KEYS.has(segment) || segment === "")) return null;
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < path.length; i += 1) {
      const segment = path[i]!;
      const isIndex = /^\d+$/.test(segment);
      if (isIndex !== Array.isArray(node)) return null;
      if (isIndex && Number(segment) > MAX_INDEX) return null;
      const key = isIndex ? Number(segment) : segment;
      const container = node as Record<string | number, unknown>;
      if (i === path.length - 1) {
        container[key] = typeof value === "string" ? value : "";
      } else {
        const next = /^\d+$/.test(path[i + 1]!) ? [] : {};
        container[key] ??= next;
        const child = container[key];
        if (typeof child !== "object" || child === null) return null;
        node = child as Record<string, unknown> | unknown[];
      }
    }
  }
  return compactArrays(root) as Record<string, unknown>;
}

function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compactArrays);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compactArrays(item)]));
  }
  return value;
}

/**
 * Like parseForm, for forms with repeated rows: refusals are keyed by the field's full dotted name
 * ("milestones.1.dayOffset") so each shows next to its own input.
 */
export function parseNestedForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  formData: FormData,
):
  | { ok: true; data: z.infer<Schema> }
  | { ok: false; fieldErrors: FieldErrorCodes; values: Record<string, unknown> | null } {
  const values = nestedFormValues(formData);
  if (!values) return { ok: false, fieldErrors: { form: "form.malformed" }, values: null };
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrorCodes = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "form";
    fieldErrors[field] ??= issue.message.includes(".") ? issue.message : "field.required";
  }
  return { ok: false, fieldErrors, values };
}
