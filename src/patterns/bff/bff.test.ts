import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import { createSimulation, type SimFault } from '../../engine/index.ts';
import { buildScenario, type EdgeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { bffConfigSchema, bffKind, fanOutOf } from './bff.ts';

/** One bff run: ≤ 250 ms here. Each test runs at most 2. */
const RUN_MS = 400;

/**
 * Client (constant 100/s, 10 s) → BFF → profile (10 ms), orders (20 ms), recs (50 ms), each
 * constant with plenty of workers, edges in that order, no edge latency.
 */
function run(bff: Record<string, unknown>, opts: { faults?: SimFault[]; edges?: EdgeSpec[] } = {}) {
  const svc = (id: string, valueMs: number) => ({
    id,
    kind: 'service',
    config: { workers: 100, serviceTime: { type: 'constant', valueMs } },
  });
  const sim = createSimulation(
    buildScenario(
      {
        seed: 5,
        durationMs: 10_000,
        nodes: [
          { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 100 } } },
          { id: 'bff', kind: 'bff', config: bff },
          svc('profile', 10),
          svc('orders', 20),
          svc('recs', 50),
        ],
        edges: opts.edges ?? [
          { source: 'c', target: 'bff' },
          { source: 'bff', target: 'profile' },
          { source: 'bff', target: 'orders' },
          { source: 'bff', target: 'recs' },
        ],
        faults: opts.faults ?? [],
      },
      REGISTRY,
    ),
    { registry: REGISTRY },
  );
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  const b = sim.nodeDetail('bff');
  const report = bffKind.report?.({
    arrivals: b.arrivals,
    completed: b.ok,
    failed: b.failed,
    metrics: b.metrics,
    elapsedMs: 10_000,
  });
  return { sim, b, report };
}

describe('bff kind', budget(2, RUN_MS), () => {
  it('is registered with a JSON-schema-able config; presets: web 3 calls, mobile 2, custom all', () => {
    expect(REGISTRY.get('bff')).toBe(bffKind);
    const schema = z.toJSONSchema(bffKind.configSchema, { io: 'input' });
    expect(Object.keys(schema.properties ?? {})).toEqual(['preset', 'fanOut']);
    const cfg = (c: unknown) => bffConfigSchema.parse(c);
    expect(fanOutOf(cfg({}), 5)).toBe(3);
    expect(fanOutOf(cfg({ preset: 'mobile' }), 5)).toBe(2);
    expect(fanOutOf(cfg({ preset: 'custom' }), 5)).toBe(5);
    expect(fanOutOf(cfg({ preset: 'mobile', fanOut: 4 }), 5)).toBe(4);
    expect(fanOutOf(cfg({ preset: 'web' }), 2)).toBe(2);
  });

  it('web preset: 3 parallel calls, latency = the slowest (50 ms), 3 sections per response', () => {
    const { sim, b, report } = run({ preset: 'web' });
    expect(sim.nodeDetail('recs').arrivals).toBe(1000);
    expect(b.latencyMs.mean).toBe(50);
    expect(b.latencyMs.max).toBe(50);
    expect(report).toEqual({ callsPerRequest: 3, payloadPerResponse: 3, partialShare: 0 });
  });

  it('mobile preset: the first 2 edges only, latency 20 ms, 2 sections; recs never called', () => {
    const { sim, b, report } = run({ preset: 'mobile' });
    expect(sim.nodeDetail('recs').arrivals).toBe(0);
    expect(sim.nodeDetail('orders').arrivals).toBe(1000);
    expect(b.latencyMs.max).toBe(20);
    expect(report).toEqual({ callsPerRequest: 2, payloadPerResponse: 2, partialShare: 0 });
  });

  it('a failed required branch fails the request; an optional one leaves a partial response', () => {
    const recsDown: SimFault = {
      id: 'down',
      type: 'crash',
      target: 'recs',
      startMs: 0,
      durationMs: null,
    };
    const required = run({ preset: 'web' }, { faults: [recsDown] });
    // Each request still waits for orders (20 ms): the last 2 are in flight at the end.
    expect(required.b).toMatchObject({ ok: 0, failed: { refused: 998 }, inFlight: 2 });
    const optional = run(
      { preset: 'web' },
      {
        faults: [recsDown],
        edges: [
          { source: 'c', target: 'bff' },
          { source: 'bff', target: 'profile' },
          { source: 'bff', target: 'orders' },
          { source: 'bff', target: 'recs', config: { required: false } },
        ],
      },
    );
    expect(optional.b).toMatchObject({ ok: 998, failed: {} });
    expect(optional.report).toEqual({ callsPerRequest: 3, payloadPerResponse: 2, partialShare: 1 });
  });

  it('no outgoing edge: answers no-route', () => {
    const { b } = run({}, { edges: [{ source: 'c', target: 'bff' }] });
    expect(b).toMatchObject({ ok: 0, failed: { 'no-route': 1000 } });
  });
});
