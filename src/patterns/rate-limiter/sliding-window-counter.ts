import { US_PER_MS } from './config.ts';
import { windowIndexAt, type WindowParams } from './fixed-window.ts';

/**
 * Sliding-window counter (Cloudflare's approximation of a sliding window): fixed-window
 * counts for the current and the previous window, and the previous one weighted by how much
 * of it still overlaps the sliding window ending now:
 *   estimate = previous · (1 − elapsed / window) + current.
 * A request is admitted while estimate < limit (so a steady stream at exactly the limit rate
 * passes). Memory is two counters; each fixed window admits at most `limit`, and any interval
 * of one window length at most 2·limit (when the previous window's requests all came at its
 * very end, which the uniform-spread assumption does not see).
 */

export interface SlidingCounterState {
  algorithm: 'sliding-window-counter';
  windowIndex: number;
  current: number;
  previous: number;
}

export function initialSlidingCounter(): SlidingCounterState {
  return { algorithm: 'sliding-window-counter', windowIndex: 0, current: 0, previous: 0 };
}

/** The counters rolled forward to the window containing `nowUs`. */
function rolled(p: WindowParams, s: SlidingCounterState, nowUs: number): SlidingCounterState {
  const windowIndex = windowIndexAt(p, nowUs);
  if (windowIndex === s.windowIndex) return s;
  const previous = windowIndex === s.windowIndex + 1 ? s.current : 0;
  return { algorithm: 'sliding-window-counter', windowIndex, current: 0, previous };
}

/** The weighted estimate of requests admitted within the sliding window ending at `nowUs`. */
export function slidingCounterEstimate(
  p: WindowParams,
  s: SlidingCounterState,
  nowUs: number,
): number {
  const r = rolled(p, s, nowUs);
  const windowUs = p.windowMs * US_PER_MS;
  const elapsedUs = nowUs - r.windowIndex * windowUs;
  return r.previous * (1 - elapsedUs / windowUs) + r.current;
}

export function admitSlidingCounter(
  p: WindowParams,
  s: SlidingCounterState,
  nowUs: number,
): { allowed: boolean; next: SlidingCounterState } {
  const r = rolled(p, s, nowUs);
  if (slidingCounterEstimate(p, r, nowUs) >= p.limit) return { allowed: false, next: r };
  return { allowed: true, next: { ...r, current: r.current + 1 } };
}
