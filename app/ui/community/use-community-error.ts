import { useTranslation } from "react-i18next";

/**
 * Community messages in the person's language: `error(code)` for a refusal of the whole action
 * (keys under `community:errors.`), `error.field(code)` for a field's code from a zod schema
 * (keys under `community:fields.`, falling back to the common field messages).
 */
export function useCommunityError() {
  const { t } = useTranslation(["community", "common"]);
  const untyped = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const error = (code: string | null | undefined, values: Record<string, unknown> = {}) =>
    code
      ? untyped(`community:errors.${code}`, { ...values, defaultValue: untyped("community:errors.forbidden") })
      : undefined;
  error.field = (code: string | undefined) =>
    code
      ? untyped(`community:fields.${code}`, {
          defaultValue: untyped(`common:fields.${code}`, { defaultValue: untyped("common:fields.field.required") }),
        })
      : undefined;
  return error;
}
