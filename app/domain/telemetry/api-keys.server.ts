import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { telemetryWriteKeys } from "~db/schema";
import { newId } from "~/lib/ids.server";
import { hashToken } from "~/lib/tokens.server";
import type { ApiKeyScope } from "./api-key-scopes";
import { type RateLimiter, lazyRateLimiter } from "./rate-limit";

/*
 * Every key of Tandem's HTTP API (/api/v1/*), whatever it may do: one table, one secret format,
 * one way to rotate, revoke and see "last used". A key's scope says what it may do: `ingest` (a
 * telemetry source's write key) or `read` (accounts and their health). The ingest came first, so
 * the keys live with telemetry, which owns the table; the read endpoints (health's) ask this module
 * too, so a request's key is checked in one place for every endpoint.
 */

/** Every key starts so: a leaked key is recognisable in a log or a secret scanner, and says its scope. */
const KEY_PREFIXES: Record<ApiKeyScope, string> = { ingest: "tdm_wk_", read: "tdm_rk_" };
const SHOWN_SECRET_CHARACTERS = 6;

function newKey(scope: ApiKeyScope): { key: string; keyHash: string; keyPrefix: string } {
  const prefix = KEY_PREFIXES[scope];
  const key = prefix + randomBytes(32).toString("base64url");
  return { key, keyHash: hashToken(key), keyPrefix: `${key.slice(0, prefix.length + SHOWN_SECRET_CHARACTERS)}…` };
}

/** The admin page's list: current keys first, newest first, bounded. Never the secret. */
export async function listApiKeys() {
  return db
    .select({
      id: telemetryWriteKeys.id,
      name: telemetryWriteKeys.name,
      scope: telemetryWriteKeys.scope,
      keyPrefix: telemetryWriteKeys.keyPrefix,
      createdAt: telemetryWriteKeys.createdAt,
      rotatedAt: telemetryWriteKeys.rotatedAt,
      revokedAt: telemetryWriteKeys.revokedAt,
      lastUsedAt: telemetryWriteKeys.lastUsedAt,
    })
    .from(telemetryWriteKeys)
    .orderBy(sql`${telemetryWriteKeys.revokedAt} is not null`, desc(telemetryWriteKeys.createdAt))
    .limit(200);
}

/** A current (not revoked) key by id, or null. */
export async function findCurrentApiKey(id: string) {
  const [row] = await db
    .select({ id: telemetryWriteKeys.id, name: telemetryWriteKeys.name, scope: telemetryWriteKeys.scope })
    .from(telemetryWriteKeys)
    .where(and(eq(telemetryWriteKeys.id, id), isNull(telemetryWriteKeys.revokedAt)));
  return row ?? null;
}

/** A new key (an ingest key unless said otherwise); the secret is returned once and never stored. */
export async function createApiKey(input: { name: string; scope?: ApiKeyScope; createdById: string | null }) {
  const scope = input.scope ?? "ingest";
  const { key, keyHash, keyPrefix } = newKey(scope);
  const id = newId();
  await db
    .insert(telemetryWriteKeys)
    .values({ id, name: input.name, scope, keyHash, keyPrefix, createdById: input.createdById });
  return { id, key };
}

/** A new secret for the same key and scope: the old secret stops working at once, messageId history stays. */
export async function rotateApiKey(id: string): Promise<{ key: string } | null> {
  const current = await findCurrentApiKey(id);
  if (!current) return null;
  const { key, keyHash, keyPrefix } = newKey(current.scope);
  const rows = await db
    .update(telemetryWriteKeys)
    .set({ keyHash, keyPrefix, rotatedAt: new Date() })
    .where(and(eq(telemetryWriteKeys.id, id), isNull(telemetryWriteKeys.revokedAt)))
    .returning({ id: telemetryWriteKeys.id });
  return rows.length > 0 ? { key } : null;
}

export async function revokeApiKey(id: string): Promise<boolean> {
  const rows = await db
    .update(telemetryWriteKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(telemetryWriteKeys.id, id), isNull(telemetryWriteKeys.revokedAt)))
    .returning({ id: telemetryWriteKeys.id });
  return rows.length > 0;
}

const looksLikeKey = (key: string) =>
  key.length <= 200 && Object.values(KEY_PREFIXES).some((prefix) => key.startsWith(prefix));

/**
 * The current key a presented secret belongs to, with its scope, or null (unknown, rotated away or
 * revoked); marks it used (at most once a minute).
 */
export async function authenticateApiKey(key: string): Promise<{ id: string; scope: ApiKeyScope } | null> {
  if (!looksLikeKey(key)) return null;
  // Read first: on a busy key "last used" is fresh, so most requests cost one query, not two.
  const [current] = await db
    .select({
      id: telemetryWriteKeys.id,
      scope: telemetryWriteKeys.scope,
      stale: sql<boolean>`(${telemetryWriteKeys.lastUsedAt} is null or ${telemetryWriteKeys.lastUsedAt} < now() - interval '1 minute')`,
    })
    .from(telemetryWriteKeys)
    .where(and(eq(telemetryWriteKeys.keyHash, hashToken(key)), isNull(telemetryWriteKeys.revokedAt)));
  if (!current) return null;
  if (current.stale) {
    await db
      .update(telemetryWriteKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(telemetryWriteKeys.id, current.id),
          sql`(${telemetryWriteKeys.lastUsedAt} is null or ${telemetryWriteKeys.lastUsedAt} < now() - interval '1 minute')`,
        ),
      );
  }
  return { id: current.id, scope: current.scope };
}

/** The key an API request presents: HTTP Basic with the key as user name (Segment's way), or a Bearer token. */
function presentedKey(authorization: string | null): string | null {
  if (!authorization) return null;
  const [scheme, value] = authorization.trim().split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === "bearer") return value;
  if (scheme.toLowerCase() !== "basic") return null;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  return user || null;
}

/**
 * The read endpoints' limiter (accounts, health, retention — whoever answers them), one budget per
 * read key: a report paging through 10,000 accounts (50 pages of 200) fits in a burst.
 */
export const readApiRateLimiter = lazyRateLimiter({
  burstEnv: "API_READ_RATE_BURST",
  burst: 120,
  perSecondEnv: "API_READ_RATE_PER_SECOND",
  perSecond: 20,
});

/** The API's error answer: `{error:{code,message}}`, never cached, with any extra fields. */
export function apiError(status: number, code: string, message: string, extra: object = {}, headers: HeadersInit = {}) {
  return Response.json(
    { error: { code, message }, ...extra },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

const UNAUTHORIZED: Record<ApiKeyScope, { code: string; message: string; realm: string }> = {
  ingest: {
    code: "invalid_write_key",
    message: "Send a current write key as the HTTP Basic user name (empty password) or as a Bearer token.",
    realm: "Tandem ingest",
  },
  read: {
    code: "invalid_api_key",
    message: "Send a current read key as a Bearer token (or as the HTTP Basic user name, empty password).",
    realm: "Tandem API",
  },
};

const WRONG_SCOPE: Record<ApiKeyScope, string> = {
  ingest: "This key may only read; sending telemetry needs a key with the ingest scope (a write key).",
  read: "This key may only send telemetry; reading needs a key with the read scope.",
};

/**
 * Who may make this API request: the key's id when it is current, has `scope` and is within its
 * rate, else the answer to send — 401 for a missing, unknown or revoked key, 403 (with the reason)
 * for a key of the other scope, 429 with Retry-After when over the limit.
 */
export async function authorizeApiRequest(
  request: Request,
  scope: ApiKeyScope,
  limiter: RateLimiter,
): Promise<{ ok: true; keyId: string } | { ok: false; response: Response }> {
  const secret = presentedKey(request.headers.get("authorization"));
  const key = secret ? await authenticateApiKey(secret) : null;
  if (!key) {
    const answer = UNAUTHORIZED[scope];
    return {
      ok: false,
      response: apiError(401, answer.code, answer.message, {}, { "WWW-Authenticate": `Basic realm="${answer.realm}"` }),
    };
  }
  if (key.scope !== scope) {
    return { ok: false, response: apiError(403, "wrong_scope", WRONG_SCOPE[scope], { requiredScope: scope }) };
  }
  const wait = limiter.take(key.id);
  if (wait !== null) {
    return {
      ok: false,
      response: apiError(
        429,
        "rate_limited",
        `Too many requests for this key; retry in ${wait} s.`,
        {},
        {
          "Retry-After": String(wait),
        },
      ),
    };
  }
  return { ok: true, keyId: key.id };
}
