import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { authTokens, users } from "~db/schema";
import { newId } from "~/lib/ids.server";
import { hashToken, newSecretToken } from "~/lib/tokens.server";
import { magicLinkMail, passwordResetMail } from "~/domain/mail/messages.server";
import { queueMail } from "~/domain/mail/outbox.server";
import { LINK_LIFETIME_MINUTES, type LinkPurpose } from "./link-lifetimes";
import { checkRateLimit, recordAttempt } from "./rate-limit.server";
import { MINUTE_MS } from "~/lib/time";

const LINK_PATH: Record<LinkPurpose, string> = { magic_link: "/login/link", password_reset: "/reset-password" };

/**
 * Emails a single-use link to an active person with this address. The caller always tells the
 * visitor "if an account exists, we've sent a link", whatever happened here, so nobody can probe
 * which addresses have accounts.
 */
export async function requestEmailLink(input: {
  purpose: LinkPurpose;
  email: string;
  ip: string;
  origin: string;
}): Promise<"sent" | "not_sent"> {
  const email = input.email.trim().toLowerCase();
  if (await checkRateLimit("email_link", email, input.ip)) return "not_sent";
  const [user] = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.deactivatedAt)));
  await recordAttempt("email_link", email, input.ip, Boolean(user));
  if (!user) return "not_sent";

  const minutes = LINK_LIFETIME_MINUTES[input.purpose];
  const token = newSecretToken();
  const link = `${input.origin}${LINK_PATH[input.purpose]}?token=${encodeURIComponent(token)}`;
  const mail =
    input.purpose === "magic_link"
      ? magicLinkMail(email, link, user.locale, minutes)
      : passwordResetMail(email, link, user.locale, minutes);
  // The token and its email together: no usable link without its mail, no mail with a dead link.
  await db.transaction(async (tx) => {
    await tx.insert(authTokens).values({
      id: newId(),
      userId: user.id,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + minutes * MINUTE_MS),
    });
    await queueMail(tx, mail);
  });
  return "sent";
}

function usableToken(purpose: LinkPurpose, token: string) {
  return and(
    eq(authTokens.tokenHash, hashToken(token)),
    eq(authTokens.purpose, purpose),
    isNull(authTokens.usedAt),
    gt(authTokens.expiresAt, new Date()),
  );
}

/** Who a still-usable link is for, without using it up (for the confirmation page). */
export async function peekEmailLink(purpose: LinkPurpose, token: string): Promise<{ email: string } | null> {
  const [row] = await db
    .select({ email: users.email })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(usableToken(purpose, token), isNull(users.deactivatedAt)));
  return row ?? null;
}

/**
 * Uses a link up, atomically: of two simultaneous clicks only one gets the user id.
 * Accepts a transaction so a password reset can use the token and change the password together.
 */
export async function consumeEmailLink(
  purpose: LinkPurpose,
  token: string,
  executor: Pick<typeof db, "update" | "select"> = db,
): Promise<string | null> {
  const [row] = await executor
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(usableToken(purpose, token))
    .returning({ userId: authTokens.userId });
  if (!row) return null;
  const [user] = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, row.userId), isNull(users.deactivatedAt)));
  return user?.id ?? null;
}
