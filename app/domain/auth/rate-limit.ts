export type AttemptKind = "password" | "email_link";

export interface RateLimit {
  /** Per email from one IP: what keeps a guesser out without locking the person out elsewhere. */
  perEmailAndIp: number;
  /** Per email from every IP together: the ceiling for a guesser spread over many addresses. */
  perEmail: number;
  /** Per IP over every email: an office shares one address, so this is the loosest. */
  perIp: number;
  windowMinutes: number;
}

/**
 * Sign-in limits per window. Password limits count failures; emailed-link limits count requests
 * (each one sends mail). A stranger's wrong passwords lock only the stranger's own address out
 * of that account: the person, signing in from anywhere else, is refused only once the account as
 * a whole has drawn 100 failures in 15 minutes, and the emailed link still reaches their inbox
 * (the links a stranger asks for go to the person too, and each one works).
 */
export const RATE_LIMITS: Record<AttemptKind, RateLimit> = {
  password: { perEmailAndIp: 5, perEmail: 100, perIp: 50, windowMinutes: 15 },
  email_link: { perEmailAndIp: 3, perEmail: 5, perIp: 30, windowMinutes: 15 },
};

export interface RecentAttempts {
  byEmailAndIp: number;
  byEmail: number;
  byIp: number;
}

export function isRateLimited(kind: AttemptKind, recent: RecentAttempts): boolean {
  const limit = RATE_LIMITS[kind];
  return recent.byEmailAndIp >= limit.perEmailAndIp || recent.byEmail >= limit.perEmail || recent.byIp >= limit.perIp;
}
