import { apiError, authorizeApiRequest, readApiRateLimiter } from "~/domain/telemetry/api-keys.server";
import type { RateLimiter } from "~/domain/telemetry/rate-limit";
import { parsePeriod, retentionTotals } from "./retention";
import { cohortRetention } from "./retention.server";

/*
 * The read API's retention (GET /api/v1/retention?period=): the Retention page's totals per
 * currency, from the same cohort query and pure rule, so the API and the page never disagree.
 * Keys and rate are the other read endpoints' (telemetry's key check, one budget per key).
 */

const PERIOD_FORMATS = "YYYY-Qn, YYYY-MM, YYYY or YYYY-MM-DD..YYYY-MM-DD";

/** GET /api/v1/retention?period=: a read key, then the period's retention per currency; a bad period is 400. */
export async function handleRetentionRequest(
  request: Request,
  options: { limiter?: RateLimiter } = {},
): Promise<Response> {
  if (request.method !== "GET") return apiError(405, "method_not_allowed", "Use GET.", {}, { Allow: "GET" });
  const authorized = await authorizeApiRequest(request, "read", options.limiter ?? readApiRateLimiter());
  if (!authorized.ok) return authorized.response;
  const raw = new URL(request.url).searchParams.get("period");
  const period = raw && raw.length <= 30 ? parsePeriod(raw) : null;
  if (!period) {
    return apiError(
      400,
      "invalid_period",
      raw
        ? `period must be ${PERIOD_FORMATS}; "${raw.slice(0, 30)}" is not one.`
        : `period is required: ${PERIOD_FORMATS}.`,
    );
  }
  const totals = retentionTotals(await cohortRetention(period));
  return Response.json(
    {
      period: { key: period.key, start: period.start, end: period.end },
      currencies: totals.map((row) => ({
        currency: row.currency,
        startArr: row.startArr,
        expansion: row.expansion,
        contraction: row.contraction,
        churn: row.churn,
        endArr: row.endArr,
        grr: row.grr,
        nrr: row.nrr,
        logosAtStart: row.logosAtStart,
        logosLost: row.logosLost,
        logoChurn: row.logoChurn,
      })),
    },
    { status: 200, headers: { "Cache-Control": "no-store" } },
  );
}
