import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { fault, figures, labelOf, run as runLb, setup, svc } from './lb-test-harness.ts';
import { loadBalancerKind } from './load-balancer.ts';
import { NO_HEALTHY_TARGET } from '../kit/index.ts';

/** One run of a health-check or discovery scenario: ≤ 700 ms here; each test runs one. */
const RUN_MS = 1000;

/** Runs the harness topology to the end and checks conservation. */
function run(opts: Parameters<typeof runLb>[0] = {}) {
  const r = runLb(opts);
  expect(r.conserved).toBe(true);
  return r;
}

describe('active health checks (R8)', budget(1, RUN_MS), () => {
  const hc = { healthCheck: {} };

  it('a crashed target is DOWN after 2 failed probes and UP 2 probes after it recovers', () => {
    const { sim, lb, events } = run({ lb: hc, faults: [fault('s2', 11_000, 20_000)] });
    // Probes every 5 s: fail at 15 s and 20 s → DOWN; pass at 35 s and 40 s → UP.
    expect(events).toEqual(['health.down@20000 s2', 'health.up@40000 s2']);
    // Refused only between 11 s and 20 s: 9 s × 10/s.
    expect(lb.failed['refused']).toBe(90);
    expect(lb.metrics).toMatchObject({ markedDown: 1, markedUp: 1, probes: 33, probeFailures: 4 });
    expect(lb.metrics['health.s2.downMs']).toBe(20_000);
    expect(lb.metrics['health.downMs']).toBe(20_000);
    expect(lb.metrics['state.someOutMs']).toBeCloseTo(20_000, -1);
    expect(sim.nodeDetail('s2').arrivals).toBeLessThan(600);
  });

  it('the canvas shows "2/3 healthy" while s2 is DOWN; the state strip has it per window', () => {
    const { sim } = setup({ lb: hc, faults: [fault('s2', 11_000, 20_000)] });
    sim.advanceTo(25_000);
    const frame = sim.drainFrame().nodes.find((n) => n.id === 'lb');
    expect(frame?.state).toEqual({ text: '2/3 healthy', tone: 'warn' });
    sim.runToEnd();
    const view = sim.series('lb', 'whole');
    const someOut = view.fields['metric:state.someOutMs'] ?? [];
    const at = (sec: number) => view.startMs.findIndex((ms) => ms >= sec * 1000);
    expect(someOut[at(30)]).toBeCloseTo(1000, 6);
    expect(view.fields['metric:state.allHealthyMs']?.[at(50)]).toBeCloseTo(1000, 6);
  });

  it('a failing optional dependency makes its target DEGRADED, still in rotation', () => {
    const { lb, events, sim } = run({
      lb: hc,
      extraNodes: [svc('cache'), svc('db')],
      extraEdges: [
        { source: 's1', target: 'cache', config: { required: false } },
        { source: 's3', target: 'db' },
      ],
      faults: [fault('cache', 11_000, null), fault('db', 31_000, null)],
    });
    expect(events).toEqual([
      'health.degraded@15000 s1', // one failing non-critical probe is enough to label it
      'health.down@40000 s3', // a critical dependency counts like the target itself
    ]);
    expect(lb.metrics['health.degradedMs']).toBeGreaterThanOrEqual(40_000);
    expect(sim.nodeDetail('s1').arrivals).toBeGreaterThan(600);
    expect(labelOf(sim)).toEqual({
      text: '2/3 healthy, 1 degraded',
      tone: 'warn',
    });
  });

  it('checkDependencies off: only the target itself is probed', () => {
    const { events } = run({
      lb: { healthCheck: { checkDependencies: false } },
      extraNodes: [svc('db')],
      extraEdges: [{ source: 's3', target: 'db' }],
      faults: [fault('db', 11_000, null)],
    });
    expect(events).toEqual([]);
  });

  it('hung targets and latency above the probe timeout fail probes too', () => {
    const { events } = run({
      lb: hc,
      faults: [
        fault('s1', 11_000, null, { type: 'hang' }),
        fault('s3', 11_000, null, { type: 'latency', addMs: 1500, multiplier: 1 }),
      ],
    });
    expect(events).toEqual(['health.down@20000 s1', 'health.down@20000 s3']);
  });

  it('every target DOWN: calls fail fast with no-healthy-target', () => {
    const all = ['s1', 's2', 's3'].map((s) => fault(s, 11_000, null));
    const { lb, sim } = run({ lb: hc, faults: all });
    expect(lb.failed[NO_HEALTHY_TARGET.cause]).toBe(lb.metrics['noTarget']);
    expect(lb.metrics['noTarget']).toBe(1200); // 20 s … 60 s at 30/s
    // Counted up to the last event (the last arrival, at 59 967 ms).
    expect(lb.metrics['state.noneHealthyMs']).toBeCloseTo(39_967, 0);
    expect(labelOf(sim)).toEqual({
      text: '0/3 healthy',
      tone: 'bad',
    });
    expect(loadBalancerKind.report?.(figures(lb, 60_000))).toMatchObject({
      noTargetShare: 1200 / 1800,
      // Target time is counted at probe ticks: DOWN 20 s … 55 s (the last tick) of 55 s.
      targetDownShare: 35 / 55,
    });
  });
});

describe('service discovery (R10)', budget(1, RUN_MS), () => {
  const sd = { discovery: {} };

  it('instances register at start; a crashed one expires ttl after its last heartbeat', () => {
    const { lb, events, sim } = run({
      lb: sd,
      faults: [fault('s2', 35_000, 40_000)],
      durationMs: 120_000,
    });
    expect(events).toEqual([
      'discovery.registered@0 s1',
      'discovery.registered@0 s2',
      'discovery.registered@0 s3',
      'discovery.expired@60000 s2', // last heartbeat at 30 s
      'discovery.registered@80000 s2', // first heartbeat after the crash ends at 75 s
    ]);
    expect(lb.failed['refused']).toBe(250); // 35 s … 60 s at 10/s
    expect(lb.metrics['unregisteredMs']).toBe(20_000);
    expect(sim.nodeDetail('s2').arrivals).toBeLessThan(1200 - 190);
  });

  it('an instance drained to zero capacity deregisters gracefully, at its next tick', () => {
    const { events } = run({
      lb: sd,
      faults: [fault('s3', 12_000, 20_000, { type: 'capacity', factor: 0, workers: null })],
    });
    expect(events.slice(3)).toEqual([
      'discovery.deregistered@20000 s3',
      'discovery.registered@40000 s3',
    ]);
  });

  it('a lease shorter than the gap to the next tick expires on time', () => {
    const { events } = run({
      lb: { discovery: { heartbeatMs: 10_000, ttlMs: 15_000 } },
      faults: [fault('s1', 11_000, null)],
    });
    expect(events).toContain('discovery.expired@25000 s1');
  });
});
