import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  FALLBACK_OUTAGE_DURATION_MS,
  FALLBACK_OUTAGE_START_MS,
  fallbackBuiltin,
} from './fallback.ts';

const failures = (d: { failed: Record<string, number> }) =>
  Object.values(d.failed).reduce((a, b) => a + b, 0);

/** Runs one variant; the client's error rate during the outage and over the whole run. */
function run(variant: 'with' | 'without') {
  const sim = createSimulation(fallbackBuiltin.build(variant), { registry: REGISTRY });
  sim.advanceTo(FALLBACK_OUTAGE_START_MS);
  const before = sim.nodeDetail('client');
  sim.advanceTo(FALLBACK_OUTAGE_START_MS + FALLBACK_OUTAGE_DURATION_MS);
  const during = sim.nodeDetail('client');
  sim.runToEnd();
  const client = sim.nodeDetail('client');
  const failed = failures(during) - failures(before);
  const answered = during.ok - before.ok + failed;
  return {
    sim,
    client,
    errorRateDuring: failed / answered,
    errorRate: failures(client) / client.arrivals,
  };
}

describe('R7 proof: fallback vs none, service down (refused) from 30 s for 30 s', () => {
  const withF = run('with');
  const without = run('without');

  it('the client-visible error rate stays near 0 with the fallback (measured: 0% vs 100% during the outage, 0% vs 34.1% over the run)', () => {
    expect(withF.errorRateDuring).toBeLessThanOrEqual(0.01);
    expect(without.errorRateDuring).toBeGreaterThanOrEqual(0.99);
    expect(withF.errorRate).toBeLessThanOrEqual(0.01);
    expect(without.errorRate).toBeGreaterThan(0.3);
  });

  it('degraded answers replace the errors one for one (measured: 3123 fallbacks vs 3123 refused)', () => {
    const f = withF.sim.nodeDetail('fallback');
    const fallbacks = f.metrics['fallback'] ?? 0;
    expect(fallbacks).toBe(without.client.failed['refused']);
    expect(failures(withF.client)).toBe(0);
    const report = REGISTRY.get('fallback')?.report?.({ ...f, completed: f.ok, elapsedMs: 90_000 });
    expect(report?.['fallbackShare']).toBeCloseTo(fallbacks / f.arrivals, 12);
    expect(report?.['fallbackShare']).toBeGreaterThan(0.3);
  });

  it('conservation holds in both runs, with the same traffic (measured: 9 146 requests each)', () => {
    expect(withF.sim.conservation().ok).toBe(true);
    expect(without.sim.conservation().ok).toBe(true);
    expect(withF.client.arrivals).toBe(without.client.arrivals);
  });
});
