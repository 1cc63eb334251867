import { US_PER_MS, type RateLimiterConfig } from './config.ts';

/**
 * Fixed window: time is cut into windows of `windowMs` from the start of the run; each admits
 * at most `limit` requests and the count resets at the next window. Cheap, but a burst at the
 * end of one window and another at the start of the next let up to 2·limit through within
 * one window length.
 */

export type WindowParams = Pick<RateLimiterConfig, 'limit' | 'windowMs'>;

export interface FixedWindowState {
  algorithm: 'fixed-window';
  /** Index of the window `count` belongs to (floor(t / window)). */
  windowIndex: number;
  count: number;
}

export function initialFixedWindow(): FixedWindowState {
  return { algorithm: 'fixed-window', windowIndex: 0, count: 0 };
}

export function windowIndexAt(p: WindowParams, nowUs: number): number {
  return Math.floor(nowUs / (p.windowMs * US_PER_MS));
}

/** Requests admitted so far in the window containing `nowUs`. */
export function fixedWindowCount(p: WindowParams, s: FixedWindowState, nowUs: number): number {
  return windowIndexAt(p, nowUs) === s.windowIndex ? s.count : 0;
}

export function admitFixedWindow(
  p: WindowParams,
  s: FixedWindowState,
  nowUs: number,
): { allowed: boolean; next: FixedWindowState } {
  const windowIndex = windowIndexAt(p, nowUs);
  const count = windowIndex === s.windowIndex ? s.count : 0;
  if (count >= p.limit) return { allowed: false, next: s };
  return { allowed: true, next: { algorithm: 'fixed-window', windowIndex, count: count + 1 } };
}
