import { describe, expect, it } from 'vitest';
import { budget } from './testing/budget.ts';
import { createSimulation, LivelockError, type Simulation } from './index.ts';
import type { SimFault } from './model/scenario-types.ts';
import { constant } from './testing/run.ts';
import { buildScenario } from './testing/scenario-builder.ts';
import { RUN_BUDGET, SAMPLE_EVENTS } from './run-budget.ts';

// A client (constant arrivals, the first at 0 ms) calling one service over edge "e" for 10 s.
// With constant times every count below is exact: arrivals land at 0, 100, … 9900 ms (the run
// covers [0, 10 000): nothing happens at 10 000 ms), so every request is answered by the end.
const rate = (ratePerSec: number) => ({ type: 'constant' as const, ratePerSec });

function pair(
  opts: {
    svc?: Record<string, unknown>;
    client?: Record<string, unknown>;
    faults?: SimFault[];
    durationMs?: number;
  } = {},
): Simulation {
  return createSimulation(
    buildScenario({
      durationMs: opts.durationMs ?? 10_000,
      nodes: [
        { id: 'c', kind: 'client', config: { arrival: rate(10), ...opts.client } },
        { id: 's', kind: 'service', config: { serviceTime: constant(10), ...opts.svc } },
      ],
      edges: [{ id: 'e', source: 'c', target: 's' }],
      faults: opts.faults ?? [],
    }),
  );
}

/** One field of a node's recent 1 s windows, window i covering [i s, i+1 s). */
const col = (sim: Simulation, id: string, field: string) =>
  sim.series(id, 'recent').fields[field] ?? [];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const share = (sim: Simulation, id: string, from: number, to: number) =>
  sum(col(sim, id, 'failed').slice(from, to)) / sum(col(sim, id, 'arrivals').slice(from, to));

const window = (startMs: number, durationMs: number | null) => ({ startMs, durationMs });

describe('crash', () => {
  it('refuses exactly the 20 calls of [3000, 5000) at once; the client sees refused', () => {
    const sim = pair({ faults: [{ id: 'f', target: 's', type: 'crash', ...window(3000, 2000) }] });
    sim.runToEnd();
    const c = sim.summary().clients['c'];
    // The crash starts before the call of 3000 ms and ends before the one of 5000 ms (faults
    // apply first at an instant): 3000 … 4900 ms are refused, the other 80 answered.
    expect(c).toMatchObject({ sent: 100, succeeded: 80, failed: { refused: 20 }, inFlight: 0 });
    expect(col(sim, 'c', 'failed:refused')).toEqual([0, 0, 0, 10, 10, 0, 0, 0, 0, 0]);
    expect(col(sim, 'c', 'ok')).toEqual([10, 10, 10, 0, 0, 10, 10, 10, 10, 10]);
    expect(sim.nodeDetail('s').failed).toEqual({ refused: 20 });
    // Refusal is fast: 20 answers at 0 ms and 80 at 10 ms.
    expect(c?.latencyMs.mean).toBeCloseTo((80 * 10) / 100, 2);
  });

  it('fails the running and the 10 queued calls at the crash instant (12 refused at 3000 ms)', () => {
    // 1 worker, 150 ms each, 10 req/s from 0 ms: call j starts at 150·j and ends at 150·(j+1).
    // At 2999 ms: 30 arrived (0 … 2900), 19 done (150 … 2850), 1 working since 2850, 10 queued.
    // At 3000 ms the crash comes first: 1 running + 10 queued, then the arrival of 3000 ms.
    const sim = pair({
      svc: { serviceTime: constant(150) },
      faults: [{ id: 'f', target: 's', type: 'crash', ...window(3000, 2000) }],
    });
    sim.advanceTo(2999);
    expect(sim.nodeDetail('s')).toMatchObject({ ok: 19, inFlight: 11, busy: 1, queueDepth: 10 });
    sim.advanceTo(3000);
    const d = sim.nodeDetail('s');
    expect(d).toMatchObject({ arrivals: 31, ok: 19, failed: { refused: 12 }, inFlight: 0 });
    expect(d.queueDepth).toBe(0);
    expect(sim.nodeDetail('c')).toMatchObject({ failed: { refused: 12 }, inFlight: 0 });
  });

  it('a crash overlapping a hang still refuses (20 refused, nothing parked)', () => {
    const sim = pair({
      client: { timeoutMs: 500 },
      faults: [
        { id: 'h', target: 's', type: 'hang', ...window(3000, 2000) },
        { id: 'k', target: 's', type: 'crash', ...window(3000, 2000) },
      ],
    });
    sim.runToEnd();
    expect(sim.summary().clients['c']?.failed).toEqual({ refused: 20 });
  });
});

describe('hang', () => {
  // Hang over [3005, 5005): the call running since 3000 ms and the 20 arriving at
  // 3100 … 5000 ms are accepted and never answered.
  const hang: SimFault = { id: 'h', target: 's', type: 'hang', ...window(3005, 2000) };

  it('clients with timeoutMs 1000 see 21 timeouts at exactly 1000 ms, and no late responses', () => {
    const sim = pair({ client: { timeoutMs: 1000 }, faults: [hang] });
    sim.runToEnd();
    const c = sim.summary().clients['c'];
    // The last timeout fires at 5000 + 1000 ms; the last good call is answered at 9910 ms.
    expect(c).toMatchObject({ sent: 100, succeeded: 79, failed: { timeout: 21 }, inFlight: 0 });
    expect(c?.latencyMs.max).toBe(1000);
    expect(sim.nodeDetail('c').lateResponses).toBe(0);
    // The hung calls stay at the node for ever.
    expect(sim.nodeDetail('s')).toMatchObject({ ok: 79, failed: {}, inFlight: 21 });
  });

  it('without a client timeout the requests stay in flight: 20 at 4950 ms, 21 at the end', () => {
    const sim = pair({ faults: [hang] });
    sim.advanceTo(4950);
    // 50 sent (0 … 4900): 3000 and 3100 … 4900 ms hang, the other 30 were answered.
    expect(sim.nodeDetail('c')).toMatchObject({ ok: 30, inFlight: 20 });
    sim.runToEnd();
    expect(sim.nodeDetail('c')).toMatchObject({ ok: 79, inFlight: 21, lateResponses: 0 });
    // After the hang every window is served again.
    expect(col(sim, 'c', 'ok').slice(5)).toEqual([9, 10, 10, 10, 10]);
  });

  it('a crash starting during the hang fails the 10 parked calls with refused at once', () => {
    // Parked by 4000 ms: the call of 3000 ms (answered at 3010, inside the hang) and
    // 3100 … 3900 ms. The crash over [4000, 5000) ends the hung process: those 10 fail at
    // 4000 ms, and 4000 … 4900 ms are refused on arrival (a crash dominates the hang). The hang
    // outlives the crash by 5 ms, so the call of 5000 ms is parked again.
    const crash: SimFault = { id: 'k', target: 's', type: 'crash', ...window(4000, 1000) };
    const sim = pair({ faults: [hang, crash] });
    sim.advanceTo(3999);
    expect(sim.nodeDetail('s')).toMatchObject({ inFlight: 10, failed: {} });
    sim.advanceTo(4000);
    // The 10 parked calls plus the arrival of 4000 ms.
    expect(sim.nodeDetail('s')).toMatchObject({ inFlight: 0, failed: { refused: 11 } });
    expect(sim.nodeDetail('c')).toMatchObject({ inFlight: 0, failed: { refused: 11 } });
    expect(sim.nodeDetail('c').latencyMs.max).toBe(1000); // sent at 3000, refused at 4000 ms
    sim.runToEnd();
    expect(sim.nodeDetail('c')).toMatchObject({ ok: 79, failed: { refused: 20 }, inFlight: 1 });
    expect(col(sim, 'c', 'failed:refused')).toEqual([0, 0, 0, 0, 20, 0, 0, 0, 0, 0]);
    expect(sim.nodeDetail('s')).toMatchObject({ ok: 79, failed: { refused: 20 }, inFlight: 1 });
  });
});

describe('partition on an edge', () => {
  it('drops calls both ways: the target sees no arrivals, the client times out (21)', () => {
    // 50 ms service. The call of 3000 ms is answered at 3050 ms, inside [3020, 5020): its
    // response is dropped; the 20 calls sent at 3100 … 5000 ms never arrive. So the service
    // sees 0 … 3000 ms (31) and 5100 … 9900 ms (49), and answers all 80 (the last at 9950 ms).
    const sim = pair({
      svc: { serviceTime: constant(50) },
      client: { timeoutMs: 500 },
      faults: [{ id: 'p', target: 'e', type: 'partition', ...window(3020, 2000) }],
    });
    sim.advanceTo(4000);
    expect(sim.nodeDetail('s').arrivals).toBe(31);
    sim.advanceTo(5010);
    expect(sim.nodeDetail('s').arrivals).toBe(31);
    sim.runToEnd();
    expect(sim.summary().clients['c']).toMatchObject({
      sent: 100,
      succeeded: 79,
      failed: { timeout: 21 },
      inFlight: 0,
    });
    expect(sim.nodeDetail('s')).toMatchObject({ arrivals: 80, ok: 80 });
    expect(sim.drainFrame().edges[0]).toMatchObject({ id: 'e', calls: 100, dropped: 21 });
    expect(sim.nodeDetail('c').lateResponses).toBe(0);
  });
});

describe('capacity', () => {
  for (const fault of [
    { factor: 0.5, workers: null },
    { factor: 1, workers: 1 },
  ]) {
    it(`${JSON.stringify(fault)}: 2 → 1 worker in [3000, 5000), queue up to 7, then restored`, () => {
      // 10 req/s × 150 ms = 1.5 busy of 2; one worker serves only 6.7/s.
      const sim = pair({
        svc: { workers: 2, serviceTime: constant(150) },
        faults: [{ id: 'f', target: 's', type: 'capacity', ...window(3000, 2000), ...fault }],
      });
      sim.advanceTo(2999);
      expect(sim.nodeDetail('s')).toMatchObject({ capacity: 2, queueDepth: 0, maxQueueDepth: 0 });
      sim.advanceTo(4999);
      expect(sim.nodeDetail('s')).toMatchObject({ capacity: 1, busy: 1, queueDepth: 7 });
      sim.runToEnd();
      expect(sim.nodeDetail('s')).toMatchObject({ capacity: 2, queueDepth: 0, maxQueueDepth: 7 });
      expect(col(sim, 's', 'utilization').slice(3, 6)).toEqual([1, 1, 1]);
      expect(col(sim, 's', 'utilization')[9]).toBe(0.75);
      const mean = col(sim, 's', 'meanMs');
      expect(mean.slice(0, 3)).toEqual([150, 150, 150]);
      expect(mean[4]).toBeGreaterThan(600);
      expect(mean.slice(8)).toEqual([150, 150]);
    });
  }

  // factor f > 0 keeps max(1, round(workers × f)) workers, factor 0 none; `workers` overrides.
  for (const [workers, fault, expected] of [
    [1, { factor: 0.5, workers: null }, 1], // half of 1 worker is 1
    [2, { factor: 0.2, workers: null }, 1], // round(0.4) = 0, but a reduced pool keeps 1
    [4, { factor: 0.6, workers: null }, 2], // round(2.4)
    [4, { factor: 0.7, workers: null }, 3], // round(2.8): rounded, not floored
    [3, { factor: 0, workers: null }, 0],
    [4, { factor: 0.25, workers: 3 }, 3], // the absolute count wins over the factor
    [2, { factor: 1, workers: 0 }, 0],
  ] as const) {
    it(`${workers} workers with ${JSON.stringify(fault)} keep ${expected} in the window`, () => {
      const sim = pair({
        svc: { workers },
        faults: [{ id: 'f', target: 's', type: 'capacity', ...window(3000, 2000), ...fault }],
      });
      sim.advanceTo(3500);
      expect(sim.nodeDetail('s').capacity).toBe(expected);
      sim.runToEnd();
      expect(sim.nodeDetail('s').capacity).toBe(workers);
    });
  }

  it('factor 0.5 on 1 worker keeps it serving: every call answered in 10 ms', () => {
    const sim = pair({
      svc: { workers: 1 },
      faults: [
        { id: 'f', target: 's', type: 'capacity', factor: 0.5, workers: null, ...window(0, null) },
      ],
    });
    sim.runToEnd();
    expect(sim.nodeDetail('s')).toMatchObject({ capacity: 1, ok: 100, maxQueueDepth: 0 });
    expect(sim.nodeDetail('c').latencyMs).toMatchObject({ mean: 10, max: 10 });
  });

  it('factor 0 stops the pool: the 20 calls of [3000, 5000) wait, then are all served', () => {
    const sim = pair({
      faults: [
        { id: 'f', target: 's', type: 'capacity', factor: 0, workers: null, ...window(3000, 2000) },
      ],
    });
    sim.advanceTo(4999);
    expect(sim.nodeDetail('s')).toMatchObject({ capacity: 0, busy: 0, queueDepth: 20, ok: 30 });
    sim.runToEnd();
    expect(sim.nodeDetail('c')).toMatchObject({ ok: 100, failed: {}, inFlight: 0 });
    // The call of 3000 ms waited 2000 ms and worked 10 ms.
    expect(sim.nodeDetail('c').latencyMs.max).toBe(2010);
  });
});

describe('error-rate', () => {
  it('fails ≈ 30 % of the calls inside [2000, 6000) with cause error, 0 outside', () => {
    const sim = pair({
      durationMs: 8000,
      client: { arrival: rate(200) },
      svc: { serviceTime: constant(1) },
      faults: [{ id: 'f', target: 's', type: 'error-rate', rate: 0.3, ...window(2000, 4000) }],
    });
    sim.runToEnd();
    const failed = col(sim, 's', 'failed');
    expect([...failed.slice(0, 2), ...failed.slice(6)]).toEqual([0, 0, 0, 0]);
    expect(share(sim, 's', 2, 6)).toBeGreaterThan(0.25);
    expect(share(sim, 's', 2, 6)).toBeLessThan(0.35);
    expect(sim.nodeDetail('c').failed).toEqual({ error: sum(failed) });
  });
});

describe('latency faults (constant 10 ms service)', () => {
  for (const [addMs, multiplier, expected] of [
    [20, 1, 30],
    [0, 3, 30],
    [5, 2, 25],
  ] as const) {
    it(`addMs ${addMs}, ×${multiplier}: service and client latency ${expected} ms in the window`, () => {
      const f: SimFault = {
        id: 'f',
        target: 's',
        type: 'latency',
        addMs,
        multiplier,
        ...window(3000, 2000),
      };
      const sim = pair({ faults: [f] });
      sim.runToEnd();
      const want = [10, 10, 10, expected, expected, 10, 10, 10, 10, 10];
      expect(col(sim, 's', 'meanMs')).toEqual(want);
      expect(col(sim, 'c', 'meanMs')).toEqual(want);
    });
  }

  it('edge-latency 7 ms adds 2 × 7 ms to the client (10 → 24 ms), nothing to the service', () => {
    const sim = pair({
      faults: [{ id: 'f', target: 'e', type: 'edge-latency', addMs: 7, ...window(3000, 2000) }],
    });
    sim.runToEnd();
    expect(col(sim, 'c', 'meanMs')).toEqual([10, 10, 10, 24, 24, 10, 10, 10, 10, 10]);
    expect(col(sim, 's', 'meanMs')).toEqual(Array(10).fill(10));
  });
});

describe('traffic-spike', () => {
  it('×3 on a constant 10 req/s client: 30 per second in [3000, 5000), 10 otherwise', () => {
    const sim = pair({
      faults: [
        { id: 'f', target: 'c', type: 'traffic-spike', multiplier: 3, ...window(3000, 2000) },
      ],
    });
    sim.runToEnd();
    // The stream keeps its rhythm across each rate change. At 3000 ms: last arrival 2900 ms,
    // + one new gap (33.3 ms) is already past, so the spike starts now: 3000 + k·33.3 ms,
    // 60 arrivals up to 4966.667 ms. At 5000 ms: 4966.667 + 100 = 5066.667 ms, then every
    // 100 ms: 10 in every later window (the last at 9966.667 ms).
    expect(col(sim, 'c', 'arrivals')).toEqual([10, 10, 10, 30, 30, 10, 10, 10, 10, 10]);
    expect(sim.nodeDetail('c').arrivals).toBe(140);
  });

  it('×4 on a Poisson 50 req/s client: ≈ 200 req/s inside, ≈ 50 outside', () => {
    const sim = pair({
      durationMs: 20_000,
      client: { arrival: { type: 'poisson', ratePerSec: 50 } },
      svc: { serviceTime: constant(1), workers: 8 },
      faults: [
        { id: 'f', target: 'c', type: 'traffic-spike', multiplier: 4, ...window(5000, 10_000) },
      ],
    });
    sim.runToEnd();
    const arrivals = col(sim, 'c', 'arrivals');
    const inside = sum(arrivals.slice(5, 15)) / 10;
    const outside = (sum(arrivals.slice(0, 5)) + sum(arrivals.slice(15))) / 10;
    expect(inside / 200).toBeGreaterThan(0.93);
    expect(inside / 200).toBeLessThan(1.07);
    expect(outside / 50).toBeGreaterThan(0.88);
    expect(outside / 50).toBeLessThan(1.12);
  });
});

describe('overlapping faults', () => {
  it('the worst error rate wins (0.2 then 0.5) and latencies add (10·2+10 = 30, 10·3+30 = 60)', () => {
    const sim = pair({
      durationMs: 8000,
      client: { arrival: rate(500) },
      svc: { serviceTime: constant(1), workers: 1 },
      faults: [
        { id: 'a', target: 's', type: 'error-rate', rate: 0.2, ...window(2000, 4000) },
        { id: 'b', target: 's', type: 'error-rate', rate: 0.5, ...window(3000, 2000) },
      ],
    });
    sim.runToEnd();
    expect(Math.abs((share(sim, 's', 2, 3) + share(sim, 's', 5, 6)) / 2 - 0.2)).toBeLessThan(0.04);
    expect(Math.abs(share(sim, 's', 3, 5) - 0.5)).toBeLessThan(0.05);
    expect(col(sim, 's', 'failed').slice(6)).toEqual([0, 0]);

    const slow = pair({
      faults: [
        { id: 'a', target: 's', type: 'latency', addMs: 10, multiplier: 2, ...window(2000, 4000) },
        {
          id: 'b',
          target: 's',
          type: 'latency',
          addMs: 20,
          multiplier: 1.5,
          ...window(3000, 2000),
        },
      ],
    });
    slow.runToEnd();
    expect(col(slow, 's', 'meanMs')).toEqual([10, 10, 30, 60, 60, 30, 10, 10, 10, 10]);
  });
});

describe('live fault toggles', () => {
  it('fault-add at 3000 ms and fault-remove at 4000 ms refuse the 11 calls in between', () => {
    const sim = pair();
    sim.advanceTo(3000);
    const crash: SimFault = { id: 'x', target: 's', type: 'crash', ...window(3000, null) };
    expect(sim.patch({ type: 'fault-add', fault: crash })).toEqual({ ok: true });
    sim.advanceTo(3000);
    expect(sim.snapshot().activeFaults).toEqual(['x']);
    sim.advanceTo(4000);
    expect(sim.patch({ type: 'fault-remove', faultId: 'x' })).toEqual({ ok: true });
    expect(sim.snapshot().activeFaults).toEqual([]);
    sim.runToEnd();
    // The call of 3000 ms (still working), 3100 … 3900 ms, and 4000 ms (sent before the remove).
    expect(sim.nodeDetail('c').failed).toEqual({ refused: 11 });
    expect(col(sim, 'c', 'failed:refused')).toEqual([0, 0, 0, 10, 1, 0, 0, 0, 0, 0]);
  });

  it('refuses unknown targets and fault ids with a message naming them', () => {
    const sim = pair();
    const bad: SimFault = { id: 'y', target: 'nope', type: 'crash', ...window(0, null) };
    expect(sim.patch({ type: 'fault-add', fault: bad })).toEqual({
      ok: false,
      errors: ['fault y.target: no node with id "nope"'],
    });
    expect(sim.patch({ type: 'fault-remove', faultId: 'zz' })).toEqual({
      ok: false,
      errors: ['no fault with id "zz"'],
    });
  });

  it('a live fault keeps its absolute window: added at 4000 ms, [3000, 5000) refuses 10; [1000, 3000) none', () => {
    const sim = pair();
    sim.advanceTo(4000);
    sim.patch({
      type: 'fault-add',
      fault: { id: 'a', target: 's', type: 'crash', ...window(3000, 2000) },
    });
    sim.patch({
      type: 'fault-add',
      fault: { id: 'b', target: 's', type: 'crash', ...window(1000, 2000) },
    });
    sim.runToEnd();
    // The call of 4000 ms (still working) and 4100 … 4900 ms.
    expect(sim.nodeDetail('c').failed).toEqual({ refused: 10 });
  });

  it('checks live faults: target kind, numbers and unique ids, one message per problem', () => {
    const sim = pair({ faults: [{ id: 'f1', target: 's', type: 'crash', ...window(6000, 1000) }] });
    sim.advanceTo(2000);
    const add = (fault: SimFault) => sim.patch({ type: 'fault-add', fault });
    const refused = (...errors: string[]) => ({ ok: false, errors });
    const at = window(3000, 1000);
    expect(add({ id: 'f9', target: 'nope', type: 'crash', ...at })).toEqual(
      refused('fault f9.target: no node with id "nope"'),
    );
    // A node fault on an edge id, and edge faults on a missing edge or on a node id.
    expect(add({ id: 'f9', target: 'e', type: 'hang', ...at })).toEqual(
      refused('fault f9.target: a hang fault targets a node, but "e" is an edge'),
    );
    expect(add({ id: 'f9', target: 'x', type: 'partition', ...at })).toEqual(
      refused('fault f9.target: no edge with id "x"'),
    );
    expect(add({ id: 'f9', target: 's', type: 'edge-latency', addMs: 5, ...at })).toEqual(
      refused('fault f9.target: an edge-latency fault targets an edge, but "s" is a node'),
    );
    expect(add({ id: 'f9', target: 's', type: 'traffic-spike', multiplier: 2, ...at })).toEqual(
      refused(
        'fault f9.target: a traffic-spike fault targets a traffic source, but node "s" (kind "service") is not one',
      ),
    );
    expect(add({ id: 'f9', target: 'nope', type: 'traffic-spike', multiplier: 2, ...at })).toEqual(
      refused('fault f9.target: no node with id "nope"'),
    );
    // The same sentences a document's faults get: one schema per fault type.
    for (const [startMs, message] of [
      [-1, 'must be a number ≥ 0 (got -1)'],
      [NaN, 'must be a number (got NaN)'],
    ] as const) {
      expect(add({ id: 'f9', target: 's', type: 'crash', startMs, durationMs: 100 })).toEqual(
        refused(`fault f9.startMs: ${message}`),
      );
    }
    for (const [durationMs, message] of [
      [0, 'must be a number > 0 (got 0)'],
      [-5, 'must be a number > 0 (got -5)'],
      [NaN, 'must be a number (got NaN)'],
    ] as const) {
      expect(add({ id: 'f9', target: 's', type: 'crash', startMs: 3000, durationMs })).toEqual(
        refused(`fault f9.durationMs: ${message}`),
      );
    }
    for (const [rate, message] of [
      [-0.1, 'must be a number ≥ 0 (got -0.1)'],
      [1.5, 'must be a number ≤ 1 (got 1.5)'],
      [NaN, 'must be a number (got NaN)'],
    ] as const) {
      expect(add({ id: 'f9', target: 's', type: 'error-rate', rate, ...at })).toEqual(
        refused(`fault f9.rate: ${message}`),
      );
    }
    expect(add({ id: 'f1', target: 's', type: 'hang', ...at })).toEqual(
      refused('fault f1: a fault with this id is already scheduled or active'),
    );
    // Every problem is reported, in this order.
    expect(
      add({ id: 'f1', target: 'x', type: 'error-rate', rate: 2, startMs: -1, durationMs: 0 }),
    ).toEqual(
      refused(
        'fault f1.target: no node with id "x"',
        'fault f1.startMs: must be a number ≥ 0 (got -1)',
        'fault f1.durationMs: must be a number > 0 (got 0)',
        'fault f1.rate: must be a number ≤ 1 (got 2)',
        'fault f1: a fault with this id is already scheduled or active',
      ),
    );
    sim.advanceTo(6500);
    expect(sim.snapshot().activeFaults).toEqual(['f1']);
    expect(add({ id: 'f1', target: 's', type: 'crash', ...window(8000, 1000) })).toEqual(
      refused('fault f1: a fault with this id is already scheduled or active'),
    );
    // Once the fault has ended its id is free again.
    sim.advanceTo(7000);
    expect(add({ id: 'f1', target: 's', type: 'crash', ...window(8000, 1000) })).toEqual({
      ok: true,
    });
    sim.runToEnd();
    // Only the two f1 windows refused anything: the rejected patches left no trace.
    expect(sim.nodeDetail('c').failed).toEqual({ refused: 20 });
    expect(col(sim, 'c', 'failed:refused')).toEqual([0, 0, 0, 0, 0, 0, 10, 0, 10, 0]);
  });

  it('never moves the clock backwards, whatever fault a live patch adds', () => {
    const sim = pair();
    sim.advanceTo(4000);
    const odd = { id: 'n', target: 's', type: 'crash', startMs: 0, durationMs: -5 } as SimFault;
    sim.patch({ type: 'fault-add', fault: odd });
    for (let i = 0; i < 3; i++) {
      sim.step();
      expect(sim.timeMs).toBeGreaterThanOrEqual(4000);
    }
  });
});

describe('livelock guard', () => {
  // Each round of a user is three zero-delay steps (send, refusal, answer): the guard sees the
  // loop after maxZeroDelayDepth steps, then watches SAMPLE_EVENTS more. ~0.001 ms an event.
  const events = 3 * RUN_BUDGET.maxZeroDelayDepth + SAMPLE_EVENTS;
  it(
    'users with zero think time against a crashed node throw LivelockError at 1000 ms, early',
    budget(events, 0.002),
    () => {
      const sim = pair({
        client: { arrival: { type: 'users', users: 3, thinkTimeMs: 0 } },
        faults: [{ id: 'f', target: 's', type: 'crash', ...window(1000, null) }],
      });
      const before = sim.events;
      expect(() => sim.runToEnd()).toThrow(LivelockError);
      expect(sim.timeMs).toBe(1000);
      // It used to let 2 000 000 events through at that instant first.
      expect(sim.events - before).toBeLessThan(2 * events);
    },
  );
});
