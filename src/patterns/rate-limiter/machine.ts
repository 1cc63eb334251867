import type { RateLimiterConfig } from './config.ts';
import {
  admitFixedWindow,
  fixedWindowCount,
  initialFixedWindow,
  type FixedWindowState,
} from './fixed-window.ts';
import {
  initialLeakyBucket,
  leakyArrive,
  type LeakyBucketState,
  type LeakyDecision,
} from './leaky-bucket.ts';
import {
  admitSlidingCounter,
  initialSlidingCounter,
  slidingCounterEstimate,
  type SlidingCounterState,
} from './sliding-window-counter.ts';
import {
  admitSlidingLog,
  initialSlidingLog,
  slidingLogCount,
  type SlidingLogState,
} from './sliding-window-log.ts';
import { fullBucket, refitBucket, takeToken, tokensAt, type TokenBucket } from '../kit/index.ts';

/**
 * The rate limiter's state machine over plain data: one state shape per algorithm (one file
 * each; the token bucket is the kit's), and the dispatch the kind uses. Every function
 * returns a new state and never mutates its input.
 */

/** Token bucket (R6): the kit's bucket of `capacity` tokens refilled at `refillPerSec`. */
export type TokenBucketState = TokenBucket & { algorithm: 'token-bucket' };

export type LimiterState =
  TokenBucketState | FixedWindowState | SlidingLogState | SlidingCounterState | LeakyBucketState;

export interface ArriveOutcome {
  /** `wait` only for the leaky bucket; the others pass or reject at once. */
  decision: LeakyDecision;
  next: LimiterState;
  /** Leaky bucket: when to schedule the drain (the queue was empty); otherwise null. */
  drainAtUs: number | null;
}

export function initialLimiter(cfg: RateLimiterConfig, nowUs: number): LimiterState {
  switch (cfg.algorithm) {
    case 'token-bucket':
      return { algorithm: 'token-bucket', ...fullBucket(cfg, nowUs) };
    case 'fixed-window':
      return initialFixedWindow();
    case 'sliding-window-log':
      return initialSlidingLog();
    case 'sliding-window-counter':
      return initialSlidingCounter();
    case 'leaky-bucket':
      return initialLeakyBucket();
  }
}

const passOrReject = (r: { allowed: boolean; next: LimiterState }): ArriveOutcome => ({
  decision: r.allowed ? 'pass' : 'reject',
  next: r.next,
  drainAtUs: null,
});

/** A request arrives at `nowUs`: pass it on now, make it wait (leaky bucket), or reject it. */
export function arrive(cfg: RateLimiterConfig, s: LimiterState, nowUs: number): ArriveOutcome {
  switch (s.algorithm) {
    case 'token-bucket':
      return passOrReject(takeToken(cfg, s, nowUs));
    case 'fixed-window':
      return passOrReject(admitFixedWindow(cfg, s, nowUs));
    case 'sliding-window-log':
      return passOrReject(admitSlidingLog(cfg, s, nowUs));
    case 'sliding-window-counter':
      return passOrReject(admitSlidingCounter(cfg, s, nowUs));
    case 'leaky-bucket':
      return leakyArrive(cfg, s, nowUs);
  }
}

/**
 * How much of the allowance is used at `nowUs`, for gauges and the node label: tokens taken
 * of the bucket, requests counted (or estimated) of the window's limit, or requests waiting
 * of the leaky bucket's capacity.
 */
export function usage(
  cfg: RateLimiterConfig,
  s: LimiterState,
  nowUs: number,
): { used: number; of: number } {
  switch (s.algorithm) {
    case 'token-bucket':
      return { used: cfg.capacity - tokensAt(cfg, s, nowUs), of: cfg.capacity };
    case 'fixed-window':
      return { used: fixedWindowCount(cfg, s, nowUs), of: cfg.limit };
    case 'sliding-window-log':
      return { used: slidingLogCount(cfg, s, nowUs), of: cfg.limit };
    case 'sliding-window-counter':
      return { used: slidingCounterEstimate(cfg, s, nowUs), of: cfg.limit };
    case 'leaky-bucket':
      return { used: s.waiting, of: cfg.capacity };
  }
}

/**
 * The config was edited live. A new algorithm starts from its initial state (the kind first
 * releases any leaky-bucket waiters). The token bucket keeps its tokens (refilled under the
 * old settings up to now, capped at the new capacity); a new window length restarts the
 * window counts; the log and the leaky bucket keep their state as it is.
 */
export function reconfigure(
  previous: RateLimiterConfig,
  cfg: RateLimiterConfig,
  s: LimiterState,
  nowUs: number,
): LimiterState {
  if (s.algorithm !== cfg.algorithm) return initialLimiter(cfg, nowUs);
  switch (s.algorithm) {
    case 'token-bucket':
      return refitBucket(previous, cfg, s, nowUs);
    case 'fixed-window':
    case 'sliding-window-counter':
      return previous.windowMs === cfg.windowMs ? s : initialLimiter(cfg, nowUs);
    default:
      return s;
  }
}
