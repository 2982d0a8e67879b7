const MAX_TARGET_LENGTH = 2_000;
// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil.example" and
// "/\evil.example" both go to evil.example; a newline in a Location header is also a 500.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const UNSAFE_CHARACTERS = /[\u0000-\u001F\u007F\\]/;
const PROBE_ORIGIN = "http://tandem.invalid";

/**
 * Where to send someone after sign-in: a path on this site, or `fallback`. The target is refused
 * unless it is a plain same-origin path in every form a browser might read it — raw, and with its
 * percent-escapes decoded (`/%09/evil`, `%2F%2Fevil`, `/%5Cevil`) — and what comes back is the
 * path as the URL parser normalised it, so the Location header is always valid.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_TARGET_LENGTH) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return fallback;
  }
  for (const form of [target, decoded]) {
    if (UNSAFE_CHARACTERS.test(form) || !form.startsWith("/") || form.startsWith("//")) return fallback;
  }
  const url = new URL(target, PROBE_ORIGIN);
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
