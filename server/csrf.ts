const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change state: safe methods always; others only when the browser says it
 * came from our own origin (Origin, or Referer when a browser omits Origin). No header at all is
 * refused: every browser we support sends one on a form post or fetch.
 */
export function isSameOriginWrite(input: {
  method: string;
  origin?: string | null;
  referer?: string | null;
  expectedOrigin: string;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true;
  const claimed = input.origin && input.origin !== "null" ? input.origin : originOf(input.referer);
  return claimed !== undefined && claimed === input.expectedOrigin;
}

function originOf(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
