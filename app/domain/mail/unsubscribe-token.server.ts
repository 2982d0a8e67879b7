import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { mailSecrets, type OptionalMailKind, OPTIONAL_MAIL_KINDS } from "~db/schema";
import { DAY_MS } from "~/lib/time";

/** How long an unsubscribe link works: long enough for an old email, short enough that a leaked one dies. */
export const UNSUBSCRIBE_LINK_DAYS = 60;

/**
 * The key that signs unsubscribe links, created (random, 256 bits) on first use. It lives in the
 * database rather than in SESSION_SECRET, which may be random per process: a link written by one
 * process must verify in another, and after a restart. Two processes creating it at once agree on
 * whichever row landed first.
 */
export async function unsubscribeSigningKey(executor: Executor = db): Promise<Buffer> {
  await executor
    .insert(mailSecrets)
    .values({ name: "unsubscribe", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await executor
    .select({ value: mailSecrets.value })
    .from(mailSecrets)
    .where(eq(mailSecrets.name, "unsubscribe"));
  return Buffer.from(row!.value, "base64url");
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac("sha256", key).update(`unsubscribe:${payload}`).digest();
}

/** A token naming the person, the kind of email and when it stops working, signed with the key. */
export function signUnsubscribeToken(
  key: Buffer,
  input: { userId: string; kind: OptionalMailKind },
  now = new Date(),
): string {
  const expires = Math.floor((now.getTime() + UNSUBSCRIBE_LINK_DAYS * DAY_MS) / 1000);
  const payload = Buffer.from(JSON.stringify([input.userId, input.kind, expires])).toString("base64url");
  return `${payload}.${mac(key, payload).toString("base64url")}`;
}

export type UnsubscribeTokenCheck =
  { ok: true; userId: string; kind: OptionalMailKind } | { ok: false; reason: "invalid" | "expired" };

/** Checks the signature first (in constant time), then what the token says; any doubt is "invalid". */
export function verifyUnsubscribeToken(key: Buffer, token: string, now = new Date()): UnsubscribeTokenCheck {
  const invalid = { ok: false, reason: "invalid" } as const;
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0 || token.length > 512) return invalid;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return invalid;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) return invalid;
  const [userId, kind, expires] = decoded as unknown[];
  if (typeof userId !== "string" || typeof expires !== "number") return invalid;
  if (!(OPTIONAL_MAIL_KINDS as readonly unknown[]).includes(kind)) return invalid;
  if (expires * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, userId, kind: kind as OptionalMailKind };
}

/** The one-click unsubscribe address for a person and a kind (the page, and the RFC 8058 POST target), signed with `key` (read once for many emails). */
export function unsubscribeLink(
  key: Buffer,
  origin: string,
  input: { userId: string; kind: OptionalMailKind },
  now = new Date(),
): string {
  return `${origin}/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(key, input, now))}`;
}

/** The link's check, for the page: reads the key and verifies. */
export async function checkUnsubscribeToken(token: string, now = new Date()): Promise<UnsubscribeTokenCheck> {
  return verifyUnsubscribeToken(await unsubscribeSigningKey(), token, now);
}
