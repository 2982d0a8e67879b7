import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { telemetryWriteKeys } from "~db/schema";
import { newId } from "~/lib/ids.server";
import { hashToken } from "~/lib/tokens.server";

/** Every key starts so: a leaked key is recognisable in a log or a secret scanner. */
export const WRITE_KEY_PREFIX = "tdm_wk_";
const SHOWN_PREFIX_LENGTH = WRITE_KEY_PREFIX.length + 6;

function newKey(): { key: string; keyHash: string; keyPrefix: string } {
  const key = WRITE_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, keyHash: hashToken(key), keyPrefix: `${key.slice(0, SHOWN_PREFIX_LENGTH)}…` };
}

export async function listWriteKeys() {
  return db
    .select({
      id: telemetryWriteKeys.id,
      name: telemetryWriteKeys.name,
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

/** A new key; the secret is returned once and never stored. */
export async function createWriteKey(input: { name: string; createdById: string | null }) {
  const { key, keyHash, keyPrefix } = newKey();
  const id = newId();
  await db
    .insert(telemetryWriteKeys)
    .values({ id, name: input.name, keyHash, keyPrefix, createdById: input.createdById });
  return { id, key };
}

/** A new secret for the same source: the old key stops working at once, messageId history stays. */
export async function rotateWriteKey(id: string): Promise<{ key: string } | null> {
  const { key, keyHash, keyPrefix } = newKey();
  const rows = await db
    .update(telemetryWriteKeys)
    .set({ keyHash, keyPrefix, rotatedAt: new Date() })
    .where(and(eq(telemetryWriteKeys.id, id), isNull(telemetryWriteKeys.revokedAt)))
    .returning({ id: telemetryWriteKeys.id });
  return rows.length > 0 ? { key } : null;
}

export async function revokeWriteKey(id: string): Promise<boolean> {
  const rows = await db
    .update(telemetryWriteKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(telemetryWriteKeys.id, id), isNull(telemetryWriteKeys.revokedAt)))
    .returning({ id: telemetryWriteKeys.id });
  return rows.length > 0;
}

/** The source a presented key belongs to, if the key is current; marks it used (at most once a minute). */
export async function authenticateWriteKey(key: string): Promise<{ id: string } | null> {
  if (!key.startsWith(WRITE_KEY_PREFIX) || key.length > 200) return null;
  // Read first: on a busy key "last used" is fresh, so most requests cost one query, not two.
  const [current] = await db
    .select({
      id: telemetryWriteKeys.id,
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
  return { id: current.id };
}

/** The key an API request presents: HTTP Basic with the key as user name (Segment's way), or a Bearer token. */
export function presentedKey(authorization: string | null): string | null {
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
