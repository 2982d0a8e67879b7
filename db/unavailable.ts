/**
 * Whether an error means "the database can't be reached right now" (down, restarting, refusing
 * connections, a query cut off by a timeout) rather than a bug or bad input. Such requests answer
 * 503 and succeed again once the database is back; anything else stays a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== "object") return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && isUnavailableCode(code)) return true;
    // drizzle wraps driver errors in DrizzleQueryError with the original as `cause`.
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

// postgres.js's own codes and the socket errors it passes on.
const DRIVER_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "DATABASE_TIMEOUT",
]);

// SQLSTATEs: admin/crash shutdown, "starting up", too many connections, a statement timeout.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "57014"]);

function isUnavailableCode(code: string): boolean {
  // Class 08: connection exceptions.
  return DRIVER_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}
