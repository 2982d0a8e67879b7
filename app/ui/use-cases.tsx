import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "./field";
import { Badge } from "./layout";

/** An account's use cases as small badges, in a list a screen reader announces by name. */
export function UseCaseBadges({
  useCases,
  label,
  className = "",
}: {
  useCases: readonly string[];
  label: string;
  className?: string;
}) {
  if (useCases.length === 0) return null;
  return (
    <ul aria-label={label} className={`flex flex-wrap gap-1.5 ${className}`}>
      {useCases.map((useCase) => (
        <li key={useCase}>
          <Badge>{useCase}</Badge>
        </li>
      ))}
    </ul>
  );
}

function listed(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Comma-separated use cases: plain text that works without JavaScript, plus the use cases other
 * accounts already have as one-click additions, so the same use case is spelled the same way.
 */
export function UseCasesField({
  defaultValue,
  suggestions,
  error,
}: {
  defaultValue: readonly string[];
  suggestions: readonly string[];
  error?: string;
}) {
  const { t } = useTranslation("people");
  const [value, setValue] = useState(defaultValue.join(", "));
  const present = new Set(listed(value));
  const offered = suggestions.filter((useCase) => !present.has(useCase.toLowerCase()));
  const add = (useCase: string) =>
    setValue((current) => (current.trim() === "" ? useCase : `${current.replace(/[,\s]*$/, "")}, ${useCase}`));
  return (
    <div className="space-y-2">
      <TextField
        label={t("accountForm.useCases")}
        name="useCases"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        hint={t("accountForm.useCasesHint")}
        error={error}
      />
      {offered.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
          <span id="use-case-suggestions">{t("accountForm.useCasesSuggested")}</span>
          {offered.map((useCase) => (
            <button
              key={useCase}
              type="button"
              aria-describedby="use-case-suggestions"
              onClick={() => add(useCase)}
              className="rounded-full px-2 py-0.5 font-medium text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50 focus:outline-none focus:ring-2 focus:ring-brand-600"
            >
              {t("accountForm.addUseCase", { useCase })}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
