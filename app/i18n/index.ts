import type { i18n } from "i18next";
import { i18nFor, registerLocale } from "./bundles";
import { asLocale, defaultLocale, type Locale, supportedLocales } from "./locales";
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

const serverTs = new Map<Locale, i18n["t"]>();

/**
 * A `t` for server-side text (emails, flash messages): one per language, made once and shared —
 * nothing changes its language — since making an i18next instance takes about a millisecond, which
 * a job writing thousands of emails and reasons paid several times each.
 */
export function serverT(locale: string): i18n["t"] {
  const resolved = asLocale(locale) ?? defaultLocale;
  let t = serverTs.get(resolved);
  if (!t) {
    t = createI18n(resolved).t;
    serverTs.set(resolved, t);
  }
  return t;
}
