import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeNames, supportedLocales } from "~/i18n/locales";

/**
 * A button per other language, each named in its own language (a reader who can't read the page
 * still finds theirs). A full-page post, so the new page loads its language's strings (bundles.ts).
 */
export function LanguageSwitcher({ className = "" }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" reloadDocument className={className} aria-label={t("nav.language")}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {supportedLocales
        .filter((locale) => locale !== i18n.language)
        .map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            className="rounded-md px-2.5 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {localeNames[locale]}
          </button>
        ))}
    </Form>
  );
}
