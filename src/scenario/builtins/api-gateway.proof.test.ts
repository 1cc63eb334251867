import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  apiGatewayBuiltin,
  GATEWAY_CRASH_DURATION_MS,
  GATEWAY_CRASH_START_MS,
} from './api-gateway.ts';

/** Runs one variant; the gateway's per-route counters grown during the crash window. */
function run(variant: 'with' | 'without') {
  const sim = createSimulation(apiGatewayBuiltin.build(variant), { registry: REGISTRY });
  sim.advanceTo(GATEWAY_CRASH_START_MS);
  const before = { ...sim.nodeDetail('gateway').metrics };
  const ordersBefore = sim.nodeDetail('orders').arrivals;
  sim.advanceTo(GATEWAY_CRASH_START_MS + GATEWAY_CRASH_DURATION_MS);
  const after = { ...sim.nodeDetail('gateway').metrics };
  const ordersCallsInCrash = sim.nodeDetail('orders').arrivals - ordersBefore;
  sim.runToEnd();
  const grew = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
  return { sim, grew, ordersCallsInCrash, gateway: sim.nodeDetail('gateway') };
}

describe('E1 proof: API gateway vs a plain reverse proxy, orders backend crashed 30–90 s', () => {
  const on = run('with');
  const off = run('without');

  it('during the crash the other routes answer ≈ 100 % of authorised traffic (measured: /catalog 5285 ok of 5283 calls, /home 1730 of 1730, /search 3004 of 3002 admitted)', () => {
    // Completions of calls that arrived just before the window count in it: allow ±0.1 %.
    const served = (prefix: string, admitted: number) =>
      on.grew(`route.${prefix}.ok`) / Math.max(1, admitted);
    expect(served('/catalog', on.grew('route./catalog.calls'))).toBeGreaterThan(0.999);
    expect(served('/home', on.grew('route./home.calls'))).toBeGreaterThan(0.999);
    const searchAdmitted = on.grew('route./search.calls') - on.grew('route./search.failed');
    expect(served('/search', searchAdmitted)).toBeGreaterThan(0.999);
    // /orders fails, and fails fast: its breaker answers for the dead backend.
    expect(on.grew('route./orders.ok')).toBe(0);
    expect(on.grew('circuitOpen')).toBeGreaterThan(0.99 * on.grew('route./orders.calls'));
  });

  it('401, 429, 503 and 404 are counted apart and add up to every failure (measured: 715 unauthorized, 2777 rate-limited, 5272 circuit-open + 6 refused, 1772 no-route; 0 timeouts)', () => {
    const g = on.gateway;
    expect(g.failed['unauthorized']).toBe(g.metrics['unauthorized']);
    expect(g.failed['rate-limited']).toBe(g.metrics['rateLimited']);
    expect(g.failed['circuit-open']).toBe(g.metrics['circuitOpen']);
    expect(g.failed['no-route']).toBe(g.metrics['noRoute']);
    expect(Object.keys(g.failed).sort()).toEqual([
      'circuit-open',
      'no-route',
      'rate-limited',
      'refused',
      'unauthorized',
    ]);
    // 2 % of all requests fail authentication; /legacy (5 % of the authorised) has no route.
    expect(Math.abs((g.failed['unauthorized'] ?? 0) / g.arrivals - 0.02)).toBeLessThan(0.003);
    expect(Math.abs((g.failed['no-route'] ?? 0) / g.arrivals - 0.049)).toBeLessThan(0.005);
    // The client sees exactly the gateway's verdicts: nothing timed out.
    expect(on.sim.nodeDetail('client').failed).toEqual(g.failed);
  });

  it('the crashed backend gets ≤ 10 calls during the crash with the route breaker, 5373 without', () => {
    expect(on.ordersCallsInCrash).toBeLessThanOrEqual(10);
    expect(off.ordersCallsInCrash).toBeGreaterThan(5000);
    expect(off.gateway.failed['refused']).toBeGreaterThan(5000);
  });

  it('the /search rate limit protects the search backend (measured: max queue 24 vs 487, client timeouts 0 vs 7131)', () => {
    const search = (r: typeof on) => r.sim.nodeDetail('search');
    expect(search(on).maxQueueDepth).toBeLessThan(50);
    expect(search(off).maxQueueDepth).toBeGreaterThan(300);
    expect(on.sim.nodeDetail('client').failed['timeout'] ?? 0).toBe(0);
    expect(off.sim.nodeDetail('client').failed['timeout']).toBeGreaterThan(5000);
    // Without authentication nothing is turned away as 401 or 429.
    expect(off.gateway.failed['unauthorized'] ?? 0).toBe(0);
    expect(off.gateway.failed['rate-limited'] ?? 0).toBe(0);
  });

  it('conservation holds in both runs, with the same traffic', () => {
    expect(on.sim.conservation().ok).toBe(true);
    expect(off.sim.conservation().ok).toBe(true);
    expect(on.sim.nodeDetail('client').arrivals).toBe(off.sim.nodeDetail('client').arrivals);
  });
});
