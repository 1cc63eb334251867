import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import { TIMEOUT_HANG_DURATION_MS, TIMEOUT_HANG_START_MS, timeoutBuiltin } from './timeout.ts';

const HANG_END_MS = TIMEOUT_HANG_START_MS + TIMEOUT_HANG_DURATION_MS;
/** Sample times: 5, 15 and 25 s into the hang, and 25 s after it ended. */
const SAMPLES_MS = [35_000, 45_000, 55_000, 85_000];

/** Runs one variant, sampling the client's in-flight requests. */
function run(variant: 'with' | 'without') {
  const sim = createSimulation(timeoutBuiltin.build(variant), { registry: REGISTRY });
  const inFlight = SAMPLES_MS.map((t) => {
    sim.advanceTo(t);
    return sim.nodeDetail('client').inFlight;
  });
  sim.runToEnd();
  return { sim, inFlight };
}

describe('R3 proof: timeout vs none, the service hangs from 30 s for 30 s', () => {
  const withTimeout = run('with');
  const without = run('without');

  it('in-flight stays bounded with the timeout (measured: 108, 99, 85 during the hang)', () => {
    // About one second of traffic (100 req/s × 1 s) at most.
    for (const n of withTimeout.inFlight.slice(0, 3)) {
      expect(n).toBeGreaterThan(50);
      expect(n).toBeLessThanOrEqual(150);
    }
    expect(withTimeout.inFlight[3]).toBeLessThan(10);
  });

  it('and grows without it (measured: 484 → 1517 → 2503, still 3032 after the hang)', () => {
    const [a, b, c, after] = without.inFlight as [number, number, number, number];
    expect(b).toBeGreaterThan(a + 800);
    expect(c).toBeGreaterThan(b + 800);
    expect(after).toBeGreaterThan(2800);
  });

  it('every stuck call fails with "timeout" after 1 s instead (measured: 3031)', () => {
    const t = withTimeout.sim.nodeDetail('timeout');
    expect(t.metrics['timedOut']).toBeGreaterThan(2800);
    expect(t.failed['timeout']).toBe(t.metrics['timedOut']);
    expect(withTimeout.sim.nodeDetail('client').failed['timeout']).toBe(t.metrics['timedOut']);
    expect(t.latencyMs.max).toBeLessThanOrEqual(1000);
  });

  it('conservation holds in both runs, with the same client traffic', () => {
    expect(withTimeout.sim.conservation().ok).toBe(true);
    expect(without.sim.conservation().ok).toBe(true);
    expect(withTimeout.sim.nodeDetail('client').arrivals).toBe(
      without.sim.nodeDetail('client').arrivals,
    );
    expect(HANG_END_MS).toBeLessThan(SAMPLES_MS[3] as number);
  });
});
