import { and, eq, gte, or, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { signInAttempts } from "~db/schema";
import { type AttemptKind, RATE_LIMITS, isRateLimited } from "./rate-limit";
import { MINUTE_MS } from "~/lib/time";

function recentFilter(kind: AttemptKind) {
  const since = new Date(Date.now() - RATE_LIMITS[kind].windowMinutes * MINUTE_MS);
  const countsOnlyFailures = kind === "password";
  return and(
    eq(signInAttempts.kind, kind),
    gte(signInAttempts.createdAt, since),
    countsOnlyFailures ? eq(signInAttempts.succeeded, false) : undefined,
  );
}

export async function checkRateLimit(kind: AttemptKind, email: string, ip: string): Promise<boolean> {
  const sameEmail = eq(signInAttempts.email, email);
  const sameIp = eq(signInAttempts.ip, ip);
  const [recent] = await db
    .select({
      byEmailAndIp: sql<number>`count(*) filter (where ${and(sameEmail, sameIp)})`.mapWith(Number),
      byEmail: sql<number>`count(*) filter (where ${sameEmail})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${sameIp})`.mapWith(Number),
    })
    .from(signInAttempts)
    .where(and(recentFilter(kind), or(sameEmail, sameIp)));
  return isRateLimited(kind, recent ?? { byEmailAndIp: 0, byEmail: 0, byIp: 0 });
}

export async function recordAttempt(kind: AttemptKind, email: string, ip: string, succeeded: boolean) {
  await db.insert(signInAttempts).values({ kind, email, ip, succeeded });
}
