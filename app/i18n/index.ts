import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { resources } from "./resources";

export const supportedLocales = ["en"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "en";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: (typeof resources)["en"];
  }
}

function isSupported(tag: string): tag is Locale {
  return (supportedLocales as readonly string[]).includes(tag);
}

/** The person's saved locale if we have it, else the best match from Accept-Language. */
export function pickLocale(saved?: string | null, acceptLanguage?: string | null): Locale {
  if (saved && isSupported(saved)) return saved;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (isSupported(tag)) return tag;
    const base = tag.split("-")[0] ?? "";
    if (isSupported(base)) return base;
  }
  return defaultLocale;
}

/** One i18next instance per request (server) or per page load (browser); resources are bundled. */
export function createI18n(locale: string): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: [...supportedLocales],
    resources,
    defaultNS: "common",
    ns: Object.keys(resources.en),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** A `t` for server-side text (emails, flash messages). */
export function serverT(locale: string) {
  return createI18n(locale).t;
}
