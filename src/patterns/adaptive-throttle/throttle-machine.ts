import { z } from 'zod';

/**
 * Client-side adaptive throttling (Google SRE book, "Handling Overload"; docs/patterns.md, R12)
 * over plain data. Every function returns a new state and never mutates its input.
 *
 * Over a sliding window of the last `windowMs` the throttle counts `requests` (every call
 * that reached it, the ones it rejected locally included) and `accepts` (calls the backend
 * did not push back for overload; the kind decides, see `isAccept`). A new request is
 * rejected locally with probability
 *
 *     max(0, (requests − k · accepts) / (requests + 1))
 *
 * computed from the window before the request is counted. The window is bucketed: one bucket
 * per second of virtual time (`BUCKET_MS`), `ceil(windowMs / 1000)` buckets, and a bucket
 * leaves the window whole once its second is older than the window.
 */

export const BUCKET_MS = 1000;
const BUCKET_US = BUCKET_MS * 1000;

export const throttleConfigSchema = z.strictObject({
  /** Requests allowed per accept before local rejection starts (SRE: K, usually 1.1 – 2). */
  k: z.number().min(1).max(10).default(2).meta({ title: 'Requests per accept (K)' }),
  windowMs: z.number().min(BUCKET_MS).max(600_000).default(120_000),
});
export type ThrottleConfig = z.infer<typeof throttleConfigSchema>;

export interface ThrottleWindow {
  /** Index of the current bucket: floor(time / 1 s). */
  epoch: number;
  /** Ring of per-second counts; bucket of second e is at e mod length. */
  requests: number[];
  accepts: number[];
  totalRequests: number;
  totalAccepts: number;
}

export function bucketCount(cfg: ThrottleConfig): number {
  return Math.ceil(cfg.windowMs / BUCKET_MS);
}

export function initialWindow(cfg: ThrottleConfig, nowUs = 0): ThrottleWindow {
  const n = bucketCount(cfg);
  return {
    epoch: Math.floor(nowUs / BUCKET_US),
    requests: new Array<number>(n).fill(0),
    accepts: new Array<number>(n).fill(0),
    totalRequests: 0,
    totalAccepts: 0,
  };
}

/** Moves the window to `nowUs`: buckets of seconds that left the window are emptied. */
export function advance(w: ThrottleWindow, nowUs: number): ThrottleWindow {
  const epoch = Math.floor(nowUs / BUCKET_US);
  if (epoch <= w.epoch) return w;
  const n = w.requests.length;
  const requests = [...w.requests];
  const accepts = [...w.accepts];
  let { totalRequests, totalAccepts } = w;
  const steps = Math.min(n, epoch - w.epoch);
  for (let i = 1; i <= steps; i++) {
    const slot = (w.epoch + i) % n;
    totalRequests -= requests[slot] as number;
    totalAccepts -= accepts[slot] as number;
    requests[slot] = 0;
    accepts[slot] = 0;
  }
  return { epoch, requests, accepts, totalRequests, totalAccepts };
}

/** The SRE formula over the window as it stands. */
export function rejectProbability(cfg: ThrottleConfig, w: ThrottleWindow): number {
  return Math.max(0, (w.totalRequests - cfg.k * w.totalAccepts) / (w.totalRequests + 1));
}

function bump(w: ThrottleWindow, field: 'requests' | 'accepts'): ThrottleWindow {
  const slot = w.epoch % w.requests.length;
  const counts = [...w[field]];
  counts[slot] = (counts[slot] as number) + 1;
  return field === 'requests'
    ? { ...w, requests: counts, totalRequests: w.totalRequests + 1 }
    : { ...w, accepts: counts, totalAccepts: w.totalAccepts + 1 };
}

/** A request arrived (admitted or rejected locally: both count). */
export function recordRequest(w: ThrottleWindow, nowUs: number): ThrottleWindow {
  return bump(advance(w, nowUs), 'requests');
}

/** The backend accepted a request (it answered in time and did not push back for overload). */
export function recordAccept(w: ThrottleWindow, nowUs: number): ThrottleWindow {
  return bump(advance(w, nowUs), 'accepts');
}
