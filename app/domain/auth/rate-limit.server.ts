import { and, count, eq, gte } from "drizzle-orm";
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
  const filter = recentFilter(kind);
  const [[byEmail], [byIp]] = await Promise.all([
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(filter, eq(signInAttempts.email, email))),
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(filter, eq(signInAttempts.ip, ip))),
  ]);
  return isRateLimited(kind, { byEmail: byEmail?.n ?? 0, byIp: byIp?.n ?? 0 });
}

export async function recordAttempt(kind: AttemptKind, email: string, ip: string, succeeded: boolean) {
  await db.insert(signInAttempts).values({ kind, email, ip, succeeded });
}
