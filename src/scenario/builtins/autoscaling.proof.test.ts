import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import { autoscaledServiceKind } from '../../patterns/autoscaled-service/autoscaled-service.ts';
import {
  AUTOSCALING_DURATION_MS,
  AUTOSCALING_FIRST_DROP_MS,
  AUTOSCALING_SECOND_DROP_MS,
  autoscalingBuiltin,
} from './autoscaling.ts';

const STEP_MS = 10_000;
/** The last minute at 200 req/s: the ramp ended 2 minutes earlier; a scaler that kept up has recovered. */
const PEAK_TAIL_FROM_MS = 180_000;
/** Requests per second one instance serves (4 workers × 1 / 100 ms). */
const PER_INSTANCE_PER_SEC = 40;
const COOLDOWN_MS = 60_000;

/** Runs one variant, sampling the serving instances and the queue every 10 s. */
function run(variant: 'with' | 'without') {
  const sim = createSimulation(autoscalingBuiltin.build(variant), { registry: REGISTRY });
  const instances: number[] = [];
  const queue: number[] = [];
  for (let t = 0; t <= AUTOSCALING_DURATION_MS; t += STEP_MS) {
    sim.advanceTo(t);
    const d = sim.nodeDetail('service');
    instances.push(d.metrics['instances'] ?? 0);
    queue.push(d.queueDepth);
  }
  return {
    sim,
    instances,
    queue,
    peakTail: windows(sim, PEAK_TAIL_FROM_MS, AUTOSCALING_FIRST_DROP_MS),
    lowTail: windows(sim, AUTOSCALING_SECOND_DROP_MS, AUTOSCALING_DURATION_MS),
  };
}

/**
 * Client figures over the 1 s windows in [fromMs, toMs): rate, answers per request sent (ok,
 * failed — a window's answers may belong to earlier requests), mean and worst p99.
 */
function windows(sim: Simulation, fromMs: number, toMs: number) {
  const view = sim.series('client', 'recent');
  let sent = 0;
  let ok = 0;
  let failed = 0;
  let count = 0;
  let sumP99Ms = 0;
  let worstP99Ms = 0;
  view.startMs.forEach((start, i) => {
    if (start < fromMs || start >= toMs) return;
    const p99 = view.fields['p99Ms']?.[i] ?? 0;
    sent += view.fields['arrivals']?.[i] ?? 0;
    ok += view.fields['ok']?.[i] ?? 0;
    for (const [name, values] of Object.entries(view.fields)) {
      if (name.startsWith('failed:')) failed += values[i] ?? 0;
    }
    count++;
    sumP99Ms += p99;
    worstP99Ms = Math.max(worstP99Ms, p99);
  });
  return {
    ratePerSec: sent / count,
    okShare: ok / sent,
    failedShare: failed / sent,
    meanP99Ms: sumP99Ms / count,
    worstP99Ms,
    windows: count,
  };
}

const at = (ms: number) => ms / STEP_MS;

describe('R11 proof: autoscaling vs a fixed 2 instances, ramp 50 → 200 req/s (×4), back to 50 from 240–270 s', () => {
  const on = run('with');
  const off = run('without');

  it('instances follow the load up: 2 → 3 → 5 → 8 → 10, the first 30 s after the first evaluation over target (measured every 10 s from 0: 2,2,2,2,3,3,3,3,5,5,5,5,8,8,8,8,10 … 10 at 240 s)', () => {
    expect(on.instances.slice(0, at(AUTOSCALING_FIRST_DROP_MS) + 1)).toEqual([
      2, 2, 2, 2, 3, 3, 3, 3, 5, 5, 5, 5, 8, 8, 8, 8, 10, 10, 10, 10, 10, 10, 10, 10, 10,
    ]);
  });

  it('and back down: 10 → 4 at the first evaluation after traffic halves, → 2 (min) one 60 s cooldown later although the load fell to ≈ 31% of 4 instances at 270 s (measured: 4 from 250 to 300 s, 2 from 310 s)', () => {
    const down = on.instances.slice(at(AUTOSCALING_FIRST_DROP_MS));
    expect(down).toEqual([10, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2]);
    // From 270 s, 4 instances carry ≈ 50 req/s: utilization ≈ 50 / 160 = 31%, under the
    // 35% scale-down line, yet the scaler waits out the cooldown from its 250 s action.
    const low = on.lowTail.ratePerSec / (4 * PER_INSTANCE_PER_SEC);
    expect(low).toBeGreaterThan(0.28);
    expect(low).toBeLessThan(0.35);
    const firstDownMs = (at(AUTOSCALING_FIRST_DROP_MS) + 1) * STEP_MS;
    const secondDownMs = on.instances.indexOf(2, at(firstDownMs)) * STEP_MS;
    expect(secondDownMs - firstDownMs).toBe(COOLDOWN_MS);
    const report = autoscaledServiceKind.report?.({
      arrivals: 0,
      completed: 0,
      failed: {},
      metrics: on.sim.nodeDetail('service').metrics,
      elapsedMs: AUTOSCALING_DURATION_MS,
    });
    expect(report).toMatchObject({ maxInstances: 10, scaleUps: 4, scaleDowns: 2 });
    expect(report?.['meanInstances']).toBeCloseTo(5.44, 1);
  });

  it('latency recovers at the peak: from 180 to 240 s ≥ 99.9% succeed and the 1 s p99 is the bare service time (measured: 99.98%, mean p99 461 ms, worst 650 ms) vs 0% and 2 s timeouts without', () => {
    expect(on.peakTail.windows).toBe(60);
    expect(on.peakTail.okShare).toBeGreaterThanOrEqual(0.999);
    // Exponential 100 ms work has a p99 of 460 ms: no queueing left on top of it.
    expect(on.peakTail.meanP99Ms).toBeLessThanOrEqual(550);
    expect(on.peakTail.worstP99Ms).toBeLessThanOrEqual(1000);
    expect(off.peakTail.okShare).toBeLessThanOrEqual(0.01);
    expect(off.peakTail.meanP99Ms).toBeGreaterThanOrEqual(1999);
  });

  it('after scaling down to 2 the service still keeps up at 50 req/s (measured 270–360 s: no failure, mean 1 s p99 476 ms, no backlog) while the fixed pool still times out everything', () => {
    expect(on.lowTail.failedShare).toBe(0);
    expect(on.lowTail.meanP99Ms).toBeLessThanOrEqual(550);
    expect(on.sim.nodeDetail('service').queueDepth).toBeLessThan(10);
    expect(off.lowTail.okShare).toBe(0);
    expect(off.lowTail.failedShare).toBeGreaterThan(0.99);
  });

  it('the run as a whole: 55% vs 4% of requests succeed, peak queue 3 775 vs 24 930 (measured)', () => {
    const withClient = on.sim.nodeDetail('client');
    const withoutClient = off.sim.nodeDetail('client');
    // The ramp outpaces provisioning for a while with autoscaling too (the 30 s delay shows).
    expect(withClient.ok / withClient.arrivals).toBeGreaterThan(0.5);
    expect(withoutClient.ok / withoutClient.arrivals).toBeLessThan(0.05);
    expect(off.sim.nodeDetail('service').maxQueueDepth).toBeGreaterThan(
      5 * on.sim.nodeDetail('service').maxQueueDepth,
    );
    // Without, the queue grows for as long as traffic exceeds the 80 req/s the pool serves.
    const highPhase = off.queue.slice(at(20_000), at(AUTOSCALING_SECOND_DROP_MS) + 1);
    for (let i = 1; i < highPhase.length; i++) {
      expect(highPhase[i]).toBeGreaterThan(highPhase[i - 1] as number);
    }
  });

  it('conservation holds in both runs, with identical traffic (measured: 50 863 requests each)', () => {
    expect(on.sim.conservation().ok).toBe(true);
    expect(off.sim.conservation().ok).toBe(true);
    expect(on.sim.nodeDetail('client').arrivals).toBe(off.sim.nodeDetail('client').arrivals);
  });
});
