import type { i18n } from "i18next";
import { i18nFor, registerLocale } from "./bundles";
import { supportedLocales } from "./locales";
import { resources } from "./resources";

export * from "./locales";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: (typeof resources)["en"];
  }
}

// Server-side entry: every language is available (emails go out in the recipient's language).
for (const locale of supportedLocales) registerLocale(locale, resources[locale]);

/** One i18next instance per request (server); components use the one from the root (bundles.ts). */
export function createI18n(locale: string): i18n {
  return i18nFor(locale);
}

/** A `t` for server-side text (emails, flash messages). */
export function serverT(locale: string) {
  return createI18n(locale).t;
}
