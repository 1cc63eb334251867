import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { rateLimiterConfigSchema, type RateLimiterConfig } from './config.ts';
import {
  drainIntervalUs,
  initialLeakyBucket,
  leakyArrive,
  leakyDrain,
  nextReleaseUs,
} from './leaky-bucket.ts';
import { arrive, initialLimiter, type LimiterState } from './machine.ts';

/** Runs per property: up to ~2.6 ms each here (the leaky bucket's are the longest). */
const RUNS = 200;
const RUN_MS = 5;

/**
 * The bounds each algorithm promises, over arbitrary arrival patterns (bursts, ties, gaps):
 * admitted ≤ capacity + rate·T for the token bucket, ≤ limit per aligned window and ≤ 2·limit
 * per window length for the fixed window and the sliding counter, ≤ limit per window length
 * for the sliding log, departures ≥ 1/drainPerSec apart for the leaky bucket.
 */

const SEC = 1_000_000;
const EPS = 1e-6;
const defaults = rateLimiterConfigSchema.parse({});

/** Sorted arrival times in µs over up to 5 s, with bursts of equal times. */
const arrivals = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5 * SEC }), fc.integer({ min: 1, max: 8 })), {
    maxLength: 120,
  })
  .map((bursts) => bursts.flatMap(([t, n]) => Array<number>(n).fill(t)).sort((a, b) => a - b));

const rate = fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constantFrom(0.1, 0.5, 2.5, 7.3, 33.3));

function admitted(c: RateLimiterConfig, times: number[]): { pass: number[]; rejected: number[] } {
  let s: LimiterState = initialLimiter(c, 0);
  const pass: number[] = [];
  const rejected: number[] = [];
  for (const t of times) {
    const r = arrive(c, s, t);
    s = r.next;
    expect(r.decision).not.toBe('wait');
    (r.decision === 'pass' ? pass : rejected).push(t);
  }
  return { pass, rejected };
}

/** The most admissions within any interval of length < `spanUs` (two-pointer sweep). */
function maxInSpan(times: number[], spanUs: number): number {
  let best = 0;
  let i = 0;
  for (let j = 0; j < times.length; j++) {
    while ((times[j] as number) - (times[i] as number) >= spanUs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

function perWindow(times: number[], windowUs: number): Map<number, number> {
  const m = new Map<number, number>();
  for (const t of times) {
    const k = Math.floor(t / windowUs);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

describe('rate limiter properties (fast-check)', budget(RUNS, RUN_MS), () => {
  it('token bucket: over any interval T, admitted ≤ capacity + refillPerSec·T; a full bucket is usable', () => {
    fc.assert(
      fc.property(arrivals, fc.integer({ min: 1, max: 30 }), rate, (times, capacity, refill) => {
        const c = { ...defaults, capacity, refillPerSec: refill };
        const { pass } = admitted(c, times);
        // The largest excess of admissions over the bound, over every pair of admissions.
        let worst = -Infinity;
        for (let i = 0; i < pass.length; i++) {
          for (let j = i; j < pass.length; j++) {
            const tSec = ((pass[j] as number) - (pass[i] as number)) / SEC;
            worst = Math.max(worst, j - i + 1 - (capacity + refill * tSec));
          }
        }
        expect(worst).toBeLessThanOrEqual(EPS);
        expect(pass.length).toBeGreaterThanOrEqual(Math.min(times.length, capacity));
      }),
      { numRuns: RUNS },
    );
  });

  it('fixed window: exactly min(limit, arrivals) per aligned window; ≤ 2·limit in any window length', () => {
    fc.assert(
      fc.property(
        arrivals,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 3000 }),
        (times, limit, windowMs) => {
          const c = { ...defaults, algorithm: 'fixed-window' as const, limit, windowMs };
          const { pass } = admitted(c, times);
          const windowUs = windowMs * 1000;
          const offered = perWindow(times, windowUs);
          const got = perWindow(pass, windowUs);
          for (const [k, n] of offered) expect(got.get(k) ?? 0).toBe(Math.min(limit, n));
          expect(maxInSpan(pass, windowUs)).toBeLessThanOrEqual(2 * limit);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('sliding-window log: ≤ limit in any window length; a rejection means the window was full', () => {
    fc.assert(
      fc.property(
        arrivals,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 3000 }),
        (times, limit, windowMs) => {
          const c = { ...defaults, algorithm: 'sliding-window-log' as const, limit, windowMs };
          const { pass, rejected } = admitted(c, times);
          const windowUs = windowMs * 1000;
          expect(maxInSpan(pass, windowUs)).toBeLessThanOrEqual(limit);
          for (const t of rejected) {
            const inWindow = pass.filter((a) => a <= t && a > t - windowUs).length;
            expect(inWindow).toBe(limit);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('sliding-window counter: ≤ limit per aligned window, ≤ 2·limit in any window length', () => {
    fc.assert(
      fc.property(
        arrivals,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 3000 }),
        (times, limit, windowMs) => {
          const c = { ...defaults, algorithm: 'sliding-window-counter' as const, limit, windowMs };
          const { pass } = admitted(c, times);
          const windowUs = windowMs * 1000;
          for (const n of perWindow(pass, windowUs).values()) expect(n).toBeLessThanOrEqual(limit);
          expect(maxInSpan(pass, windowUs)).toBeLessThanOrEqual(2 * limit);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('leaky bucket: departures ≥ 1/drainPerSec apart, ≤ capacity waiting, each wait ≤ capacity/drainPerSec', () => {
    fc.assert(
      fc.property(
        arrivals,
        fc.integer({ min: 1, max: 20 }),
        rate,
        (times, capacity, drainPerSec) => {
          const p = { capacity, drainPerSec };
          const intervalUs = drainIntervalUs(p);
          let s = initialLeakyBucket();
          const queue: number[] = [];
          const departures: number[] = [];
          let rejected = 0;
          let drainAt: number | null = null;
          // Drains at the rounded-up time, as the kind's timers do.
          const runDrain = () => {
            const at = drainAt as number;
            const r = leakyDrain(p, s, at);
            if (!r) {
              drainAt = Math.ceil(nextReleaseUs(p, s) ?? at);
              return;
            }
            s = r.next;
            const arrivedAt = queue.shift() as number;
            // Each drain may land up to 1 µs late (timers are whole µs, rounded up).
            expect(at - arrivedAt).toBeLessThanOrEqual(capacity * (intervalUs + 1));
            departures.push(at);
            drainAt = r.drainAtUs === null ? null : Math.ceil(r.drainAtUs);
          };
          for (const t of times) {
            while (drainAt !== null && drainAt <= t) runDrain();
            const r = leakyArrive(p, s, t);
            s = r.next;
            if (r.decision === 'pass') departures.push(t);
            else if (r.decision === 'wait') queue.push(t);
            else rejected++;
            if (r.drainAtUs !== null) drainAt = Math.ceil(r.drainAtUs);
            expect(s.waiting).toBe(queue.length);
            expect(s.waiting).toBeLessThanOrEqual(capacity);
          }
          while (drainAt !== null) runDrain();
          expect(queue).toEqual([]);
          expect(departures.length + rejected).toBe(times.length);
          let minGap = Infinity;
          for (let i = 1; i < departures.length; i++) {
            minGap = Math.min(minGap, (departures[i] as number) - (departures[i - 1] as number));
          }
          expect(minGap).toBeGreaterThanOrEqual(intervalUs - EPS);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
