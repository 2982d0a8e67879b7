import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "~db/client.server";
import { sessions } from "~db/schema";
import { recordSignIn } from "~/domain/people/profile.server";
import { type Actor, toActor } from "./actor";
import { lucia } from "./lucia.server";

export interface CurrentSession {
  actor: Actor;
  sessionId: string;
  /** Set when lucia extended the session: the cookie must be sent again. */
  refreshedCookie?: string;
}

const perRequest = new WeakMap<Request, Promise<CurrentSession | null>>();

/**
 * Lucia decodes every cookie of the header and throws on a bad percent-escape in any of them (a
 * hand-edited tandem_locale, say): such a header simply carries no session, never a 500.
 */
function sessionIdIn(header: string): string | null {
  try {
    return lucia.readSessionCookie(header);
  } catch {
    return null;
  }
}

async function readSession(request: Request): Promise<CurrentSession | null> {
  const sessionId = sessionIdIn(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user || user.deactivatedAt) return null;
  return {
    actor: toActor(user),
    sessionId: session.id,
    refreshedCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : undefined,
  };
}

/** The signed-in person, looked up once per request. */
export function getCurrentSession(request: Request): Promise<CurrentSession | null> {
  let pending = perRequest.get(request);
  if (!pending) {
    pending = readSession(request);
    perRequest.set(request, pending);
  }
  return pending;
}

/** Starts a session and returns its Set-Cookie header value. */
export async function startSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {});
  await recordSignIn(userId, new Date());
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(sessionId: string): Promise<string> {
  await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** Signs a person out of every browser and device at once; returns the cookie that clears this one. */
export async function signOutEverywhere(userId: string): Promise<string> {
  await lucia.invalidateUserSessions(userId);
  return lucia.createBlankSessionCookie().serialize();
}

/**
 * Ends a person's sessions (all but `keepSessionId`, if given) inside the caller's transaction, so they
 * end exactly when the change that requires it (a deactivation, a new password) commits.
 */
export async function endAllSessions(tx: Executor, userId: string, keepSessionId?: string): Promise<void> {
  await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
}
