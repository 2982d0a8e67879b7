import { useTranslation } from "react-i18next";
import { useFormMessage } from "~/ui/form";

/**
 * Turns a template field's refusal into the person's language: the editor's own rules
 * ("template.dayRange") live in the templates translations, the pipeline's ("field.nul",
 * "templates:errors.name_taken") where `useFormMessage` finds them.
 */
export function useTemplateFieldError() {
  const { t } = useTranslation("templates");
  const message = useFormMessage();
  return (keys: string[] | undefined) => {
    const key = keys?.[0];
    if (!key) return undefined;
    if (!key.startsWith("template.")) return message(keys);
    return t(`fields.${key}` as "fields.field.required", { defaultValue: t("fields.field.required") }) as string;
  };
}
