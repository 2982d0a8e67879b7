import { useTranslation } from "react-i18next";

/** Turns a field error code from the server (e.g. "email.invalid") into the person's language. */
export function useFieldError() {
  const { t } = useTranslation();
  return (code: string | undefined) =>
    code
      ? (t(`fields.${code}` as "fields.field.required", { defaultValue: t("fields.field.required") }) as string)
      : undefined;
}
