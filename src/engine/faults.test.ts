import { describe, expect, it } from 'vitest';
import { createSimulation, LivelockError, type Simulation } from './index.ts';
import type { SimFault } from './model/scenario-types.ts';
import { constant } from './testing/run.ts';
import { buildScenario } from './testing/scenario-builder.ts';

// A client (constant arrivals, first one at 1/rate) calling one service over edge "e" for
// 10 s. With constant times every count below is exact: arrivals land at 100, 200, … 10 000 ms.
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
    expect(c).toMatchObject({ sent: 100, succeeded: 79, failed: { refused: 20 }, inFlight: 1 });
    expect(col(sim, 'c', 'failed:refused')).toEqual([0, 0, 0, 10, 10, 0, 0, 0, 0, 0]);
    expect(col(sim, 'c', 'ok')).toEqual([9, 10, 10, 0, 0, 10, 10, 10, 10, 10]);
    expect(sim.nodeDetail('s').failed).toEqual({ refused: 20 });
    // Refusal is fast: 20 answers at 0 ms and 79 at 10 ms.
    expect(c?.latencyMs.mean).toBeCloseTo((79 * 10) / 99, 2);
  });

  it('fails the running and the 9 queued calls at the crash instant (11 refused at 3000 ms)', () => {
    // 1 worker, 150 ms each, 10 req/s: 19 done by 2950 ms, 10 at the node at 2999 ms.
    const sim = pair({
      svc: { serviceTime: constant(150) },
      faults: [{ id: 'f', target: 's', type: 'crash', ...window(3000, 2000) }],
    });
    sim.advanceTo(2999);
    expect(sim.nodeDetail('s')).toMatchObject({ ok: 19, inFlight: 10, busy: 1, queueDepth: 9 });
    sim.advanceTo(3000);
    const d = sim.nodeDetail('s');
    expect(d).toMatchObject({ arrivals: 30, ok: 19, failed: { refused: 11 }, inFlight: 0 });
    expect(d.queueDepth).toBe(0);
    expect(sim.nodeDetail('c')).toMatchObject({ failed: { refused: 11 }, inFlight: 0 });
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
    expect(c).toMatchObject({ sent: 100, succeeded: 78, failed: { timeout: 21 }, inFlight: 1 });
    expect(c?.latencyMs.max).toBe(1000);
    expect(sim.nodeDetail('c').lateResponses).toBe(0);
    // The hung calls stay at the node for ever (+1 still working at the end).
    expect(sim.nodeDetail('s')).toMatchObject({ ok: 78, failed: {}, inFlight: 22 });
  });

  it('without a client timeout the requests stay in flight: 20 at 4950 ms, 21 + 1 at the end', () => {
    const sim = pair({ faults: [hang] });
    sim.advanceTo(4950);
    expect(sim.nodeDetail('c')).toMatchObject({ ok: 29, inFlight: 20 });
    sim.runToEnd();
    expect(sim.nodeDetail('c')).toMatchObject({ ok: 78, inFlight: 22, lateResponses: 0 });
    // After the hang every window is served again.
    expect(col(sim, 'c', 'ok').slice(5)).toEqual([9, 10, 10, 10, 10]);
  });
});

describe('partition on an edge', () => {
  it('drops calls both ways: the target sees no arrivals, the client times out (21)', () => {
    // 50 ms service. The call of 3000 ms is answered at 3050 ms, inside [3020, 5020): its
    // response is dropped; the 20 calls sent at 3100 … 5000 ms never arrive.
    const sim = pair({
      svc: { serviceTime: constant(50) },
      client: { timeoutMs: 500 },
      faults: [{ id: 'p', target: 'e', type: 'partition', ...window(3020, 2000) }],
    });
    sim.advanceTo(4000);
    expect(sim.nodeDetail('s').arrivals).toBe(30);
    sim.advanceTo(5010);
    expect(sim.nodeDetail('s').arrivals).toBe(30);
    sim.runToEnd();
    expect(sim.summary().clients['c']).toMatchObject({
      sent: 100,
      succeeded: 78,
      failed: { timeout: 21 },
      inFlight: 1,
    });
    expect(sim.nodeDetail('s')).toMatchObject({ arrivals: 80, ok: 79 });
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
    // The constant schedule restarts at each fault edge: the first gap after 5000 ms is 100 ms.
    expect(col(sim, 'c', 'arrivals')).toEqual([9, 10, 10, 30, 30, 9, 10, 10, 10, 10]);
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
    expect(Math.abs(share(sim, 's', 3, 5) - 0.5)).toBeLessThan(0.04);
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
      errors: ['fault y: no node or edge with id "nope"'],
    });
    expect(sim.patch({ type: 'fault-remove', faultId: 'zz' })).toEqual({
      ok: false,
      errors: ['no fault with id "zz"'],
    });
  });

  it('never moves the clock backwards, whatever fault a live patch adds', () => {
    const sim = pair();
    sim.advanceTo(4000);
    const odd = { id: 'n', target: 's', type: 'crash', startMs: 0, durationMs: -5 } as SimFault;
    sim.patch({ type: 'fault-add', fault: odd });
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      sim.step();
      times.push(sim.timeMs);
    }
    for (const t of times) expect(t).toBeGreaterThanOrEqual(4000);
  });
});

describe('livelock guard', () => {
  it('users with zero think time against a crashed node throw LivelockError at 1000 ms', () => {
    const sim = pair({
      client: { arrival: { type: 'users', users: 3, thinkTimeMs: 0 } },
      faults: [{ id: 'f', target: 's', type: 'crash', ...window(1000, null) }],
    });
    expect(() => sim.runToEnd()).toThrow(LivelockError);
    expect(sim.timeMs).toBe(1000);
  });
});
