import type { ValueWriteResult } from "~/domain/value/metrics.server";
import { type FieldErrors, invalid } from "~/lib/http.server";

const STATUS = { not_found: 404, forbidden: 403, stale: 409 } as const;

/** A value write's result as the fetcher on the value page reads it: the id, or messages by field. */
export function valueWriteAnswer(result: ValueWriteResult) {
  if (result.ok)
    return {
      ok: true as const,
      id: result.id,
      fieldErrors: {} as FieldErrors,
      formError: undefined as string | undefined,
    };
  if (result.error === "invalid") return invalid({ [result.field]: result.code });
  return invalid({}, STATUS[result.error], result.error);
}
