/**
 * Which languages Tandem speaks and how a request's language is chosen. No resources here: the
 * browser imports this, and must not get every language's strings with it.
 */
export const supportedLocales = ["en", "zh-CN"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "en";

/** The name of each language in itself, for the switchers (never translated). */
export const localeNames: Record<Locale, string> = { en: "English", "zh-CN": "中文" };

/** The signed-out visitor's choice, from the sign-in page's switcher. */
export const LOCALE_COOKIE = "tandem_locale";

const byLowerCase = new Map(supportedLocales.map((locale) => [locale.toLowerCase(), locale]));

/** A supported locale for a tag in any case ("zh-cn", "ZH-CN"), else undefined. */
export function asLocale(tag: unknown): Locale | undefined {
  if (typeof tag !== "string" || tag.length > 35) return undefined;
  return byLowerCase.get(tag.trim().toLowerCase());
}

/**
 * A supported locale for one Accept-Language tag: exact ("zh-CN"), then by language: Chinese written
 * in simplified characters (zh, zh-Hans, zh-SG, zh-Hans-*) is zh-CN; traditional (zh-TW, zh-HK,
 * zh-Hant) is not offered rather than shown in the wrong script.
 */
function matchTag(raw: string): Locale | undefined {
  const tag = raw.trim().toLowerCase();
  const exact = asLocale(tag);
  if (exact) return exact;
  const [language, ...rest] = tag.split("-");
  if (language === "en") return "en";
  if (language === "zh") {
    if (rest.includes("hant") || rest.includes("tw") || rest.includes("hk") || rest.includes("mo")) return undefined;
    return "zh-CN";
  }
  return undefined;
}

/** The best supported locale in an Accept-Language header, by q-value then order; undefined if none. */
export function fromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  const ranked = (header ?? "")
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = matchTag(tag);
    if (locale) return locale;
  }
  return undefined;
}

export interface LocaleSources {
  /** users.locale of the signed-in person. */
  saved?: string | null;
  /** The tandem_locale cookie (signed-out visitors' switcher). */
  cookie?: string | null;
  acceptLanguage?: string | null;
  /** DEFAULT_LOCALE of the deployment. */
  fallback?: string | null;
}

/** The person's saved locale, else the cookie, else Accept-Language, else the deployment default. */
export function negotiateLocale({ saved, cookie, acceptLanguage, fallback }: LocaleSources): Locale {
  return (
    asLocale(saved) ?? asLocale(cookie) ?? fromAcceptLanguage(acceptLanguage) ?? asLocale(fallback) ?? defaultLocale
  );
}

/** The person's saved locale if we have it, else the best match from Accept-Language. */
export function pickLocale(saved?: string | null, acceptLanguage?: string | null): Locale {
  return negotiateLocale({ saved, acceptLanguage });
}
