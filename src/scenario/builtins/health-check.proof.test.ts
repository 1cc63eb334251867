import { describe, expect, it } from 'vitest';
import { createSimulation, type NodeDetail } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  HC_CRASH_DURATION_MS,
  HC_CRASH_START_MS,
  HC_DEP_FAULT_DURATION_MS,
  HC_DEP_FAULT_START_MS,
  healthCheckBuiltin,
} from './health-check.ts';

const failures = (d: NodeDetail) => Object.values(d.failed).reduce((a, b) => a + b, 0);
const CRASH_END_MS = HC_CRASH_START_MS + HC_CRASH_DURATION_MS;
/** Probes every 5 s, DOWN after 2 failures: out of rotation within 10 s of the crash. */
const DETECTED_BY_MS = HC_CRASH_START_MS + 10_000;

/** Runs one variant; client failures per window and the health trace events. */
function run(variant: 'with' | 'without') {
  const events: { type: string; ms: number; target: string }[] = [];
  const sim = createSimulation(healthCheckBuiltin.build(variant), {
    registry: REGISTRY,
    trace: (e) => {
      if (e.type.startsWith('health.'))
        events.push({ type: e.type, ms: e.timeUs / 1000, target: e.detail ?? '' });
    },
  });
  sim.advanceTo(DETECTED_BY_MS);
  const untilDetected = failures(sim.nodeDetail('client'));
  sim.advanceTo(CRASH_END_MS);
  const restOfCrash = failures(sim.nodeDetail('client')) - untilDetected;
  sim.advanceTo(HC_DEP_FAULT_START_MS);
  const beforeDep = failures(sim.nodeDetail('client'));
  sim.advanceTo(HC_DEP_FAULT_START_MS + HC_DEP_FAULT_DURATION_MS);
  const duringDep = failures(sim.nodeDetail('client')) - beforeDep;
  sim.runToEnd();
  return { sim, events, untilDetected, restOfCrash, duringDep };
}

describe('R8 proof: health checks vs none, instance-2 crashes from 32 s for 40 s', () => {
  const on = run('with');
  const off = run('without');

  it('instance-2 is DOWN within interval × threshold = 10 s (measured: 8 s, at 40 s), UP 8 s after recovery', () => {
    const down = on.events.find((e) => e.type === 'health.down');
    expect(down?.target).toBe('instance-2');
    expect(down?.ms).toBeGreaterThan(HC_CRASH_START_MS);
    expect(down?.ms).toBeLessThanOrEqual(DETECTED_BY_MS);
    const up = on.events.find((e) => e.type === 'health.up' && e.target === 'instance-2');
    expect(up?.ms).toBeGreaterThan(CRASH_END_MS);
    expect(up?.ms).toBeLessThanOrEqual(CRASH_END_MS + 10_000);
    // Status timeline: DOWN from 40 s to 80 s.
    expect(on.sim.nodeDetail('lb').metrics['health.instance-2.downMs']).toBe(40_000);
  });

  it('client errors stop once it is DOWN: 0 from 42 s to 72 s vs 2137 without', () => {
    expect(on.restOfCrash).toBe(0);
    expect(off.restOfCrash).toBeGreaterThan(1800); // a third of ~200 req/s for 30 s
  });

  it('refused calls over the run drop ≥ 75% (measured: 2664 → 527, all in the first 8 s)', () => {
    const refusedOn = on.sim.nodeDetail('client').failed['refused'] ?? 0;
    const refusedOff = off.sim.nodeDetail('client').failed['refused'] ?? 0;
    expect(refusedOn).toBe(on.untilDetected);
    expect(refusedOn).toBeLessThanOrEqual(0.25 * refusedOff);
  });

  it('a failing optional dependency marks all three DEGRADED (90 s → 110 s) but keeps them in rotation (0 errors)', () => {
    const degraded = on.events.filter((e) => e.type === 'health.degraded');
    expect(degraded.map((e) => e.target).sort()).toEqual([
      'instance-1',
      'instance-2',
      'instance-3',
    ]);
    for (const e of degraded) expect(e.ms).toBe(HC_DEP_FAULT_START_MS);
    expect(on.duringDep).toBe(0);
    const lb = on.sim.nodeDetail('lb');
    expect(lb.metrics['health.degradedMs']).toBe(3 * HC_DEP_FAULT_DURATION_MS);
    expect(lb.metrics['markedDown']).toBe(1);
    expect(lb.metrics['noTarget'] ?? 0).toBe(0);
  });

  it('conservation holds in both runs, with the same traffic (measured: 23 803 requests each)', () => {
    expect(on.sim.conservation().ok).toBe(true);
    expect(off.sim.conservation().ok).toBe(true);
    expect(on.sim.nodeDetail('client').arrivals).toBe(off.sim.nodeDetail('client').arrivals);
    expect(off.events).toEqual([]);
  });
});
