import { US_PER_SEC, type RateLimiterConfig } from './config.ts';

/**
 * Leaky bucket as a queue (R5): requests leave towards the dependency at most `drainPerSec`
 * per second, evenly spaced; a request that cannot leave at once waits in a FIFO of at most
 * `capacity` requests, and is rejected when that is full. Departures are therefore at least
 * 1/drainPerSec apart (any interval T holds at most 1 + drainPerSec·T of them) and a request
 * waits at most capacity/drainPerSec. The kind holds the waiting calls; this file decides.
 */

export type LeakyBucketParams = Pick<RateLimiterConfig, 'capacity' | 'drainPerSec'>;

export interface LeakyBucketState {
  algorithm: 'leaky-bucket';
  waiting: number;
  /** When the last request left (µs); null before the first. */
  lastReleaseUs: number | null;
}

export type LeakyDecision = 'pass' | 'wait' | 'reject';

export function initialLeakyBucket(): LeakyBucketState {
  return { algorithm: 'leaky-bucket', waiting: 0, lastReleaseUs: null };
}

export function drainIntervalUs(p: LeakyBucketParams): number {
  return US_PER_SEC / p.drainPerSec;
}

/** The earliest time the next request may leave (µs); null when one may leave any time. */
export function nextReleaseUs(p: LeakyBucketParams, s: LeakyBucketState): number | null {
  return s.lastReleaseUs === null ? null : s.lastReleaseUs + drainIntervalUs(p);
}

/**
 * A request arrives. `pass`: it leaves now. `wait`: it joins the queue; `drainAtUs` is set
 * when the queue was empty (the kind schedules the drain then). `reject`: the queue is full.
 */
export function leakyArrive(
  p: LeakyBucketParams,
  s: LeakyBucketState,
  nowUs: number,
): { decision: LeakyDecision; next: LeakyBucketState; drainAtUs: number | null } {
  const releaseAt = nextReleaseUs(p, s);
  if (s.waiting === 0 && (releaseAt === null || nowUs >= releaseAt)) {
    return {
      decision: 'pass',
      next: { algorithm: 'leaky-bucket', waiting: 0, lastReleaseUs: nowUs },
      drainAtUs: null,
    };
  }
  if (s.waiting < p.capacity) {
    return {
      decision: 'wait',
      next: { ...s, waiting: s.waiting + 1 },
      drainAtUs: s.waiting === 0 ? releaseAt : null,
    };
  }
  return { decision: 'reject', next: s, drainAtUs: null };
}

/**
 * The drain is due: the oldest waiter leaves now. Returns null if nobody waits or it is too
 * early; otherwise the new state and when the next drain is due (null: queue now empty).
 */
export function leakyDrain(
  p: LeakyBucketParams,
  s: LeakyBucketState,
  nowUs: number,
): { next: LeakyBucketState; drainAtUs: number | null } | null {
  const releaseAt = nextReleaseUs(p, s);
  if (s.waiting === 0 || (releaseAt !== null && nowUs < releaseAt)) return null;
  const waiting = s.waiting - 1;
  return {
    next: { algorithm: 'leaky-bucket', waiting, lastReleaseUs: nowUs },
    drainAtUs: waiting > 0 ? nowUs + drainIntervalUs(p) : null,
  };
}

/** A waiter left without being released (its caller gave up). */
export function leakyLeave(s: LeakyBucketState): LeakyBucketState {
  if (s.waiting <= 0) throw new Error('leaky bucket: nobody is waiting');
  return { ...s, waiting: s.waiting - 1 };
}
