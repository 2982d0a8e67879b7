/**
 * The headers an optional email carries: `List-Unsubscribe` with its address, and — when that
 * address is Tandem's signed one-click link — `List-Unsubscribe-Post` (RFC 8058), so a mail client
 * may unsubscribe with one POST of `List-Unsubscribe=One-Click` to it, without a session.
 */
export function listUnsubscribeHeaders(url: string | null | undefined): Record<string, string> | undefined {
  if (!url) return undefined;
  const headers: Record<string, string> = { "List-Unsubscribe": `<${url}>` };
  if (isOneClickUrl(url)) headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  return headers;
}

function isOneClickUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol.startsWith("http") && parsed.pathname === "/unsubscribe" && parsed.searchParams.has("token");
  } catch {
    return false;
  }
}
