/**
 * The read API's query rules (GET /api/v1/accounts), pure so their edges are unit tests and the
 * OpenAPI document states the same numbers.
 */

export const ACCOUNTS_PAGE_DEFAULT = 50;
export const ACCOUNTS_PAGE_MAX = 200;

export type LimitProblem = "invalid_limit";

/** `limit`: absent → the default; otherwise a whole number 1…200, anything else is refused (never clamped silently). */
export function parseLimit(raw: string | null): { ok: true; limit: number } | { ok: false; problem: LimitProblem } {
  if (raw === null || raw === "") return { ok: true, limit: ACCOUNTS_PAGE_DEFAULT };
  if (!/^\d{1,4}$/.test(raw)) return { ok: false, problem: "invalid_limit" };
  const limit = Number(raw);
  if (limit < 1 || limit > ACCOUNTS_PAGE_MAX) return { ok: false, problem: "invalid_limit" };
  return { ok: true, limit };
}
