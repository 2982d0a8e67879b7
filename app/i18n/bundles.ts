import type { i18n, Resource, ResourceLanguage } from "i18next";
import { createI18nWith } from "./instance";
import { asLocale, defaultLocale, type Locale } from "./locales";

/**
 * The languages loaded in this process. The server registers all of them (index.ts); the browser
 * loads only the page's language, as its own chunk, before hydrating (entry.client.tsx), so an
 * English page's JS carries no Chinese and the other way round.
 */
const loaded: Partial<Record<Locale, ResourceLanguage>> = {};

const loaders: Record<Locale, () => Promise<{ default: unknown }>> = {
  en: () => import("./en"),
  "zh-CN": () => import("./zh-CN"),
};

export function registerLocale(locale: Locale, bundle: unknown) {
  loaded[locale] = bundle as ResourceLanguage;
}

/** Loads a language's strings (once); an unknown tag loads the default. */
export async function loadLocale(tag: string): Promise<Locale> {
  const locale = asLocale(tag) ?? defaultLocale;
  if (!loaded[locale]) registerLocale(locale, (await loaders[locale]()).default);
  return locale;
}

export function isLocaleLoaded(tag: string): boolean {
  return Boolean(loaded[asLocale(tag) ?? defaultLocale]);
}

/** An i18next instance over whatever languages are loaded; the server has them all, with English as fallback. */
export function i18nFor(tag: string): i18n {
  const locale = asLocale(tag) ?? defaultLocale;
  return createI18nWith(locale, loaded as Resource);
}
