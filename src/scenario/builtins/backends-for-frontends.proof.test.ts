import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../engine/index.ts';
import { bffKind } from '../../patterns/bff/bff.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  backendsForFrontendsBuiltin,
  BFF_SLOW_DURATION_MS,
  BFF_SLOW_START_MS,
} from './backends-for-frontends.ts';

const FAULT_END_MS = BFF_SLOW_START_MS + BFF_SLOW_DURATION_MS;

/** A client's mean latency over the 1-s windows in [fromMs, toMs), weighted by completions. */
function meanMs(sim: Simulation, client: string, fromMs: number, toMs: number): number {
  const s = sim.series(client, 'whole');
  const completed = s.fields['completed'] ?? [];
  const mean = s.fields['meanMs'] ?? [];
  let n = 0;
  let sum = 0;
  s.startMs.forEach((t, i) => {
    if (t < fromMs || t >= toMs) return;
    n += completed[i] ?? 0;
    sum += (completed[i] ?? 0) * (mean[i] ?? 0);
  });
  return sum / n;
}

function run(variant: 'with' | 'without') {
  const sim = createSimulation(backendsForFrontendsBuiltin.build(variant), { registry: REGISTRY });
  sim.runToEnd();
  const latency = (client: string) => ({
    before: meanMs(sim, client, 0, BFF_SLOW_START_MS),
    during: meanMs(sim, client, BFF_SLOW_START_MS, FAULT_END_MS),
  });
  const report = (id: string) => {
    const d = sim.nodeDetail(id);
    return bffKind.report?.({
      arrivals: d.arrivals,
      completed: d.ok,
      failed: d.failed,
      metrics: d.metrics,
      elapsedMs: sim.timeMs,
    });
  };
  return { sim, web: latency('web-client'), mobile: latency('mobile-client'), report };
}

describe('E2 proof: a BFF per frontend vs one general API, recommendations +300 ms for 60 s', () => {
  const on = run('with');
  const off = run('without');

  it('with BFFs the mobile client stays fast while recommendations are slow (measured: mean 23.1 → 23.7 ms)', () => {
    expect(on.mobile.during - on.mobile.before).toBeLessThan(5);
    expect(on.mobile.during).toBeLessThan(30);
  });

  it('the web client, which shows recommendations, pays the 300 ms (measured: 39.6 → 329.9 ms)', () => {
    expect(on.web.during - on.web.before).toBeGreaterThan(250);
    expect(on.web.during - on.web.before).toBeLessThan(320);
  });

  it('without BFFs the mobile client waits for recommendations it never shows (measured: 39.4 → 330.7 ms)', () => {
    expect(off.mobile.before).toBeGreaterThan(on.mobile.before + 10);
    expect(off.mobile.during - off.mobile.before).toBeGreaterThan(250);
    expect(off.mobile.during).toBeGreaterThan(10 * on.mobile.during);
  });

  it('payload as designed: web 3 sections and calls per request, mobile 2; the general API sends everyone 3', () => {
    expect(on.report('web-bff')).toMatchObject({ callsPerRequest: 3, payloadPerResponse: 3 });
    const mobile = on.report('mobile-bff');
    expect(mobile?.['callsPerRequest']).toBe(2);
    expect(mobile?.['payloadPerResponse']).toBe(2);
    expect(off.report('api')).toMatchObject({ callsPerRequest: 3, payloadPerResponse: 3 });
    // Only web traffic reaches recommendations with BFFs (measured: 11 974 vs 29 902 calls).
    expect(on.sim.nodeDetail('recs').arrivals).toBe(on.sim.nodeDetail('web-client').arrivals);
    expect(off.sim.nodeDetail('recs').arrivals).toBe(
      off.sim.nodeDetail('web-client').arrivals + off.sim.nodeDetail('mobile-client').arrivals,
    );
  });

  it('no request fails in either run, conservation holds, and the traffic is the same', () => {
    for (const r of [on, off]) {
      expect(r.sim.conservation().ok).toBe(true);
      expect(r.sim.nodeDetail('web-client').failed).toEqual({});
      expect(r.sim.nodeDetail('mobile-client').failed).toEqual({});
    }
    expect(on.sim.nodeDetail('mobile-client').arrivals).toBe(
      off.sim.nodeDetail('mobile-client').arrivals,
    );
  });
});
