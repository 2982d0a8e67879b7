import { LOCALE_COOKIE, type Locale, asLocale, negotiateLocale } from "~/i18n/locales";
import { defaultLocaleSetting, secureCookies } from "./env.server";

/** The value of one cookie in a Cookie header, or null (a malformed header is no cookie). */
function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.split("=");
    if (key?.trim() !== name) continue;
    try {
      return decodeURIComponent(value.join("=").trim());
    } catch {
      return null;
    }
  }
  return null;
}

/** The request's language: the person's saved locale, the switcher's cookie, Accept-Language, DEFAULT_LOCALE. */
export function requestLocale(request: Request, saved?: string | null): Locale {
  return negotiateLocale({
    saved,
    cookie: readCookie(request.headers.get("Cookie"), LOCALE_COOKIE),
    acceptLanguage: request.headers.get("Accept-Language"),
    fallback: defaultLocaleSetting,
  });
}

/** Remembers a signed-out visitor's choice for a year; only supported locales are ever written. */
export function localeCookie(locale: Locale): string {
  const value = asLocale(locale) ?? defaultLocaleSetting;
  return `${LOCALE_COOKIE}=${value}; Path=/; Max-Age=31536000; SameSite=Lax${secureCookies ? "; Secure" : ""}`;
}
