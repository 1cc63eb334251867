import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import { REGISTRY } from '../registry.ts';
import { fault, labelOf, run as runLb, setup } from './lb-test-harness.ts';
import { loadBalancerKind } from './load-balancer.ts';

/** One run of a balancer scenario (up to 120 s of virtual time): ≤ 1 s here. Each test runs at most 2. */
const RUN_MS = 1500;

/** Runs the harness topology to the end and checks conservation. */
function run(opts: Parameters<typeof runLb>[0] = {}) {
  const r = runLb(opts);
  expect(r.conserved).toBe(true);
  return r;
}

describe('load-balancer kind', budget(2, RUN_MS), () => {
  it('is registered as a router with a JSON-schema-able config', () => {
    expect(REGISTRY.get('load-balancer')).toBe(loadBalancerKind);
    expect(loadBalancerKind.category).toBe('routing');
    const schema = z.toJSONSchema(loadBalancerKind.configSchema, { io: 'input' });
    expect(Object.keys(schema.properties ?? {})).toEqual([
      'strategy',
      'healthCheck',
      'outlierDetection',
      'discovery',
    ]);
  });

  it('round robin (default) spreads calls evenly and relays every answer', () => {
    const { sim, lb, c } = run();
    expect(lb).toMatchObject({ arrivals: 1800, ok: 1800, failed: {} });
    expect(c.ok).toBe(1800);
    for (const s of ['s1', 's2', 's3']) expect(sim.nodeDetail(s).arrivals).toBe(600);
    expect(labelOf(sim)).toEqual({
      text: '3/3 healthy',
      tone: 'ok',
    });
    expect(lb.metrics['state.allHealthyMs']).toBeGreaterThan(59_900);
  });

  it('no outgoing edge: answers no-route', () => {
    const { lb } = run({ targets: [] });
    expect(lb).toMatchObject({ arrivals: 1800, failed: { 'no-route': 1800 } });
  });

  it('without health checks a crashed target keeps its share of calls, all refused', () => {
    const { sim, lb } = run({ faults: [fault('s2', 11_000, 20_000)] });
    expect(sim.nodeDetail('s2').failed['refused']).toBe(200);
    expect(lb.failed['refused']).toBe(200);
  });
});

describe('outlier detection (E3)', budget(2, RUN_MS), () => {
  it('5 failures in a row eject a target for 30 s, re-admitted at the next 10 s sweep', () => {
    const { lb, events, sim } = run({
      lb: { outlierDetection: {} },
      faults: [fault('s2', 5_000, 30_000, { type: 'error-rate', rate: 1 })],
      durationMs: 120_000,
    });
    // s2 sees every 3rd call: its 5th failure arrives at ~5.4 s; out until ~35.4 s → sweep at 40 s.
    expect(events[0]).toMatch(/^outlier\.ejected@54\d\d\.\d+ s2 for 30000 ms$/);
    expect(events[1]).toBe('outlier.readmitted@40000 s2');
    expect(events).toHaveLength(2);
    expect(lb.metrics).toMatchObject({ ejections: 1, readmissions: 1 });
    expect(lb.failed['error']).toBe(5);
    expect(lb.metrics['ejectedMs']).toBeGreaterThan(34_000);
    // 10/s for 120 s, less ~35 s ejected.
    expect(sim.nodeDetail('s2').arrivals).toBe(1200 - 345);
  });

  it('a target failing again after re-admission is ejected twice as long', () => {
    const { events } = run({
      lb: { outlierDetection: {} },
      faults: [fault('s2', 5_000, null, { type: 'error-rate', rate: 1 })],
      durationMs: 120_000,
    });
    expect(events.map((e) => e.replace(/@[\d.]+/, ''))).toEqual([
      'outlier.ejected s2 for 30000 ms',
      'outlier.readmitted s2',
      'outlier.ejected s2 for 60000 ms',
      'outlier.readmitted s2',
      'outlier.ejected s2 for 90000 ms',
    ]);
  });

  it('only 5xx count: a target answering 429 (rate-limited) is never ejected, one answering errors is', () => {
    // lb → rl (token bucket: 1 token, 1/s) → s2: rl rejects ~9 of its 10 calls a second.
    const limited = run({
      lb: { outlierDetection: {} },
      targets: ['s1', 'rl', 's3'],
      extraNodes: [{ id: 'rl', kind: 'rate-limiter', config: { capacity: 1, refillPerSec: 1 } }],
      extraEdges: [{ source: 'rl', target: 's2' }],
    });
    expect(limited.conserved).toBe(true);
    expect(limited.lb.failed['rate-limited']).toBeGreaterThan(500);
    expect(limited.lb.metrics['ejections'] ?? 0).toBe(0);
    expect(limited.events).toEqual([]);
    // A limiter that admits everything in front of a failing s2: its errors still eject it.
    const failing = run({
      lb: { outlierDetection: {} },
      targets: ['s1', 'rl', 's3'],
      extraNodes: [
        { id: 'rl', kind: 'rate-limiter', config: { capacity: 100, refillPerSec: 100 } },
      ],
      extraEdges: [{ source: 'rl', target: 's2' }],
      faults: [fault('s2', 5_000, null, { type: 'error-rate', rate: 1 })],
    });
    expect(failing.lb.failed['rate-limited']).toBeUndefined();
    expect(failing.lb.metrics['ejections']).toBeGreaterThan(0);
  });

  it('at most 50% of targets ejected: a second bad target is skipped, not ejected', () => {
    const bad = (s: string) => fault(s, 5_000, null, { type: 'error-rate', rate: 1 });
    const { lb, events } = run({ lb: { outlierDetection: {} }, faults: [bad('s1'), bad('s2')] });
    // One at a time: s2 is ejected only once s1 is back.
    expect(events.filter((e) => !e.includes('skipped'))).toEqual([
      'outlier.ejected@5410 s1 for 30000 ms',
      'outlier.readmitted@40000 s1',
      'outlier.ejected@40176.667 s2 for 30000 ms',
    ]);
    expect(lb.metrics['ejectionsSkipped']).toBeGreaterThan(50);
    expect(events.filter((e) => e.startsWith('outlier.ejection-skipped@')).length).toBe(
      lb.metrics['ejectionsSkipped'],
    );
  });
});

describe('live config changes', budget(2, RUN_MS), () => {
  it('turning health checks on mid-run starts probing from then on', () => {
    const { sim, events } = setup({ faults: [fault('s2', 5_000, null)] });
    sim.advanceTo(30_000);
    expect(sim.patch({ type: 'node-config', nodeId: 'lb', config: { healthCheck: {} } })).toEqual({
      ok: true,
    });
    sim.advanceTo(59_000);
    expect(events).toEqual(['health.down@40000 s2']);
    // Turned off again before the end (a patch after the end changes nothing).
    sim.patch({ type: 'node-config', nodeId: 'lb', config: { healthCheck: null } });
    expect(labelOf(sim).text).toBe('3/3 healthy');
    sim.runToEnd();
    expect(events).toEqual(['health.down@40000 s2']);
    expect(sim.conservation().ok).toBe(true);
  });

  it('turning discovery on registers the live instances at once; a crashed one stays out', () => {
    const { sim, events } = setup({
      faults: [fault('s1', 11_000, null), fault('s2', 35_000, null)],
    });
    sim.advanceTo(30_000);
    sim.patch({ type: 'node-config', nodeId: 'lb', config: { discovery: {} } });
    expect(labelOf(sim).text).toBe('2/3 healthy');
    // At 39 s a shorter lease (11 s): live s3 heartbeats at once; silent s2's lease (last
    // heartbeat 30 s) ends at 41 s, before the next tick (49 s), and still expires on time.
    sim.advanceTo(39_000);
    sim.patch({ type: 'node-config', nodeId: 'lb', config: { discovery: { ttlMs: 11_000 } } });
    sim.runToEnd();
    expect(events).toEqual([
      'discovery.registered@30000 s2',
      'discovery.registered@30000 s3',
      'discovery.expired@41000 s2',
    ]);
    // s1 got round-robin calls only before discovery was on (its third of 0 … 30 s).
    expect(sim.nodeDetail('s1').arrivals).toBe(301);
    expect(sim.conservation().ok).toBe(true);
  });

  it('switching strategy keeps the run conserved', () => {
    const { sim } = setup();
    sim.advanceTo(10_000);
    sim.patch({ type: 'node-config', nodeId: 'lb', config: { strategy: 'weighted' } });
    sim.runToEnd();
    expect(sim.nodeDetail('lb').ok).toBe(1800);
  });
});
