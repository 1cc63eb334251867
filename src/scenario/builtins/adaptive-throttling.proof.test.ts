import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  adaptiveThrottlingBuiltin,
  THROTTLING_CAPACITY_PER_SEC,
  THROTTLING_DURATION_MS,
  THROTTLING_OFFERED_PER_SEC,
} from './adaptive-throttling.ts';

/** After the first 20 s, when the 2-minute window holds enough history. */
const FROM_MS = 20_000;

function run(variant: 'with' | 'without') {
  const sim = createSimulation(adaptiveThrottlingBuiltin.build(variant), { registry: REGISTRY });
  sim.advanceTo(FROM_MS);
  const okBefore = sim.nodeDetail('client').ok;
  const backendBefore = sim.nodeDetail('shedder').arrivals;
  sim.runToEnd();
  const seconds = (THROTTLING_DURATION_MS - FROM_MS) / 1000;
  return {
    sim,
    client: sim.nodeDetail('client'),
    goodputPerSec: (sim.nodeDetail('client').ok - okBefore) / seconds,
    backendPerSec: (sim.nodeDetail('shedder').arrivals - backendBefore) / seconds,
  };
}

describe('R12 proof: client-side adaptive throttling (k = 2) vs none, 400 req/s offered to ~100 req/s capacity', () => {
  const on = run('with');
  const off = run('without');

  it('the backend receives about k × accepts instead of all the traffic: offered load halves (measured: 198 req/s vs 401 req/s)', () => {
    expect(off.backendPerSec).toBeGreaterThan(0.95 * THROTTLING_OFFERED_PER_SEC);
    expect(on.backendPerSec).toBeLessThan(0.6 * off.backendPerSec);
    // k = 2: about twice what the backend accepts (its capacity).
    expect(on.backendPerSec).toBeGreaterThan(1.6 * THROTTLING_CAPACITY_PER_SEC);
    expect(on.backendPerSec).toBeLessThan(2.4 * THROTTLING_CAPACITY_PER_SEC);
  });

  it('at equal goodput, near capacity either way — a shed answer is free in this model (measured: 99.7/s vs 99.7/s)', () => {
    expect(on.goodputPerSec).toBeGreaterThanOrEqual(0.9 * THROTTLING_CAPACITY_PER_SEC);
    expect(off.goodputPerSec).toBeGreaterThanOrEqual(0.9 * THROTTLING_CAPACITY_PER_SEC);
    expect(Math.abs(on.goodputPerSec - off.goodputPerSec)).toBeLessThan(
      0.05 * THROTTLING_CAPACITY_PER_SEC,
    );
  });

  it('rejections move to the client: half throttled locally, the backend sheds a third as much (measured: 24 563 of 48 056 throttled; shed 11 512 vs 36 070; 49% of the throttle forwards pushed back)', () => {
    const throttled = on.client.failed['throttled'] ?? 0;
    expect(throttled / on.client.arrivals).toBeGreaterThan(0.4);
    expect(on.sim.nodeDetail('throttle').metrics['throttled']).toBe(throttled);
    const shedWith = on.client.failed['shed'] ?? 0;
    const shedWithout = off.client.failed['shed'] ?? 0;
    expect(shedWith).toBeLessThan(0.4 * shedWithout);
    // The throttle's view: about half its forwards are pushed back (shed) or late.
    const t = on.sim.nodeDetail('throttle').metrics;
    expect((t['pushedBack'] ?? 0) / (t['forwarded'] ?? 1)).toBeGreaterThan(0.45);
    expect((t['pushedBack'] ?? 0) / (t['forwarded'] ?? 1)).toBeLessThan(0.55);
  });

  it('conservation holds in both runs, with identical traffic (measured: 48 056 requests each)', () => {
    expect(on.sim.conservation().ok).toBe(true);
    expect(off.sim.conservation().ok).toBe(true);
    expect(on.client.arrivals).toBe(off.client.arrivals);
  });
});
