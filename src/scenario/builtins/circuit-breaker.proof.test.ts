import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  BREAKER_FAULT_DURATION_MS,
  BREAKER_FAULT_START_MS,
  circuitBreakerBuiltin,
} from './circuit-breaker.ts';

/** Runs one variant; counts the calls the service receives during the fault window. */
function run(variant: 'with' | 'without') {
  const sim = createSimulation(circuitBreakerBuiltin.build(variant), { registry: REGISTRY });
  sim.advanceTo(BREAKER_FAULT_START_MS);
  const before = sim.nodeDetail('service').arrivals;
  sim.advanceTo(BREAKER_FAULT_START_MS + BREAKER_FAULT_DURATION_MS);
  const serviceCallsInFault = sim.nodeDetail('service').arrivals - before;
  sim.runToEnd();
  return { sim, serviceCallsInFault };
}

describe('R1 proof: circuit breaker vs none, service 80% errors from 30 s for 30 s', () => {
  const withBreaker = run('with');
  const without = run('without');

  it('the service receives ≥ 70% fewer calls during the fault with the breaker (measured: 6 vs 3056)', () => {
    expect(without.serviceCallsInFault).toBeGreaterThan(2500); // ~100 req/s × 30 s
    expect(withBreaker.serviceCallsInFault).toBeLessThanOrEqual(0.3 * without.serviceCallsInFault);
  });

  it('the breaker fails fast (measured: 3057 circuit-open), opens once and is open ~30 s', () => {
    const b = withBreaker.sim.nodeDetail('breaker');
    expect(b.metrics['rejected'] ?? 0).toBeGreaterThan(0);
    expect(b.failed['circuit-open']).toBe(b.metrics['rejected']);
    expect(withBreaker.sim.nodeDetail('client').failed['circuit-open']).toBe(b.metrics['rejected']);
    expect(b.metrics['opened']).toBeGreaterThanOrEqual(1);
    expect(b.metrics['state.openMs'] ?? 0).toBeGreaterThanOrEqual(30_000);
  });

  it("the client's p99 with the breaker ≤ without (measured: 83.7 ms vs 90.7 ms)", () => {
    const p99With = withBreaker.sim.nodeDetail('client').latencyMs.p99;
    const p99Without = without.sim.nodeDetail('client').latencyMs.p99;
    expect(p99With).toBeLessThanOrEqual(p99Without);
  });

  it('conservation holds in both runs', () => {
    expect(withBreaker.sim.conservation().ok).toBe(true);
    expect(without.sim.conservation().ok).toBe(true);
    expect(withBreaker.sim.nodeDetail('client').arrivals).toBe(
      without.sim.nodeDetail('client').arrivals,
    );
  });
});
