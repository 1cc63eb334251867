import { describe, expect, it } from 'vitest';
import { budget } from '../testing/budget.ts';
import { createSimulation, type Simulation } from '../create-simulation.ts';
import { constant, runScenario } from '../testing/run.ts';
import type { EdgeSpec, NodeSpec } from '../testing/scenario-builder.ts';
import type { SimFault } from './scenario-types.ts';
import { buildScenario } from '../testing/scenario-builder.ts';

/** One run of a statistical check here (≤ 100 s of virtual time): ≤ 400 ms here. */
const RUN_MS = 500;

const rate = (ratePerSec: number) => ({ type: 'constant' as const, ratePerSec });
const svc = (id: string, config: Record<string, unknown> = {}): NodeSpec => ({
  id,
  kind: 'service',
  config: { serviceTime: constant(10), workers: 4, ...config },
});

/**
 * Client "c" (constant 10/s unless given: requests at 0, 100, … 9900 ms) → the nodes and edges
 * given, for `durationMs` (the run covers [0, durationMs)).
 */
function chain(
  nodes: NodeSpec[],
  edges: EdgeSpec[],
  opts: { arrival?: unknown; durationMs?: number; faults?: SimFault[] } = {},
) {
  return {
    seed: 5,
    durationMs: opts.durationMs ?? 10_000,
    nodes: [{ id: 'c', kind: 'client', config: { arrival: opts.arrival ?? rate(10) } }, ...nodes],
    edges: [{ source: 'c', target: nodes[0]?.id ?? '' }, ...edges],
    faults: opts.faults ?? [],
  };
}

const latency = (sim: Simulation, id: string) => sim.nodeDetail(id).latencyMs;
const near = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(relative);

describe('admission', () => {
  it('queueCapacity 0 with 1 busy worker rejects queue-full: every other call (50 of 100)', () => {
    // 150 ms work at 10 req/s: the calls of 0, 200, 400 … 9800 ms run (the last ends at
    // 9950 ms); 100, 300 … 9900 are turned away.
    const sim = runScenario(
      chain([svc('s', { workers: 1, queueCapacity: 0, serviceTime: constant(150) })], []),
    );
    expect(sim.nodeDetail('s')).toMatchObject({
      arrivals: 100,
      ok: 50,
      failed: { 'queue-full': 50 },
      inFlight: 0,
      maxQueueDepth: 0,
    });
    expect(sim.nodeDetail('c').failed).toEqual({ 'queue-full': 50 });
    expect(sim.nodeDetail('s').metrics['queued'] ?? 0).toBe(0);
  });
});

describe('downstream calls (constant times, no edge latency)', () => {
  const three = (config: Record<string, unknown>) =>
    chain(
      [
        svc('a', config),
        svc('b', { serviceTime: constant(20) }),
        svc('d', { serviceTime: constant(30) }),
      ],
      [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'd' },
      ],
    );

  it('sequential: latency = own 10 + 20 + 30 = 60 ms, at the caller and the client', () => {
    const sim = runScenario(three({}));
    expect(latency(sim, 'a')).toMatchObject({ mean: 60, max: 60 });
    expect(latency(sim, 'c')).toMatchObject({ mean: 60, max: 60 });
    // Every request reaches b, the last (sent at 9900 ms) at 9910 ms, and is done by 9960 ms.
    expect(sim.nodeDetail('b').arrivals).toBe(100);
    expect(sim.nodeDetail('c')).toMatchObject({ ok: 100, inFlight: 0 });
  });

  it('parallel: latency = own 10 + max(20, 30) = 40 ms', () => {
    const sim = runScenario(three({ callMode: 'parallel' }));
    expect(latency(sim, 'c')).toMatchObject({ mean: 40, max: 40 });
    expect(sim.nodeDetail('b').arrivals).toBe(sim.nodeDetail('d').arrivals);
  });

  it('sequential calls go one after the other: d is called only when b has answered', () => {
    const sim = createSimulation(buildScenario(three({})));
    // The request of 0 ms is done (a 0–10, b 10–30, d 30–60); the one of 100 ms: a works
    // 100–110, b 110–130, and d is not called yet.
    sim.advanceTo(129);
    expect([sim.nodeDetail('b').arrivals, sim.nodeDetail('d').arrivals]).toEqual([2, 1]);
    sim.advanceTo(130);
    expect(sim.nodeDetail('d').arrivals).toBe(2);
  });

  for (const [callOrder, bArrivesAt] of [
    ['after-work', 110],
    ['before-work', 100],
  ] as const) {
    it(`callOrder ${callOrder}: the request of 100 ms calls downstream at ${bArrivesAt} ms; total still 30 ms`, () => {
      const spec = chain(
        [svc('a', { callOrder }), svc('b', { serviceTime: constant(20) })],
        [{ source: 'a', target: 'b' }],
      );
      const sim = createSimulation(buildScenario(spec));
      // The second request (sent at 100 ms) shows the order: the first, sent at 0 ms, has
      // already called b (at 10 or 0 ms), so b counts 1 before and 2 at the instant.
      sim.advanceTo(bArrivesAt - 1);
      expect(sim.nodeDetail('b').arrivals).toBe(1);
      sim.advanceTo(bArrivesAt);
      expect(sim.nodeDetail('b').arrivals).toBe(2);
      sim.runToEnd();
      expect(latency(sim, 'c')).toMatchObject({ mean: 30, max: 30 });
    });
  }

  it('callProbability 0.3: the downstream gets ≈ 30 % of the calls', budget(1, RUN_MS), () => {
    const sim = runScenario(
      chain(
        [svc('a', { serviceTime: constant(1) }), svc('b', { serviceTime: constant(1) })],
        [{ source: 'a', target: 'b', config: { callProbability: 0.3 } }],
        { arrival: { type: 'poisson', ratePerSec: 1000 } },
      ),
    );
    near(sim.nodeDetail('b').arrivals / sim.nodeDetail('a').arrivals, 0.3, 0.08);
  });
});

describe('failure propagation', () => {
  const crashB: SimFault = { id: 'f', target: 'b', type: 'crash', startMs: 0, durationMs: null };

  // Each request: a works 10 ms, then calls b (refused at once); the last, sent at 9900 ms,
  // is resolved at 9910 ms (9940 ms with the parallel 30 ms branch), inside the run.
  it('a crashed required dependency fails the caller with refused, up to the client (100 of 100)', () => {
    const sim = runScenario(
      chain([svc('a'), svc('b')], [{ source: 'a', target: 'b' }], { faults: [crashB] }),
    );
    expect(sim.nodeDetail('b').failed).toEqual({ refused: 100 });
    expect(sim.nodeDetail('a')).toMatchObject({ ok: 0, failed: { refused: 100 } });
    expect(sim.nodeDetail('c')).toMatchObject({ ok: 0, failed: { refused: 100 }, inFlight: 0 });
  });

  it('an optional (required: false) dependency failing does not fail the caller', () => {
    const sim = runScenario(
      chain([svc('a'), svc('b')], [{ source: 'a', target: 'b', config: { required: false } }], {
        faults: [crashB],
      }),
    );
    expect(sim.nodeDetail('b').failed).toEqual({ refused: 100 });
    expect(sim.nodeDetail('a')).toMatchObject({ ok: 100, failed: {} });
    expect(sim.nodeDetail('c')).toMatchObject({ ok: 100, failed: {} });
  });

  it('parallel: the failed branch’s cause wins even though the other branch succeeds', () => {
    const sim = runScenario(
      chain(
        [svc('a', { callMode: 'parallel' }), svc('b'), svc('d', { serviceTime: constant(30) })],
        [
          { source: 'a', target: 'b' },
          { source: 'a', target: 'd' },
        ],
        { faults: [crashB] },
      ),
    );
    expect(sim.nodeDetail('d').ok).toBe(100);
    expect(sim.nodeDetail('c').failed).toEqual({ refused: 100 });
    expect(latency(sim, 'c').max).toBe(40); // it still waits for the slow branch
  });

  it('a hung dependency holds the caller’s workers: 2 workers busy, the rest queue', () => {
    const hangB: SimFault = { id: 'h', target: 'b', type: 'hang', startMs: 0, durationMs: null };
    const sim = runScenario(
      chain([svc('a', { workers: 2 }), svc('b')], [{ source: 'a', target: 'b' }], {
        faults: [hangB],
      }),
    );
    expect(sim.nodeDetail('a')).toMatchObject({ busy: 2, queueDepth: 98, inFlight: 100, ok: 0 });
    expect(sim.nodeDetail('b')).toMatchObject({ arrivals: 2, inFlight: 2 });
  });

  it(
    'errorRate 0.2: ≈ 20 % fail with cause error, and those skip their after-work calls',
    budget(1, RUN_MS),
    () => {
      const sim = runScenario(
        chain(
          [
            svc('a', { errorRate: 0.2, serviceTime: constant(1) }),
            svc('b', { serviceTime: constant(1) }),
          ],
          [{ source: 'a', target: 'b' }],
          { arrival: { type: 'poisson', ratePerSec: 1000 } },
        ),
      );
      const a = sim.nodeDetail('a');
      const errors = a.failed['error'] ?? 0;
      near(errors / a.arrivals, 0.2, 0.08);
      expect(Object.keys(a.failed)).toEqual(['error']);
      expect(sim.nodeDetail('b').arrivals + errors).toBe(a.arrivals - a.inFlight);
    },
  );
});

describe('database', () => {
  it(
    'writeRatio 0.25 with reads 2 ms and writes 8 ms: mix ≈ 25 %, mean = (2r + 8w)/(r + w)',
    budget(1, RUN_MS),
    () => {
      const sim = runScenario(
        chain(
          [
            {
              id: 'db',
              kind: 'database',
              config: {
                connections: 50,
                writeRatio: 0.25,
                readTime: constant(2),
                writeTime: constant(8),
              },
            },
          ],
          [],
          { arrival: { type: 'poisson', ratePerSec: 1000 } },
        ),
      );
      const d = sim.nodeDetail('db');
      const reads = d.metrics['reads'] ?? 0;
      const writes = d.metrics['writes'] ?? 0;
      expect(reads + writes).toBe(d.arrivals);
      near(writes / (reads + writes), 0.25, 0.08);
      // Every answered query took 2 or 8 ms exactly (50 connections: no queueing); the
      // counts include the few still running at the end, hence 2 decimals rather than exact.
      expect(d.maxQueueDepth).toBe(0);
      expect(d.latencyMs.max).toBe(8);
      expect(d.latencyMs.mean).toBeCloseTo((2 * reads + 8 * writes) / (reads + writes), 2);
    },
  );
});
