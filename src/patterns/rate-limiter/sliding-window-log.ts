import { US_PER_MS } from './config.ts';
import type { WindowParams } from './fixed-window.ts';

/**
 * Sliding-window log: the times of the requests admitted within the last `windowMs`; a
 * request is admitted while fewer than `limit` of them fall in (now − window, now]. Exact —
 * no interval of one window length ever holds more than `limit` admissions — at the cost of
 * remembering up to `limit` timestamps. Rejected requests are not logged, so a client that
 * keeps hammering is not locked out beyond the window.
 */

export interface SlidingLogState {
  algorithm: 'sliding-window-log';
  /** Admission times (µs), oldest first; entries older than the window are dropped lazily. */
  log: number[];
}

export function initialSlidingLog(): SlidingLogState {
  return { algorithm: 'sliding-window-log', log: [] };
}

/** Index of the first logged time inside (now − window, now] (binary search: the log is sorted). */
function firstInWindow(p: WindowParams, log: readonly number[], nowUs: number): number {
  const horizon = nowUs - p.windowMs * US_PER_MS;
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((log[mid] as number) > horizon) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Requests admitted within the window ending at `nowUs`. */
export function slidingLogCount(p: WindowParams, s: SlidingLogState, nowUs: number): number {
  return s.log.length - firstInWindow(p, s.log, nowUs);
}

export function admitSlidingLog(
  p: WindowParams,
  s: SlidingLogState,
  nowUs: number,
): { allowed: boolean; next: SlidingLogState } {
  const first = firstInWindow(p, s.log, nowUs);
  if (s.log.length - first >= p.limit) return { allowed: false, next: s };
  const log = s.log.slice(first);
  log.push(nowUs);
  return { allowed: true, next: { algorithm: 'sliding-window-log', log } };
}
