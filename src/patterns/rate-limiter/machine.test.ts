import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  RATE_LIMIT_ALGORITHMS,
  rateLimiterConfigSchema,
  type RateLimiterConfig,
} from './config.ts';
import { admitFixedWindow, initialFixedWindow } from './fixed-window.ts';
import { arrive, initialLimiter, reconfigure, usage, type LimiterState } from './machine.ts';
import {
  admitSlidingCounter,
  initialSlidingCounter,
  slidingCounterEstimate,
} from './sliding-window-counter.ts';
import { admitSlidingLog, initialSlidingLog, slidingLogCount } from './sliding-window-log.ts';

const MS = 1000;
const SEC = 1_000_000;
const defaults = rateLimiterConfigSchema.parse({});
const cfg = (over: Partial<RateLimiterConfig> = {}): RateLimiterConfig => ({
  ...defaults,
  ...over,
});

/** Runs arrivals at the given times (µs) through `arrive`; returns the admitted ones. */
function admittedAt(c: RateLimiterConfig, timesUs: number[]): number[] {
  let s: LimiterState = initialLimiter(c, 0);
  const out: number[] = [];
  for (const t of timesUs) {
    const r = arrive(c, s, t);
    s = r.next;
    if (r.decision === 'pass') out.push(t);
  }
  return out;
}

describe('rate limiter config', () => {
  it('defaults: token bucket 100 / 10 per s, windows 100 per 60 s, leaky drain 10 per s', () => {
    expect(defaults).toEqual({
      algorithm: 'token-bucket',
      capacity: 100,
      refillPerSec: 10,
      limit: 100,
      windowMs: 60_000,
      drainPerSec: 10,
    });
    const schema = z.toJSONSchema(rateLimiterConfigSchema, { io: 'input' });
    expect(schema.properties?.['algorithm']).toMatchObject({
      enum: [
        'token-bucket',
        'fixed-window',
        'sliding-window-log',
        'sliding-window-counter',
        'leaky-bucket',
      ],
    });
  });

  it('rejects an unknown algorithm and non-positive rates', () => {
    expect(rateLimiterConfigSchema.safeParse({ algorithm: 'gcra' }).success).toBe(false);
    expect(rateLimiterConfigSchema.safeParse({ refillPerSec: 0 }).success).toBe(false);
    expect(rateLimiterConfigSchema.safeParse({ capacity: 0 }).success).toBe(false);
  });
});

describe('token bucket', () => {
  it('burst then refill rate: requests every 2 ms over [0, 2 s] admit exactly 100 + 10·2', () => {
    const times = Array.from({ length: 1001 }, (_, i) => i * 2 * MS);
    const admitted = admittedAt(cfg(), times);
    expect(admitted).toHaveLength(120);
    // The first 100 pass back to back (0…198 ms), by when 1.98 tokens have been refilled:
    // 200 and 202 ms pass too, then one request per refilled token, every 100 ms.
    expect(admitted[99]).toBe(198 * MS);
    expect(admitted.slice(100, 104)).toEqual([200 * MS, 202 * MS, 300 * MS, 400 * MS]);
    expect(admitted[119]).toBe(2000 * MS);
  });
});

describe('fixed window', () => {
  const p = { limit: 2, windowMs: 1000 };

  it('admits limit per window and resets at the window boundary', () => {
    const c = cfg({ algorithm: 'fixed-window', ...p });
    expect(admittedAt(c, [0, 1, 2, 999_999, 1 * SEC, 1 * SEC + 1, 1 * SEC + 2])).toEqual([
      0,
      1,
      1 * SEC,
      1 * SEC + 1,
    ]);
  });

  it('lets 2·limit through around a boundary (its known weakness)', () => {
    const c = cfg({ algorithm: 'fixed-window', ...p });
    expect(admittedAt(c, [999 * MS, 999 * MS, 1000 * MS, 1000 * MS])).toHaveLength(4);
  });

  it('a window skipped entirely starts from zero', () => {
    const s = { algorithm: 'fixed-window' as const, windowIndex: 0, count: 2 };
    expect(admitFixedWindow(p, s, 5 * SEC)).toEqual({
      allowed: true,
      next: { algorithm: 'fixed-window', windowIndex: 5, count: 1 },
    });
    expect(admitFixedWindow(p, s, 500 * MS)).toEqual({ allowed: false, next: s });
    expect(initialFixedWindow()).toEqual({ algorithm: 'fixed-window', windowIndex: 0, count: 0 });
  });
});

describe('sliding-window log', () => {
  const p = { limit: 2, windowMs: 1000 };

  it('admits while fewer than limit admissions lie in (now − window, now]', () => {
    const c = cfg({ algorithm: 'sliding-window-log', ...p });
    // 0 and 500 ms fill it; 999 ms is rejected; at 1000 ms the one from 0 has left.
    expect(admittedAt(c, [0, 500 * MS, 999 * MS, 1000 * MS, 1400 * MS, 1500 * MS])).toEqual([
      0,
      500 * MS,
      1000 * MS,
      1500 * MS,
    ]);
  });

  it('no 2·limit burst across a boundary', () => {
    const c = cfg({ algorithm: 'sliding-window-log', ...p });
    expect(admittedAt(c, [999 * MS, 999 * MS, 1000 * MS, 1000 * MS])).toHaveLength(2);
  });

  it('rejected requests are not logged; the log drops entries older than the window', () => {
    let s = initialSlidingLog();
    s = admitSlidingLog(p, s, 0).next;
    s = admitSlidingLog(p, s, 100 * MS).next;
    const rejected = admitSlidingLog(p, s, 200 * MS);
    expect(rejected).toEqual({ allowed: false, next: s });
    const later = admitSlidingLog(p, s, 1050 * MS);
    expect(later.next.log).toEqual([100 * MS, 1050 * MS]);
    expect(slidingLogCount(p, later.next, 1100 * MS)).toBe(1);
  });
});

describe('sliding-window counter', () => {
  const p = { limit: 10, windowMs: 1000 };

  it('weights the previous window by its overlap: 8 · 0.75 + 2 = 8 admits, 8·0.75+4 = 10 rejects', () => {
    const s = {
      algorithm: 'sliding-window-counter' as const,
      windowIndex: 1,
      current: 2,
      previous: 8,
    };
    expect(slidingCounterEstimate(p, s, 1250 * MS)).toBe(8);
    expect(admitSlidingCounter(p, s, 1250 * MS)).toEqual({
      allowed: true,
      next: { ...s, current: 3 },
    });
    const full = { ...s, current: 4 };
    expect(admitSlidingCounter(p, full, 1250 * MS).allowed).toBe(false);
    // Later in the window less of the previous one counts: 8 · 0.5 + 4 = 8 < 10.
    expect(admitSlidingCounter(p, full, 1500 * MS).allowed).toBe(true);
  });

  it('rolls windows: current becomes previous; after a gap both reset', () => {
    const s = {
      algorithm: 'sliding-window-counter' as const,
      windowIndex: 1,
      current: 6,
      previous: 9,
    };
    expect(admitSlidingCounter(p, s, 2000 * MS).next).toEqual({
      algorithm: 'sliding-window-counter',
      windowIndex: 2,
      current: 1,
      previous: 6,
    });
    // 6 · 1 + 0 < 10 at the very start of window 2: admitted.
    expect(admitSlidingCounter(p, s, 2000 * MS).allowed).toBe(true);
    expect(admitSlidingCounter(p, s, 3000 * MS).next).toMatchObject({ current: 1, previous: 0 });
  });

  it('a steady stream at exactly the limit rate keeps passing', () => {
    const c = cfg({ algorithm: 'sliding-window-counter', ...p });
    const times = Array.from({ length: 50 }, (_, i) => (i + 0.5) * 100 * MS);
    expect(admittedAt(c, times)).toHaveLength(50);
    expect(initialSlidingCounter()).toMatchObject({ current: 0, previous: 0 });
  });
});

describe('dispatch: arrive, usage, reconfigure', () => {
  it('every algorithm starts from its initial state', () => {
    for (const algorithm of RATE_LIMIT_ALGORITHMS) {
      expect(initialLimiter(cfg({ algorithm }), 0).algorithm).toBe(algorithm);
    }
  });

  it('usage: tokens taken, window count or estimate, waiting', () => {
    const tb = cfg();
    expect(usage(tb, { algorithm: 'token-bucket', microTokens: 40e6, updatedUs: 0 }, 0)).toEqual({
      used: 60,
      of: 100,
    });
    const fw = cfg({ algorithm: 'fixed-window', limit: 5, windowMs: 1000 });
    expect(usage(fw, { algorithm: 'fixed-window', windowIndex: 0, count: 3 }, 0)).toEqual({
      used: 3,
      of: 5,
    });
    expect(usage(fw, { algorithm: 'fixed-window', windowIndex: 0, count: 3 }, 1 * SEC).used).toBe(
      0,
    );
    const lb = cfg({ algorithm: 'leaky-bucket', capacity: 7 });
    expect(usage(lb, { algorithm: 'leaky-bucket', waiting: 4, lastReleaseUs: 0 }, 0)).toEqual({
      used: 4,
      of: 7,
    });
  });

  it('reconfigure: new algorithm starts fresh; the token bucket keeps (capped) tokens', () => {
    const before = cfg();
    const s: LimiterState = { algorithm: 'token-bucket', microTokens: 50e6, updatedUs: 0 };
    expect(reconfigure(before, cfg({ capacity: 20 }), s, 1 * SEC)).toEqual({
      algorithm: 'token-bucket',
      microTokens: 20e6,
      updatedUs: 1 * SEC,
    });
    expect(reconfigure(before, cfg({ capacity: 500 }), s, 1 * SEC)).toMatchObject({
      microTokens: 60e6,
    });
    expect(reconfigure(before, cfg({ algorithm: 'fixed-window' }), s, 1 * SEC)).toEqual(
      initialFixedWindow(),
    );
    const fw = cfg({ algorithm: 'fixed-window' });
    const fs: LimiterState = { algorithm: 'fixed-window', windowIndex: 0, count: 9 };
    expect(reconfigure(fw, { ...fw, limit: 5 }, fs, 0)).toBe(fs);
    expect(reconfigure(fw, { ...fw, windowMs: 10_000 }, fs, 0)).toEqual(initialFixedWindow());
  });
});
