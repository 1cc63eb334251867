import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { createStream } from '../../engine/index.ts';
import { backoffCeilingMs, drawsJitter, retryDelayMs, type BackoffConfig } from './backoff.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

/** The retry kind's defaults (catalogue row R2): exponential from 100 ms ×2 up to 5 s, full jitter. */
const defaults: BackoffConfig = {
  backoff: 'exponential',
  baseMs: 100,
  multiplier: 2,
  capMs: 5000,
  jitter: 'full',
};
const cfg = (over: Partial<BackoffConfig> = {}): BackoffConfig => ({ ...defaults, ...over });

/** The first `n` delays of a retry sequence, drawing from one fixed stream. */
function sequence(c: BackoffConfig, n: number, seed = 42): number[] {
  const rng = createStream(seed, 'retry', 'jitter');
  const out: number[] = [];
  let previous = c.baseMs;
  for (let retry = 0; retry < n; retry++) {
    previous = retryDelayMs(c, retry, previous, drawsJitter(c) ? rng.next() : 0);
    out.push(previous);
  }
  return out;
}

describe('backoff ceiling', () => {
  it('none → 0; fixed → base; exponential → base · multiplierⁿ up to the cap', () => {
    expect([0, 1, 5].map((n) => backoffCeilingMs(cfg({ backoff: 'none' }), n))).toEqual([0, 0, 0]);
    expect([0, 1, 5].map((n) => backoffCeilingMs(cfg({ backoff: 'fixed' }), n))).toEqual([
      100, 100, 100,
    ]);
    expect([0, 1, 2, 5, 6, 10].map((n) => backoffCeilingMs(cfg(), n))).toEqual([
      100, 200, 400, 3200, 5000, 5000,
    ]);
    expect(backoffCeilingMs(cfg({ multiplier: 3, baseMs: 10 }), 3)).toBe(270);
    // A cap below the base caps the fixed wait too.
    expect(backoffCeilingMs(cfg({ backoff: 'fixed', capMs: 40 }), 0)).toBe(40);
  });
});

describe('jitter formulas (u = the uniform draw)', () => {
  it('none: the ceiling itself, and nothing is drawn', () => {
    const c = cfg({ jitter: 'none' });
    expect(drawsJitter(c)).toBe(false);
    expect(sequence(c, 4)).toEqual([100, 200, 400, 800]);
  });

  it('full: u · t', () => {
    expect(retryDelayMs(cfg(), 2, 0, 0)).toBe(0);
    expect(retryDelayMs(cfg(), 2, 0, 0.25)).toBe(100);
    expect(retryDelayMs(cfg(), 2, 0, 0.5)).toBe(200);
  });

  it('equal: t/2 + u · t/2', () => {
    const c = cfg({ jitter: 'equal' });
    expect(retryDelayMs(c, 2, 0, 0)).toBe(200);
    expect(retryDelayMs(c, 2, 0, 0.5)).toBe(300);
  });

  it('decorrelated: min(cap, base + u · (3 · previous − base)), previous starting at base', () => {
    const c = cfg({ jitter: 'decorrelated' });
    expect(retryDelayMs(c, 0, 100, 0)).toBe(100);
    expect(retryDelayMs(c, 0, 100, 0.5)).toBe(200);
    expect(retryDelayMs(c, 7, 1000, 0.5)).toBe(1550);
    expect(retryDelayMs(c, 7, 3000, 0.9)).toBe(5000);
    // The retry number plays no part.
    expect(retryDelayMs(c, 0, 400, 0.25)).toBe(retryDelayMs(c, 9, 400, 0.25));
  });

  it('backoff "none" means an immediate retry whatever the jitter, drawing nothing', () => {
    for (const jitter of ['none', 'full', 'equal', 'decorrelated'] as const) {
      const c = cfg({ backoff: 'none', jitter });
      expect(drawsJitter(c)).toBe(false);
      expect(retryDelayMs(c, 3, 500, 0.7)).toBe(0);
    }
  });

  it('pins the delays for the fixed stream (seed 42, "retry", "jitter") with the defaults', () => {
    const close = (actual: number[], expected: number[]) =>
      expected.forEach((x, i) => expect(actual[i]).toBeCloseTo(x, 9));
    close(
      sequence(cfg(), 4),
      [98.11079471837729, 181.78065386600792, 250.62510622665286, 634.4610083848238],
    );
    close(
      sequence(cfg({ jitter: 'equal' }), 4),
      [99.05539735918865, 190.89032693300396, 325.31255311332643, 717.2305041924119],
    );
    close(
      sequence(cfg({ jitter: 'decorrelated' }), 4),
      [296.2215894367546, 816.819986322617, 1572.7106922445294, 3762.530917823366],
    );
  });
});

describe('jitter bounds (properties)', () => {
  const config = fc.record({
    backoff: fc.constantFrom('fixed' as const, 'exponential' as const),
    baseMs: fc.double({ min: 0, max: 10_000, noNaN: true }),
    multiplier: fc.double({ min: 1, max: 10, noNaN: true }),
    capMs: fc.double({ min: 0, max: 100_000, noNaN: true }),
  });
  const u = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
  const retry = fc.integer({ min: 0, max: 19 });

  it(
    'full ∈ [0, t], equal ∈ [t/2, t], none = t, with t = the ceiling ≤ cap',
    budget(RUNS, 2),
    () => {
      fc.assert(
        fc.property(config, retry, u, (c, n, x) => {
          const t = backoffCeilingMs(cfg(c), n);
          expect(t).toBeLessThanOrEqual(c.capMs);
          const full = retryDelayMs(cfg({ ...c, jitter: 'full' }), n, c.baseMs, x);
          const equal = retryDelayMs(cfg({ ...c, jitter: 'equal' }), n, c.baseMs, x);
          expect(full).toBeGreaterThanOrEqual(0);
          expect(full).toBeLessThanOrEqual(t);
          expect(equal).toBeGreaterThanOrEqual(t / 2);
          expect(equal).toBeLessThanOrEqual(t);
          expect(retryDelayMs(cfg({ ...c, jitter: 'none' }), n, c.baseMs, x)).toBe(t);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('decorrelated ∈ [min(cap, base), min(cap, max(base, 3 · previous))]', budget(RUNS, 2), () => {
    const previous = fc.double({ min: 0, max: 100_000, noNaN: true });
    fc.assert(
      fc.property(config, retry, previous, u, (c, n, p, x) => {
        const d = retryDelayMs(cfg({ ...c, jitter: 'decorrelated' }), n, p, x);
        expect(d).toBeGreaterThanOrEqual(Math.min(c.capMs, c.baseMs));
        expect(d).toBeLessThanOrEqual(Math.min(c.capMs, Math.max(c.baseMs, 3 * p)) + 1e-9);
      }),
      { numRuns: RUNS },
    );
  });

  it('the exponential ceiling never decreases from one retry to the next', budget(RUNS, 2), () => {
    fc.assert(
      fc.property(config, fc.integer({ min: 0, max: 18 }), (c, n) => {
        const e = cfg({ ...c, backoff: 'exponential' });
        expect(backoffCeilingMs(e, n + 1)).toBeGreaterThanOrEqual(backoffCeilingMs(e, n));
      }),
      { numRuns: RUNS },
    );
  });
});
