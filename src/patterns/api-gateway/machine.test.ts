import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import {
  bucketCapacity,
  fullBucket,
  matchRoute,
  prefixMatches,
  takeToken,
  type TokenBucket,
} from './machine.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

describe('prefixMatches: segment boundaries', () => {
  it.each([
    ['/orders', '/orders', true],
    ['/orders', '/orders/42', true],
    ['/orders', '/ordersX', false],
    ['/orders', '/order', false],
    ['/orders/', '/orders/42', true],
    ['/', '/anything/at/all', true],
    ['/', '/', true],
    ['/a', '/', false],
  ] as const)('%s covers %s: %s', (prefix, path, expected) => {
    expect(prefixMatches(prefix, path)).toBe(expected);
  });
});

describe('matchRoute: longest prefix wins', () => {
  const routes = [{ prefix: '/' }, { prefix: '/orders' }, { prefix: '/orders/export' }];

  it('picks the most specific route, falls back to the catch-all', () => {
    expect(matchRoute(routes, '/orders/export/2024')).toBe(2);
    expect(matchRoute(routes, '/orders/42')).toBe(1);
    expect(matchRoute(routes, '/ordersX')).toBe(0);
    expect(matchRoute(routes, '/catalog')).toBe(0);
  });

  it('no route covers the path: -1; equal prefixes: the first listed wins', () => {
    expect(matchRoute([{ prefix: '/a' }], '/b')).toBe(-1);
    expect(matchRoute([], '/a')).toBe(-1);
    expect(matchRoute([{ prefix: '/a' }, { prefix: '/a' }], '/a/1')).toBe(0);
  });

  it('property: the match covers the path and no longer prefix does', budget(RUNS, 2), () => {
    const segment = fc.constantFrom('a', 'b', 'ab');
    const path = fc.array(segment, { maxLength: 4 }).map((s) => '/' + s.join('/'));
    fc.assert(
      fc.property(fc.array(path, { maxLength: 6 }), path, (prefixes, p) => {
        const routes = prefixes.map((prefix) => ({ prefix }));
        const i = matchRoute(routes, p);
        if (i < 0) return routes.every((r) => !prefixMatches(r.prefix, p));
        const best = (routes[i] as { prefix: string }).prefix;
        return (
          prefixMatches(best, p) &&
          routes.every((r) => !prefixMatches(r.prefix, p) || r.prefix.length <= best.length)
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('token bucket', () => {
  it('capacity: burst when set, else one second of tokens (at least 1)', () => {
    expect(bucketCapacity(20, null)).toBe(20);
    expect(bucketCapacity(2.5, null)).toBe(3);
    expect(bucketCapacity(0.2, null)).toBe(1);
    expect(bucketCapacity(20, 5)).toBe(5);
  });

  it('a full bucket of 3 gives 3 tokens at once, then one per 1/rate seconds', () => {
    let b = fullBucket(3, 0);
    const take = (atUs: number) => {
      const r = takeToken(b, 10, 3, atUs);
      b = r.next;
      return r.allowed;
    };
    expect([take(0), take(0), take(0), take(0)]).toEqual([true, true, true, false]);
    expect(take(50_000)).toBe(false); // half a token
    expect(take(100_000)).toBe(true); // a whole one, to the µs
    expect(take(100_000)).toBe(false);
    // A long idle time refills only up to the capacity.
    expect([take(10_000_000), take(10_000_000), take(10_000_000), take(10_000_000)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('never mutates its input', () => {
    const b: TokenBucket = { tokens: 2, updatedUs: 0 };
    takeToken(b, 1, 2, 5_000_000);
    expect(b).toEqual({ tokens: 2, updatedUs: 0 });
  });

  it(
    'property: admitted ≤ capacity + rate × elapsed, for any arrival times',
    budget(RUNS, 2),
    () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0.5, max: 500, noNaN: true }),
          fc.integer({ min: 1, max: 50 }),
          fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 300 }),
          (rate, capacity, gaps) => {
            let b = fullBucket(capacity, 0);
            let now = 0;
            let admitted = 0;
            for (const g of gaps) {
              now += g;
              const r = takeToken(b, rate, capacity, now);
              b = r.next;
              if (r.allowed) admitted++;
              if (b.tokens < 0 || b.tokens > capacity) return false;
            }
            return admitted <= capacity + (rate * now) / 1_000_000 + 1e-6;
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});
