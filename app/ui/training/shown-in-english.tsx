import { useTranslation } from "react-i18next";
import type { Locale } from "~/i18n/locales";

/** Says that the content below is the English original because the learner's language has no translation yet. */
export function ShownInEnglish({ what, locale }: { what: "lesson" | "course"; locale: Locale }) {
  const { t } = useTranslation("training");
  const language = t(`languages.${locale}`);
  return (
    <p className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
      {what === "lesson" ? t("lesson.shownInEnglish", { language }) : t("course.shownInEnglish", { language })}
    </p>
  );
}
