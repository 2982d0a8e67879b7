export type AttemptKind = "password" | "email_link";

/**
 * Sign-in limits per window. Password limits count failures; emailed-link limits count requests
 * (each one sends mail). Per-IP limits are looser: an office shares one address.
 */
export const RATE_LIMITS: Record<AttemptKind, { perEmail: number; perIp: number; windowMinutes: number }> = {
  password: { perEmail: 5, perIp: 50, windowMinutes: 15 },
  email_link: { perEmail: 3, perIp: 30, windowMinutes: 15 },
};

export function isRateLimited(kind: AttemptKind, recent: { byEmail: number; byIp: number }): boolean {
  const limit = RATE_LIMITS[kind];
  return recent.byEmail >= limit.perEmail || recent.byIp >= limit.perIp;
}
