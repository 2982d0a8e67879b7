import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { accounts, segments } from "~db/schema";
import { type AccountRevenue, accountRevenue } from "~/domain/revenue/account-revenue.server";
import type { Forecast } from "~/domain/revenue/forecast";
import { apiError, authorizeApiRequest, readApiRateLimiter } from "~/domain/telemetry/api-keys.server";
import type { RateLimiter } from "~/domain/telemetry/rate-limit";
import { serverT } from "~/i18n";
import { decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { keysetCondition, keysetOrder, type SortPart } from "~/lib/keyset.server";
import { currentHealthSubquery } from "./account-list-health.server";
import { MEASURE_KEYS, type MeasureKey } from "./measures";
import { activeOverride } from "./overrides.server";
import { latestPulse } from "./timeline.server";
import { parseLimit } from "./read-api";
import { getCurrentHealth, healthSummaries } from "./view.server";

/*
 * The read API (GET /api/v1/accounts, /api/v1/accounts/{id}/health): health's numbers for the
 * vendor's own reports and tools, with a key of scope `read`. The numbers come from the same
 * functions as the staff Health tab (`getCurrentHealth`, `activeOverride`), so the API and the page
 * never disagree. Vendor-wide, like the staff pages: every account, never a customer's view.
 */

const ok = (body: unknown) => Response.json(body, { status: 200, headers: { "Cache-Control": "no-store" } });

// Accounts in id order: ids never change, so a cursor's place holds while accounts are added.
const ACCOUNT_ORDER: SortPart[] = [{ expr: accounts.id }];
const FINGERPRINT = filterFingerprint({ list: "api.accounts" });

export interface ApiAccount {
  id: string;
  externalId: string | null;
  name: string;
  segment: { id: string; name: string };
  health: { score: number | null; grade: "red" | "yellow" | "green" | null };
  /** "churned" once the subscription churned (its ARR went to zero), else "active". */
  status: "active" | "churned";
  /** The subscription's ARR in major units of `currency`; null without a subscription. */
  arr: number | null;
  currency: string | null;
  renewalDate: string | null;
  forecast: { call: Forecast | null; automatic: Forecast | null };
}

function revenueFields(revenue: AccountRevenue) {
  return {
    status: revenue.churned ? ("churned" as const) : ("active" as const),
    arr: revenue.arr,
    currency: revenue.currency,
    renewalDate: revenue.renewalDate,
    forecast: { call: revenue.forecast.call, automatic: revenue.forecast.automatic },
  };
}

/**
 * One page of accounts with their latest health (null while none has been computed) and revenue,
 * after the cursor: the page, then its health summaries and revenue batched (a fixed number of
 * queries whatever the page size). The automatic forecast is the Renewals page's: the same
 * health summaries go into revenue's rule. A cursor that is not one this list made is null here (the caller refuses it).
 */
async function listAccountsForApi(input: { cursor: string | null; limit: number; now?: Date }) {
  const cursor = input.cursor ? decodeCursor(input.cursor, FINGERPRINT, ACCOUNT_ORDER.length) : null;
  if (input.cursor && (!cursor || cursor.direction !== "after")) return null;
  const health = currentHealthSubquery();
  const rows = await db
    .select({
      id: accounts.id,
      externalId: accounts.externalId,
      name: accounts.name,
      segmentId: segments.id,
      segmentName: segments.name,
      score: health.overall,
      grade: health.grade,
    })
    .from(accounts)
    .innerJoin(segments, eq(segments.id, accounts.segmentId))
    .leftJoin(health, eq(health.accountId, accounts.id))
    .where(keysetCondition(ACCOUNT_ORDER, cursor))
    .orderBy(...keysetOrder(ACCOUNT_ORDER, cursor))
    .limit(input.limit + 1);
  const page = pageFromRows(rows, {
    cursor,
    pageSize: input.limit,
    keyOf: (row) => [row.id],
    fingerprint: FINGERPRINT,
  });
  const ids = page.rows.map((row) => row.id);
  const revenue = await accountRevenue(ids, await healthSummaries(ids));
  return {
    data: page.rows.map((row): ApiAccount => ({
      id: row.id,
      externalId: row.externalId,
      name: row.name,
      segment: { id: row.segmentId, name: row.segmentName },
      health: { score: row.score ?? null, grade: row.grade ?? null },
      ...revenueFields(revenue.get(row.id)!),
    })),
    nextCursor: page.page.next,
  };
}

const en = serverT("en");
const isMeasureKey = (key: string): key is MeasureKey => (MEASURE_KEYS as readonly string[]).includes(key);
/** The measure's English name, as the Health tab words it in English. */
const labelOf = (key: string) => (isMeasureKey(key) ? en(`health:measures.${key}`) : key);

/**
 * An account's health as the Health tab shows it: today's snapshot (computed now if the nightly
 * run hasn't filed it), each measure with its English label, and the override that counts today.
 * Null for an unknown account.
 */
async function getHealthForApi(accountId: string, now = new Date()) {
  const [account] = await db
    .select({ id: accounts.id, timeZone: accounts.timeZone })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account) return null;
  const [current, override, pulse, summaries] = await Promise.all([
    getCurrentHealth(account.id, now),
    activeOverride(account, now),
    latestPulse(account.id, now),
    healthSummaries([account.id]),
  ]);
  const revenue = (await accountRevenue([account.id], summaries)).get(account.id)!;
  return {
    accountId: account.id,
    score: current?.overall ?? null,
    grade: current?.grade ?? null,
    coverage: current?.coverage ?? null,
    modelVersion: current?.modelVersion ?? null,
    computedAt: current?.computedAt ?? null,
    measures: (current?.measures ?? []).map((measure) => ({
      key: measure.key,
      label: labelOf(measure.key),
      score: measure.score,
      weight: measure.weight,
      inputs: measure.inputs,
    })),
    override: override ? { grade: override.grade, reason: override.reason, expiresOn: override.expiresOn } : null,
    // The CSM's own read, beside the computed score (the Health tab shows both); notes stay on the page.
    pulse: pulse ? { grade: pulse.grade, setAt: pulse.setAt, expiresAt: pulse.expiresAt, fresh: pulse.fresh } : null,
    ...revenueFields(revenue),
  };
}

export type ApiHealth = NonNullable<Awaited<ReturnType<typeof getHealthForApi>>>;

type Options = { limiter?: RateLimiter; now?: Date };

/** GET /api/v1/accounts?cursor=&limit=: a read key, then a page; a bad cursor or limit is 400. */
export async function handleAccountsRequest(request: Request, options: Options = {}): Promise<Response> {
  if (request.method !== "GET") return apiError(405, "method_not_allowed", "Use GET.", {}, { Allow: "GET" });
  const authorized = await authorizeApiRequest(request, "read", options.limiter ?? readApiRateLimiter());
  if (!authorized.ok) return authorized.response;
  const search = new URL(request.url).searchParams;
  const limit = parseLimit(search.get("limit"));
  if (!limit.ok) return apiError(400, "invalid_limit", "limit must be a whole number from 1 to 200.");
  const cursor = search.get("cursor");
  const page = await listAccountsForApi({ cursor: cursor || null, limit: limit.limit, now: options.now });
  if (!page) return apiError(400, "invalid_cursor", "cursor must be a nextCursor this endpoint returned.");
  return ok(page);
}

/** GET /api/v1/accounts/{id}/health: a read key, then the account's health; an unknown id is 404. */
export async function handleAccountHealthRequest(
  request: Request,
  accountId: string | undefined,
  options: Options = {},
): Promise<Response> {
  if (request.method !== "GET") return apiError(405, "method_not_allowed", "Use GET.", {}, { Allow: "GET" });
  const authorized = await authorizeApiRequest(request, "read", options.limiter ?? readApiRateLimiter());
  if (!authorized.ok) return authorized.response;
  const health = accountId && accountId.length <= 64 ? await getHealthForApi(accountId, options.now) : null;
  if (!health) return apiError(404, "not_found", "No account has this id.");
  return ok(health);
}
