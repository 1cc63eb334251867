/**
 * The gateway's pure parts over plain data: path-prefix matching (shared with the strangler
 * fig) and the per-route token bucket. No engine in sight; nothing mutates its input.
 */

/**
 * True when `prefix` covers `path` on a segment boundary: "/orders" matches "/orders" and
 * "/orders/42" but not "/ordersX"; "/" and any prefix ending in "/" match everything below.
 */
export function prefixMatches(prefix: string, path: string): boolean {
  if (!path.startsWith(prefix)) return false;
  return path.length === prefix.length || prefix.endsWith('/') || path[prefix.length] === '/';
}

/**
 * Index of the route with the longest prefix covering `path` (the first one listed on a tie),
 * or -1 when none does.
 */
export function matchRoute(routes: readonly { prefix: string }[], path: string): number {
  let best = -1;
  let bestLength = -1;
  for (let i = 0; i < routes.length; i++) {
    const prefix = (routes[i] as { prefix: string }).prefix;
    if (prefix.length > bestLength && prefixMatches(prefix, path)) {
      best = i;
      bestLength = prefix.length;
    }
  }
  return best;
}

/** A token bucket: `tokens` as of `updatedUs`. */
export interface TokenBucket {
  tokens: number;
  updatedUs: number;
}

/** Bucket capacity: `burst`, or one second's worth of tokens (at least 1). */
export function bucketCapacity(ratePerSec: number, burst: number | null): number {
  return burst ?? Math.max(1, Math.ceil(ratePerSec));
}

/** A full bucket at `nowUs`. */
export function fullBucket(capacity: number, nowUs: number): TokenBucket {
  return { tokens: capacity, updatedUs: nowUs };
}

/** Float slack so that refills adding up to exactly one token are never 0.999… short. */
const TOKEN_EPSILON = 1e-9;

/**
 * A request asks for one token at `nowUs`: the bucket first refills at `ratePerSec` up to
 * `capacity`, then gives a token if it holds a whole one.
 */
export function takeToken(
  bucket: TokenBucket,
  ratePerSec: number,
  capacity: number,
  nowUs: number,
): { allowed: boolean; next: TokenBucket } {
  const elapsedUs = Math.max(0, nowUs - bucket.updatedUs);
  const tokens = Math.min(capacity, bucket.tokens + (elapsedUs * ratePerSec) / 1_000_000);
  if (tokens >= 1 - TOKEN_EPSILON) {
    return { allowed: true, next: { tokens: Math.max(0, tokens - 1), updatedUs: nowUs } };
  }
  return { allowed: false, next: { tokens, updatedUs: nowUs } };
}
