import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../engine/index.ts';
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

/**
 * The client's p99 in each 1 s window from 31 s to 60 s (the fault after its first second),
 * and their median.
 */
function faultP99s(sim: Simulation) {
  const view = sim.series('client', 'recent');
  const p99 = view.fields['p99Ms'] ?? [];
  const completed = view.fields['completed'] ?? [];
  const perSecond: number[] = [];
  view.startMs.forEach((startMs, i) => {
    if (startMs < 31_000 || startMs >= BREAKER_FAULT_START_MS + BREAKER_FAULT_DURATION_MS) return;
    expect(view.durationMs[i]).toBe(1000);
    // A real p99 of ~100 answers, not an empty window's 0.
    expect(completed[i]).toBeGreaterThan(50);
    perSecond.push(p99[i] ?? Number.NaN);
  });
  const sorted = [...perSecond].sort((a, b) => a - b);
  return { perSecond, median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN };
}

describe('R1 proof: circuit breaker vs none, service 80% errors from 30 s for 30 s', () => {
  const withBreaker = run('with');
  const without = run('without');

  it('the service receives ≥ 70% fewer calls during the fault with the breaker (measured: 6 vs 3056)', () => {
    expect(without.serviceCallsInFault).toBeGreaterThan(2500); // ~100 req/s × 30 s
    expect(withBreaker.serviceCallsInFault).toBeLessThanOrEqual(0.3 * without.serviceCallsInFault);
  });

  it("the client's p99 stays bounded by fast failures during the fault: median per-second p99 over 31–60 s ≤ 2 ms with the breaker, > 50 ms without (measured: 0 ms vs 82.9 ms)", () => {
    const w = faultP99s(withBreaker.sim);
    const wo = faultP99s(without.sim);
    expect(w.perSecond).toHaveLength(29);
    expect(wo.perSecond).toHaveLength(29);
    expect(w.median).toBeLessThanOrEqual(2);
    expect(wo.median).toBeGreaterThan(50);
    // Every second of the outage, not just the median: all fast failures (measured max 0 ms).
    expect(Math.max(...w.perSecond)).toBeLessThanOrEqual(2);
  });

  it('the breaker fails fast (measured: 3057 circuit-open), opens once and is open 30 s (measured: 30 005.7 ms)', () => {
    const b = withBreaker.sim.nodeDetail('breaker');
    expect(b.metrics['rejected']).toBe(3057);
    expect(b.failed['circuit-open']).toBe(b.metrics['rejected']);
    expect(withBreaker.sim.nodeDetail('client').failed['circuit-open']).toBe(b.metrics['rejected']);
    expect(b.metrics['opened']).toBe(1);
    expect(b.metrics['state.openMs']).toBeGreaterThanOrEqual(30_000);
    expect(b.metrics['state.openMs']).toBeLessThanOrEqual(31_000);
    // The wait ends just after the fault: the 3 probes all succeed and close it (rate 0 < 50%).
    expect(b.metrics['halfOpened']).toBe(1);
    expect(b.metrics['closed']).toBe(1);
  });

  it("the client's whole-run p99 with the breaker ≤ without (measured: 83.7 ms vs 90.7 ms)", () => {
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
