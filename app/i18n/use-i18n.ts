import { useEffect, useMemo, useState } from "react";
import { i18nFor, isLocaleLoaded, loadLocale } from "./bundles";

/**
 * The root's i18next instance. The page's language is loaded before hydration, but the locale can
 * change on a client-side navigation (signing in as someone who reads Chinese from an English
 * sign-in page): then its chunk is fetched and the tree re-renders in it.
 */
export function useI18n(locale: string) {
  const [loadedLocale, setLoadedLocale] = useState<string | null>(null);
  useEffect(() => {
    if (!isLocaleLoaded(locale)) void loadLocale(locale).then(setLoadedLocale);
  }, [locale]);
  // loadedLocale only changes once a chunk arrives; it is a dependency so the instance is rebuilt then.
  return useMemo(() => i18nFor(locale), [locale, loadedLocale]);
}
