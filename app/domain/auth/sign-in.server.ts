import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { users } from "~db/schema";
import { setPasswordHash } from "~/domain/people/profile.server";
import { consumeEmailLink } from "./email-links.server";
import { lucia } from "./lucia.server";
import { endAllSessions } from "./sessions.server";
import { hashPassword, verifyPassword } from "./passwords.server";
import { checkRateLimit, recordAttempt } from "./rate-limit.server";

export type PasswordSignIn = { ok: true; userId: string } | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Checks an email + password. Unknown email, deactivated person and wrong password all answer
 * "invalid" in the same time, and every failure counts toward the rate limit.
 */
export async function signInWithPassword(rawEmail: string, password: string, ip: string): Promise<PasswordSignIn> {
  const email = rawEmail.trim().toLowerCase();
  if (await checkRateLimit("password", email, ip)) return { ok: false, reason: "rate_limited" };
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.deactivatedAt)));
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  await recordAttempt("password", email, ip, valid);
  return valid && user ? { ok: true, userId: user.id } : { ok: false, reason: "invalid" };
}

/**
 * Sets a new password from a reset link and ends every existing session: whoever knew the old
 * password is signed out. Returns the user id, or null when the link is expired or used.
 */
export async function resetPasswordWithLink(token: string, newPassword: string): Promise<string | null> {
  const passwordHash = await hashPassword(newPassword);
  const userId = await db.transaction(async (tx) => {
    const id = await consumeEmailLink("password_reset", token, tx);
    if (id) await setPasswordHash(tx, id, passwordHash);
    return id;
  });
  if (userId) await lucia.invalidateUserSessions(userId);
  return userId;
}

/**
 * Changes a password and signs the person out of their other sessions (`keepSessionId` stays).
 * People who only ever used emailed links have no password yet; they may set one directly.
 */
export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepSessionId?: string,
) {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user) return false;
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, currentPassword))) return false;
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, userId, await hashPassword(newPassword));
    await endAllSessions(tx, userId, keepSessionId);
  });
  return true;
}
