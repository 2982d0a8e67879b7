import i18next, { type i18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import { defaultLocale, supportedLocales } from "./locales";

/** One i18next instance for a locale over the given resources (all of them on the server, one in the browser). */
export function createI18nWith(locale: string, resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: [...supportedLocales],
    resources,
    defaultNS: "common",
    ns: Object.keys(resources[locale] ?? resources[defaultLocale] ?? {}),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
