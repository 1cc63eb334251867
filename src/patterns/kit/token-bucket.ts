/**
 * A token bucket over plain data (docs/patterns.md, R6), shared by the rate limiter and the API
 * gateway's per-route limits: `capacity` tokens, full at the start, refilled continuously at
 * `refillPerSec` up to `capacity`. A request takes one token or is refused. Bursts of up to
 * `capacity` pass at once; after that admissions follow the refill rate, so over any interval
 * of length T at most `capacity + refillPerSec·T` requests are admitted.
 *
 * The bucket is kept in micro-tokens (a millionth of a token, so a refill of r per second
 * adds r per µs): with whole-number rates the arithmetic is exact integers and never drifts.
 * Functions return new states (keeping any extra fields of the input) and never mutate it.
 */

export interface TokenBucketParams {
  capacity: number;
  refillPerSec: number;
}

export interface TokenBucket {
  /** Micro-tokens in the bucket at `updatedUs`. */
  microTokens: number;
  updatedUs: number;
}

const MICRO = 1_000_000;

export function fullBucket(p: TokenBucketParams, nowUs: number): TokenBucket {
  return { microTokens: p.capacity * MICRO, updatedUs: nowUs };
}

function microTokensAt(p: TokenBucketParams, b: TokenBucket, nowUs: number): number {
  return Math.min(p.capacity * MICRO, b.microTokens + (nowUs - b.updatedUs) * p.refillPerSec);
}

/** Tokens in the bucket at `nowUs` (≥ `b.updatedUs`), fractional. */
export function tokensAt(p: TokenBucketParams, b: TokenBucket, nowUs: number): number {
  return microTokensAt(p, b, nowUs) / MICRO;
}

/** A request arrives: admitted if a whole token is there, which it takes. */
export function takeToken<B extends TokenBucket>(
  p: TokenBucketParams,
  b: B,
  nowUs: number,
): { allowed: boolean; next: B } {
  const micro = microTokensAt(p, b, nowUs);
  const allowed = micro >= MICRO;
  return {
    allowed,
    next: { ...b, microTokens: allowed ? micro - MICRO : micro, updatedUs: nowUs },
  };
}

/**
 * A live edit: the bucket keeps the tokens it had refilled under the `previous` settings up
 * to now, capped at the new capacity.
 */
export function refitBucket<B extends TokenBucket>(
  previous: TokenBucketParams,
  p: TokenBucketParams,
  b: B,
  nowUs: number,
): B {
  const tokens = Math.min(p.capacity, tokensAt(previous, b, nowUs));
  return { ...b, microTokens: tokens * MICRO, updatedUs: nowUs };
}

/** A limit's bucket size: `burst` when set, else one second's worth of tokens (at least 1). */
export function burstCapacity(ratePerSec: number, burst: number | null): number {
  return burst ?? Math.max(1, Math.ceil(ratePerSec));
}
