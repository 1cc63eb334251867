import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';

/** fast-check's default number of runs, named so the budget can count it. */
const RUNS = 100;
import { matchRoute, pathPrefixSchema, prefixMatches } from './route-match.ts';

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
    );
  });
});

describe('pathPrefixSchema', () => {
  it('takes paths that start with "/" and names the rule otherwise', () => {
    expect(pathPrefixSchema.parse('/orders')).toBe('/orders');
    const bad = pathPrefixSchema.safeParse('orders');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('must start with "/"');
  });
});
