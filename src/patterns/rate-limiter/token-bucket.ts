import { US_PER_SEC, type RateLimiterConfig } from './config.ts';

/**
 * Token bucket (R6): a bucket of `capacity` tokens, full at the start, refilled continuously
 * at `refillPerSec` up to `capacity`. A request takes one token or is rejected. Bursts of up
 * to `capacity` pass at once; after that admissions follow the refill rate, so over any
 * interval of length T at most `capacity + refillPerSec·T` requests are admitted.
 *
 * The bucket is kept in micro-tokens (a millionth of a token, so a refill of r per second
 * adds r per µs): with whole-number rates the arithmetic is exact integers and never drifts.
 */

export type TokenBucketParams = Pick<RateLimiterConfig, 'capacity' | 'refillPerSec'>;

export interface TokenBucketState {
  algorithm: 'token-bucket';
  /** Micro-tokens in the bucket at `updatedUs`. */
  microTokens: number;
  updatedUs: number;
}

const MICRO = US_PER_SEC;

export function initialTokenBucket(p: TokenBucketParams, nowUs: number): TokenBucketState {
  return { algorithm: 'token-bucket', microTokens: p.capacity * MICRO, updatedUs: nowUs };
}

function microTokensAt(p: TokenBucketParams, s: TokenBucketState, nowUs: number): number {
  return Math.min(p.capacity * MICRO, s.microTokens + (nowUs - s.updatedUs) * p.refillPerSec);
}

/** Tokens in the bucket at `nowUs` (≥ `s.updatedUs`), fractional. */
export function tokensAt(p: TokenBucketParams, s: TokenBucketState, nowUs: number): number {
  return microTokensAt(p, s, nowUs) / MICRO;
}

/** A request arrives: admitted if a whole token is there, which it takes. */
export function takeToken(
  p: TokenBucketParams,
  s: TokenBucketState,
  nowUs: number,
): { allowed: boolean; next: TokenBucketState } {
  const micro = microTokensAt(p, s, nowUs);
  const allowed = micro >= MICRO;
  return {
    allowed,
    next: {
      algorithm: 'token-bucket',
      microTokens: allowed ? micro - MICRO : micro,
      updatedUs: nowUs,
    },
  };
}
