// A token bucket per client address for the API: a local tool needs no more than this (one user, a
// few colleagues on a LAN), and a loop or a scraper hitting the store cannot starve them. Written
// here because the server is Node's own http, which the rate-limit packages (made for Express,
// Fastify) do not plug into.

export interface RateLimit {
  /** Requests a client may make per second, on average. */
  perSecond: number;
  /** How many it may make at once after a pause. */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 200 };

export function rateLimiter(limit: RateLimit, now: () => number = () => performance.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** 0 when the request may go ahead, else the seconds to wait. */
    take(client: string): number {
      const t = now();
      const bucket = buckets.get(client) ?? { tokens: limit.burst, at: t };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond);
      bucket.at = t;
      buckets.set(client, bucket);
      // forget clients that are full again, so the map stays as small as the set of active clients
      if (buckets.size > 10_000) for (const [key, b] of buckets) if (b.tokens >= limit.burst) buckets.delete(key);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / limit.perSecond);
    },
  };
}
