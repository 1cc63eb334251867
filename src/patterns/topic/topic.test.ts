import { describe, expect, it } from 'vitest';
import { createSimulation, type SimFault } from '../../engine/index.ts';
import { buildScenario, type EdgeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';

/**
 * Client "c" (constant 10/s, messages of type "OrderPlaced") → topic "t" → services "a" and "b"
 * directly, and → queue "q" → service "d" (a durable subscription), for 10 s.
 */
function run(o: { faults?: SimFault[]; edges?: Partial<Record<string, EdgeSpec['config']>> } = {}) {
  const service = { workers: 4, serviceTime: { type: 'constant', valueMs: 10 } };
  const sim = createSimulation(
    buildScenario(
      {
        seed: 5,
        durationMs: 10_000,
        nodes: [
          { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
          { id: 't', kind: 'topic' },
          { id: 'a', kind: 'service', config: service },
          { id: 'b', kind: 'service', config: service },
          { id: 'q', kind: 'queue' },
          { id: 'd', kind: 'service', config: service },
        ],
        edges: [
          { source: 'c', target: 't', config: { messageType: 'OrderPlaced' } },
          { source: 't', target: 'a', config: o.edges?.['a'] ?? {} },
          { source: 't', target: 'b', config: o.edges?.['b'] ?? {} },
          { source: 't', target: 'q' },
          { source: 'q', target: 'd' },
        ],
        faults: o.faults ?? [],
      },
      REGISTRY,
    ),
    { registry: REGISTRY },
  );
  sim.runToEnd();
  const report = sim.conservation();
  return { sim, report, t: report.messages['t'], q: report.messages['q'] };
}

const crash = (target: string, startMs: number, durationMs: number): SimFault => ({
  id: `down-${target}`,
  type: 'crash',
  target,
  startMs,
  durationMs,
});

describe('topic', () => {
  it('gives every subscription its own copy of each message', () => {
    const { report, t, q, sim } = run();
    expect(report.ok).toBe(true);
    expect(t?.published).toBe(300);
    expect(t?.acked).toBe(300);
    expect(sim.nodeDetail('a').ok).toBe(100);
    expect(sim.nodeDetail('b').ok).toBe(100);
    expect(q?.acked).toBe(100);
    expect(sim.summary().clients['c']?.succeeded).toBe(100);
  });

  it('a filter lets only its types in', () => {
    const { t, sim } = run({ edges: { b: { filterTypes: ['PaymentTaken'] } } });
    expect(sim.nodeDetail('b').arrivals).toBe(0);
    expect(sim.nodeDetail('t').metrics?.['filtered']).toBe(100);
    expect(t?.published).toBe(200);
  });

  it('a direct subscriber that is down gets pushes retried, then dropped — the others are untouched', () => {
    // Down from 2 s to the end: every copy for it is pushed 1 + 3 times, 1 s apart, then dropped.
    const { report, t, sim } = run({ faults: [crash('b', 2000, 8000)] });
    expect(report.ok).toBe(true);
    expect(sim.nodeDetail('a').ok).toBe(100);
    const retried = sim.nodeDetail('t').metrics?.['pushRetried'] ?? 0;
    const dropped = t?.dropped ?? 0;
    expect(dropped).toBeGreaterThan(40);
    expect(retried).toBeGreaterThanOrEqual(3 * dropped);
    expect((t?.inFlight ?? 0) + (t?.delayed ?? 0) + (t?.acked ?? 0) + dropped).toBe(t?.published);
  });

  it('a subscription through a queue is durable: the consumer catches up after its outage', () => {
    const { report, q, t, sim } = run({ faults: [crash('d', 2000, 5000)] });
    expect(report.ok).toBe(true);
    expect(t?.dropped).toBe(0);
    expect(q?.acked).toBe(100);
    expect(sim.nodeDetail('d').ok).toBe(100);
  });
});
