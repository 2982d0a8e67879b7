/**
 * A token bucket per write key, in this process's memory: a runaway client gets 429 with the
 * seconds until it may send again, without a database round trip. (Several servers each keep their
 * own buckets, so the limit scales with them; good enough for abuse, not for billing.)
 */
export interface RateLimiter {
  /** Takes one request's token; null when allowed, else the whole seconds to wait. */
  take(key: string): number | null;
}

export function createRateLimiter(options: { burst: number; perSecond: number; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: options.burst, at };
      bucket.tokens = Math.min(options.burst, bucket.tokens + ((at - bucket.at) / 1000) * options.perSecond);
      bucket.at = at;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return null;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
    },
  };
}

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * A limiter made on first use, its rates read from the environment then (falling back to the
 * defaults): one per endpoint family, shared by all its requests in this process.
 */
export function lazyRateLimiter(settings: {
  burstEnv: string;
  burst: number;
  perSecondEnv: string;
  perSecond: number;
}): () => RateLimiter {
  let limiter: RateLimiter | undefined;
  return () =>
    (limiter ??= createRateLimiter({
      burst: numberFromEnv(settings.burstEnv, settings.burst),
      perSecond: numberFromEnv(settings.perSecondEnv, settings.perSecond),
    }));
}
