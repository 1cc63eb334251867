import { describe, expect, it } from 'vitest';
import { createSimulation, type NodeDetail } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  MESH_ERRORS_END_MS,
  MESH_HANG_END_MS,
  MESH_HANG_START_MS,
  MESH_INSTANCES,
  serviceMeshSidecarBuiltin,
} from './service-mesh-sidecar.ts';

const failures = (d: NodeDetail) => Object.values(d.failed).reduce((a, b) => a + b, 0);
/** The sweep that re-admits instance-3 for good (second ejection: 60 s from ~60.6 s). */
const FINAL_READMISSION_MS = 130_000;

function run(variant: 'with' | 'without') {
  const events: { type: string; ms: number; detail: string }[] = [];
  const sim = createSimulation(serviceMeshSidecarBuiltin.build(variant), {
    registry: REGISTRY,
    trace: (e) => {
      if (/^(sidecar|outlier)\.(ejected|readmitted|ejection-skipped)$/.test(e.type))
        events.push({ type: e.type, ms: e.timeUs / 1000, detail: e.detail ?? '' });
    },
  });
  const arrivals = () => MESH_INSTANCES.map((id) => sim.nodeDetail(id).arrivals);
  sim.advanceTo(MESH_HANG_START_MS);
  const beforeFault = arrivals();
  sim.advanceTo(FINAL_READMISSION_MS);
  const beforeEnd = arrivals();
  sim.runToEnd();
  const atEnd = arrivals();
  const share = (from: number[], to: number[]) => {
    const d = to.map((x, i) => x - (from[i] ?? 0));
    const total = d.reduce((a, b) => a + b, 0);
    return d.map((x) => x / total);
  };
  return {
    sim,
    events,
    client: sim.nodeDetail('client'),
    proxy: sim.nodeDetail(variant === 'with' ? 'sidecar' : 'lb'),
    shareBeforeFault: share([0, 0, 0], beforeFault),
    shareAfterReadmission: share(beforeEnd, atEnd),
  };
}

describe('E3 proof: sidecar vs plain weighted LB, instance-3 hangs 20–30 s then fails 60% to 90 s', () => {
  const on = run('with');
  const off = run('without');

  it('client failures drop from 1900 to 0 (measured: success 93.72% → 100%, 2 in flight at the end)', () => {
    expect(off.client.failed['timeout']).toBeGreaterThan(350); // ~40/s to instance-3 × 10 s hang
    expect(off.client.failed['error']).toBeGreaterThan(1300); // 0.6 × 40/s × 60 s
    expect(failures(off.client)).toBe(1900);
    expect(failures(on.client)).toBe(0);
    expect(on.client.ok / on.client.arrivals).toBeGreaterThan(0.9999);
  });

  it('the hung attempts time out at 1 s and are retried elsewhere (measured: 43 timeouts, 54 retries, all succeeded, amplification 1.002)', () => {
    const m = on.proxy.metrics;
    expect(m['timeouts']).toBe(43);
    expect(m['retries']).toBe(54);
    expect(m['succeededAfterRetry']).toBe(54);
    const report = REGISTRY.get('sidecar')?.report?.({
      arrivals: on.proxy.arrivals,
      completed: on.proxy.ok,
      failed: on.proxy.failed,
      metrics: m,
      elapsedMs: on.sim.timeMs,
    });
    expect(report?.['amplification']).toBeGreaterThan(1);
    expect(report?.['amplification']).toBeLessThan(1.005);
    expect(report?.['errorShare']).toBe(0);
    // Retried requests waited out one 1 s attempt: they are the slow tail, within the 2 s timeout.
    expect(on.client.latencyMs.max).toBeGreaterThan(1000);
    expect(on.client.latencyMs.max).toBeLessThan(1300);
  });

  it('instance-3 is ejected 1.1 s into the hang for 30 s, re-admitted at 60 s, ejected again for 60 s, back for good at 130 s', () => {
    expect(on.events.map((e) => `${e.type} ${e.detail}`)).toEqual([
      'sidecar.ejected instance-3 for 30000 ms',
      'sidecar.readmitted instance-3',
      'sidecar.ejected instance-3 for 60000 ms',
      'sidecar.readmitted instance-3',
    ]);
    const [first, back, second, final] = on.events.map((e) => e.ms) as [
      number,
      number,
      number,
      number,
    ];
    // The 5th hung attempt times out 1 s after it was sent (measured: 21.11 s).
    expect(first).toBeGreaterThan(MESH_HANG_START_MS + 1000);
    expect(first).toBeLessThan(MESH_HANG_START_MS + 1500);
    expect(back).toBe(60_000);
    expect(second).toBeGreaterThan(back);
    expect(second).toBeLessThan(MESH_ERRORS_END_MS);
    expect(final).toBe(FINAL_READMISSION_MS);
    expect(on.proxy.metrics).toMatchObject({ ejections: 2, readmissions: 2 });
    expect(MESH_HANG_END_MS).toBeLessThan(back);
  });

  it('the weighted split is 40/40/20 before the fault and again once re-admitted (measured: 40.0/40.0/20.0%)', () => {
    for (const r of [on, off]) {
      r.shareBeforeFault.forEach((s, i) => expect(s).toBeCloseTo([0.4, 0.4, 0.2][i] ?? 0, 2));
    }
    on.shareAfterReadmission.forEach((s, i) => expect(s).toBeCloseTo([0.4, 0.4, 0.2][i] ?? 0, 2));
  });

  it('conservation holds in both runs, with the same traffic (measured: 30 237 requests each)', () => {
    expect(on.sim.conservation().ok).toBe(true);
    expect(off.sim.conservation().ok).toBe(true);
    expect(on.client.arrivals).toBe(off.client.arrivals);
    expect(off.events).toEqual([]);
  });
});
