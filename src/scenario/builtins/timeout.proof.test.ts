import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  TIMEOUT_HANG_DURATION_MS,
  TIMEOUT_HANG_START_MS,
  TIMEOUT_SLOW_ADD_MS,
  TIMEOUT_SLOW_DURATION_MS,
  TIMEOUT_SLOW_START_MS,
  timeoutBuiltin,
} from './timeout.ts';

const HANG_END_MS = TIMEOUT_HANG_START_MS + TIMEOUT_HANG_DURATION_MS;
const SLOW_END_MS = TIMEOUT_SLOW_START_MS + TIMEOUT_SLOW_DURATION_MS;
/** Sample times: 5, 15 and 25 s into the hang, as the slow phase starts, and after it. */
const SAMPLES_MS = [35_000, 45_000, 55_000, TIMEOUT_SLOW_START_MS, 88_000];

/** Runs one variant, sampling the client's in-flight requests and the timeouts so far. */
function run(variant: 'with' | 'without') {
  const sim = createSimulation(timeoutBuiltin.build(variant), { registry: REGISTRY });
  const inFlight: number[] = [];
  let timedOutBeforeSlow = 0;
  for (const t of SAMPLES_MS) {
    sim.advanceTo(t);
    inFlight.push(sim.nodeDetail('client').inFlight);
    if (t === TIMEOUT_SLOW_START_MS && variant === 'with') {
      timedOutBeforeSlow = sim.nodeDetail('timeout').metrics['timedOut'] ?? 0;
    }
  }
  sim.runToEnd();
  return { sim, inFlight, timedOutBeforeSlow };
}

describe('R3 proof: timeout vs none, the service hangs from 30 s for 30 s, then is slow (+3 s) from 62 s for 20 s', () => {
  const withTimeout = run('with');
  const without = run('without');

  it('in-flight stays bounded with the timeout (measured: 108, 99, 85 during the hang, 6 after it)', () => {
    // About one second of traffic (100 req/s × 1 s) at most.
    for (const n of withTimeout.inFlight.slice(0, 3)) {
      expect(n).toBeGreaterThan(50);
      expect(n).toBeLessThanOrEqual(150);
    }
    expect(withTimeout.inFlight[3]).toBeLessThan(10);
    expect(withTimeout.inFlight[4]).toBeLessThan(10);
  });

  it('and grows without it (measured: 484 → 1517 → 2503, still 3037 after the hang, 3034 at 88 s)', () => {
    const [a, b, c, after, end] = without.inFlight as [number, number, number, number, number];
    expect(b).toBeGreaterThan(a + 800);
    expect(c).toBeGreaterThan(b + 800);
    expect(after).toBeGreaterThan(2800);
    expect(end).toBeGreaterThan(2800);
  });

  it('every stuck call fails with "timeout" after 1 s instead (measured: 3031 in the hang, 5128 in all)', () => {
    const t = withTimeout.sim.nodeDetail('timeout');
    expect(withTimeout.timedOutBeforeSlow).toBeGreaterThan(2800);
    expect(t.failed['timeout']).toBe(t.metrics['timedOut']);
    expect(withTimeout.sim.nodeDetail('client').failed['timeout']).toBe(t.metrics['timedOut']);
    expect(t.latencyMs.max).toBeLessThanOrEqual(1000);
  });

  it('slow answers come back after the deadline and are discarded: all 2097 slow-phase timeouts end as late responses (measured: 2097 late)', () => {
    const t = withTimeout.sim.nodeDetail('timeout');
    const slowTimeouts = (t.metrics['timedOut'] ?? 0) - withTimeout.timedOutBeforeSlow;
    // About 100 req/s × 20 s of calls taking 3 s; hung calls never answer, so none are late.
    expect(slowTimeouts).toBeGreaterThan(1800);
    expect(slowTimeouts).toBeLessThan(2300);
    expect(t.lateResponses).toBe(slowTimeouts);
    const report = REGISTRY.get('timeout')?.report?.({
      arrivals: t.arrivals,
      completed: t.ok,
      failed: t.failed,
      metrics: t.metrics,
      elapsedMs: withTimeout.sim.timeMs,
      lateResponses: t.lateResponses,
    });
    expect(report?.['late']).toBe(slowTimeouts);
  });

  it('without the timeout the client waits the 3 s for those answers instead, and nothing is late', () => {
    const client = without.sim.nodeDetail('client');
    expect(client.latencyMs.max).toBeGreaterThan(TIMEOUT_SLOW_ADD_MS);
    expect(client.lateResponses).toBe(0);
    expect(without.sim.nodeDetail('service').lateResponses).toBe(0);
  });

  it('conservation holds in both runs, with the same client traffic', () => {
    expect(withTimeout.sim.conservation().ok).toBe(true);
    expect(without.sim.conservation().ok).toBe(true);
    expect(withTimeout.sim.nodeDetail('client').arrivals).toBe(
      without.sim.nodeDetail('client').arrivals,
    );
    expect(HANG_END_MS).toBeLessThan(TIMEOUT_SLOW_START_MS);
    expect(SLOW_END_MS).toBeLessThan(SAMPLES_MS[4] as number);
  });
});
