import { and, eq, isNull, lt, or } from "drizzle-orm";
import { db } from "~db/client.server";
import { calendarFeeds, users } from "~db/schema";
import { newId } from "~/lib/ids.server";
import { MINUTE_MS } from "~/lib/time";
import { hashToken, newSecretToken } from "~/lib/tokens.server";
import { type Actor, toActor } from "./actor";

export interface CalendarFeedStatus {
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The person's active feed, if any (never its token: only the hash is stored). */
export async function getActiveCalendarFeed(actor: Actor): Promise<CalendarFeedStatus | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}

/**
 * A new feed token for the person; an active one is revoked in the same transaction, so "Reset
 * link" never leaves two live URLs (the partial unique index would refuse that anyway).
 */
export async function resetCalendarFeed(actor: Actor): Promise<string> {
  const token = newSecretToken();
  await db.transaction(async (tx) => {
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt)));
    await tx.insert(calendarFeeds).values({
      id: newId(),
      userId: actor.id,
      accountId: actor.kind === "customer" ? actor.accountId : null,
      tokenHash: hashToken(token),
    });
  });
  return token;
}

export async function revokeCalendarFeed(actor: Actor): Promise<void> {
  await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt)));
}

/**
 * Who a feed token is for, or null for a forged, malformed, revoked or deactivated one. Every
 * token takes the same path (hash, one lookup), so a bad token is not told apart by timing.
 * last_used_at is written at most once a minute: calendar apps poll, and each poll needn't write.
 */
export async function personForCalendarToken(token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      feedId: calendarFeeds.id,
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      timeZone: users.timeZone,
      staffRole: users.staffRole,
      accountId: users.accountId,
      accountRole: users.accountRole,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt), isNull(users.deactivatedAt)));
  if (!row) return null;
  const now = new Date();
  await db
    .update(calendarFeeds)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(calendarFeeds.id, row.feedId),
        or(isNull(calendarFeeds.lastUsedAt), lt(calendarFeeds.lastUsedAt, new Date(now.getTime() - MINUTE_MS))),
      ),
    );
  const { feedId: _feedId, ...user } = row;
  return toActor(user);
}
