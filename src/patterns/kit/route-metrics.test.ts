import { describe, expect, it } from 'vitest';
import { request } from '../testing/fake-context.ts';
import { ROUTE_ATTR, routeMetric, routePathOf } from './route-metrics.ts';

describe('route metrics', () => {
  it("reads the request's path from its route attribute; none is '/'", () => {
    expect(routePathOf(request({ attrs: { [ROUTE_ATTR]: '/orders/1' } }))).toBe('/orders/1');
    expect(routePathOf(request())).toBe('/');
    expect(routePathOf(request({ attrs: { [ROUTE_ATTR]: 3 } }))).toBe('/');
  });

  it('names a per-route counter, keeping the prefix as written', () => {
    expect(routeMetric('/orders', 'calls')).toBe('route./orders.calls');
    expect(routeMetric('/v1.2/', 'ok')).toBe('route./v1.2/.ok');
  });
});
