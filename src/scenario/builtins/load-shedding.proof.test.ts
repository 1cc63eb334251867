import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import { loadShedderKind } from '../../patterns/load-shedder/load-shedder.ts';
import {
  loadSheddingBuiltin,
  SHEDDING_CAPACITY_PER_SEC,
  SHEDDING_DURATION_MS,
} from './load-shedding.ts';

/** The last minute of the run, when the queue without shedding is long past the timeout. */
const FROM_MS = 60_000;

function run(variant: 'with' | 'without') {
  const sim = createSimulation(loadSheddingBuiltin.build(variant), { registry: REGISTRY });
  sim.advanceTo(FROM_MS);
  const okBefore = sim.nodeDetail('client').ok;
  sim.runToEnd();
  const client = sim.nodeDetail('client');
  const goodputPerSec = (client.ok - okBefore) / ((SHEDDING_DURATION_MS - FROM_MS) / 1000);
  return { sim, client, goodputPerSec };
}

describe('R12 proof: server-side load shedding vs none, 200 req/s offered to ~100 req/s capacity', () => {
  const on = run('with');
  const off = run('without');

  it('goodput over the last minute stays near capacity with shedding and collapses without (measured: 100.0/s vs 0/s)', () => {
    expect(on.goodputPerSec).toBeGreaterThanOrEqual(0.9 * SHEDDING_CAPACITY_PER_SEC);
    expect(off.goodputPerSec).toBeLessThanOrEqual(0.02 * SHEDDING_CAPACITY_PER_SEC);
  });

  it('about half is shed, nearly nothing times out; without, everything times out (measured: shed 49.8%, timeouts 40 vs 23 519 of 23 856)', () => {
    const shed = on.client.failed['shed'] ?? 0;
    expect(shed / on.client.arrivals).toBeGreaterThan(0.4);
    expect(shed / on.client.arrivals).toBeLessThan(0.6);
    expect(on.client.failed['timeout'] ?? 0).toBeLessThan(0.005 * on.client.arrivals);
    expect(off.client.failed['timeout'] ?? 0).toBeGreaterThan(0.95 * off.client.arrivals);
    const figures = loadShedderKind.report?.({
      arrivals: on.sim.nodeDetail('shedder').arrivals,
      completed: 0,
      failed: {},
      metrics: on.sim.nodeDetail('shedder').metrics,
      elapsedMs: SHEDDING_DURATION_MS,
    });
    expect(figures?.['shedShare']).toBeCloseTo(shed / on.client.arrivals, 2);
    // The delay estimate does the shedding here, long before 100 calls are outstanding.
    expect(figures?.['shedForDelay']).toBe(shed);
  });

  it("the service's queue stays short with shedding and grows without end without (measured: max 55 vs 11 907; client p99 802 ms)", () => {
    const withQueue = on.sim.nodeDetail('service').maxQueueDepth;
    const withoutQueue = off.sim.nodeDetail('service').maxQueueDepth;
    // 500 ms of queueing at ~100 req/s is ~50 calls.
    expect(withQueue).toBeLessThanOrEqual(100);
    expect(withoutQueue).toBeGreaterThan(10_000);
    expect(on.client.latencyMs.p99).toBeLessThan(1000);
  });

  it('conservation holds in both runs, with identical traffic (measured: 23 856 requests each)', () => {
    expect(on.sim.conservation().ok).toBe(true);
    expect(off.sim.conservation().ok).toBe(true);
    expect(on.client.arrivals).toBe(off.client.arrivals);
  });
});
