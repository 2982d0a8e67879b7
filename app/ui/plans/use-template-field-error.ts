import { useTranslation } from "react-i18next";

/** Turns a template field's error code (e.g. "template.dayRange") into the person's language. */
export function useTemplateFieldError() {
  const { t } = useTranslation("templates");
  return (code: string | undefined) =>
    code
      ? (t(`fields.${code}` as "fields.field.required", { defaultValue: t("fields.field.required") }) as string)
      : undefined;
}
