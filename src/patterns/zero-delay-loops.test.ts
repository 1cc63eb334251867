import { describe, expect, it } from 'vitest';
import { createSimulation, LivelockError, type RunStoppedError } from '../engine/index.ts';
import { buildScenario } from '../engine/testing/scenario-builder.ts';
import { REGISTRY } from './registry.ts';

/** Runs a scenario of pattern kinds until the guard stops it. */
function stopOf(spec: Parameters<typeof buildScenario>[0]): RunStoppedError {
  const sim = createSimulation(buildScenario(spec, REGISTRY), { registry: REGISTRY });
  try {
    sim.runToEnd();
  } catch (err) {
    if (err instanceof LivelockError) return err;
    throw err;
  }
  throw new Error('the run was not stopped');
}

// Loops through pattern kinds, which a document may still hold or a live edit make: the
// livelock guard names what goes round (it used to blame users with no think time).
describe('zero-delay loops through patterns', () => {
  it('a cycle of proxies: a timeout and a retry calling each other', () => {
    const stop = stopOf({
      durationMs: 10_000,
      nodes: [
        { id: 'users', kind: 'client', config: { arrival: { type: 'poisson', ratePerSec: 60 } } },
        { id: 'gateway', kind: 'service', config: { workers: 8, callMode: 'parallel' } },
        { id: 't1', kind: 'timeout' },
        { id: 't2', kind: 'retry' },
      ],
      edges: [
        { source: 'users', target: 'gateway' },
        { source: 'gateway', target: 't1' },
        { source: 't1', target: 't2' },
        { source: 't2', target: 't1' },
      ],
    });
    expect(stop).toMatchObject({ loop: 'call-cycle', nodeIds: ['t1', 't2'] });
    expect(stop.message).toMatch(
      /^Stopped at [\d.]+ ms: virtual time cannot advance — calls go round t1 → t2 → t1 with no delay, each hop a new call at the same instant\. Give one of these calls some network latency, or remove the cycle\.$/,
    );
  });

  it('a timer whose interval rounds to 0 µs: a load balancer sweeping for outliers', () => {
    const stop = stopOf({
      durationMs: 10_000,
      nodes: [
        { id: 'lb', kind: 'load-balancer', config: { outlierDetection: { intervalMs: 1e-9 } } },
        { id: 's', kind: 'service' },
      ],
      edges: [{ source: 'lb', target: 's' }],
    });
    expect(stop).toMatchObject({ loop: 'timer', nodeIds: ['lb'], timeMs: 0 });
    expect(stop.message).toBe(
      'Stopped at 0 µs: virtual time cannot advance — lb sets timer after timer with no delay; one of its intervals rounds to 0 µs. Make its intervals at least 1 µs.',
    );
  });
});
