import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { goesToNew, routeChanges, stickyBucket, stranglerConfigSchema } from './split.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

describe('strangler split', () => {
  it('stickyBucket: a fixed place in [0, 100) per id', budget(RUNS, 2), () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (id) => {
        const b = stickyBucket(id);
        return b >= 0 && b < 100 && b === stickyBucket(id);
      }),
      { numRuns: RUNS },
    );
  });

  it('stickyBucket spreads 0 … 99 999 evenly: each decile holds 10 % ± 0.5 %', () => {
    const deciles = new Array<number>(10).fill(0);
    for (let id = 0; id < 100_000; id++) {
      const d = Math.floor(stickyBucket(id) / 10);
      deciles[d] = (deciles[d] ?? 0) + 1;
    }
    for (const n of deciles) expect(Math.abs(n / 100_000 - 0.1)).toBeLessThan(0.005);
  });

  it('goesToNew: 0 % never, 100 % always, else below the percentage', () => {
    expect(goesToNew(0, 0)).toBe(false);
    expect(goesToNew(100, 99.99)).toBe(true);
    expect(goesToNew(30, 29.99)).toBe(true);
    expect(goesToNew(30, 30)).toBe(false);
  });

  it('property: raising a percentage only moves places from legacy to new', budget(RUNS, 2), () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 99.99, noNaN: true }),
        (p, q, place) => {
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          return !goesToNew(lo, place) || goesToNew(hi, place);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('routeChanges names every edited, added and removed route', () => {
    const r = (prefix: string, percentToNew: number) => ({
      prefix,
      percentToNew,
      rollbackAtMs: null,
    });
    expect(
      routeChanges(
        [r('/a', 100), r('/b', 50), r('/c', 0)],
        [r('/a', 100), r('/b', 0), r('/d', 10)],
      ),
    ).toEqual(['/b 50% → 0%', '/d –% → 10%', '/c 0% → removed']);
  });

  it('config defaults: no routes (all legacy), targets by edge order, sticky', () => {
    expect(stranglerConfigSchema.parse({})).toEqual({
      routes: [],
      legacyTarget: null,
      newTarget: null,
      sticky: true,
    });
    expect(stranglerConfigSchema.parse({ routes: [{ prefix: '/a' }] }).routes).toEqual([
      { prefix: '/a', percentToNew: 0, rollbackAtMs: null },
    ]);
    expect(stranglerConfigSchema.safeParse({ routes: [{ prefix: 'a' }] }).success).toBe(false);
  });
});
