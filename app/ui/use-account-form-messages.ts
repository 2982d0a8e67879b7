import { useTranslation } from "react-i18next";
import { useFieldError } from "./use-field-error";

export type AccountFormResult =
  { fieldErrors: Record<string, string | undefined>; errorCode: { field: string; code: string } | null } | undefined;

/** Translated messages per field for the account forms: zod codes and domain refusals alike. */
export function useAccountFormMessages(result: AccountFormResult): Record<string, string | undefined> {
  const { t } = useTranslation("people");
  const fieldError = useFieldError();
  const messages: Record<string, string | undefined> = {};
  for (const [field, code] of Object.entries(result?.fieldErrors ?? {})) messages[field] = fieldError(code);
  if (result?.errorCode) {
    messages[result.errorCode.field] = t(`accountForm.errors.${result.errorCode.code as "name_taken"}`);
  }
  return messages;
}
