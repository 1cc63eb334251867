import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { budget } from '../testing/budget.ts';
import { createSimulation, type Simulation } from '../create-simulation.ts';
import { createStream } from '../kernel/rng.ts';
import { constant, exp } from '../testing/run.ts';
import { buildScenario, type EdgeSpec, type NodeSpec } from '../testing/scenario-builder.ts';
import { BUILTIN_KINDS } from './builtin-kinds.ts';
import type { TraceEvent } from './context.ts';
import { createRegistry, type KindDefinition } from './kind.ts';
import { keySampler, keysSchema } from './request-keys.ts';
import { routeSampler, routesSchema } from './request-routes.ts';

/** Answers at once and counts each request's key and user id (`key:3`, `user:1`). */
const recorderKind: KindDefinition<Record<string, never>, null> = {
  kind: 'recorder',
  label: 'Recorder',
  category: 'compute',
  description: 'test probe',
  configSchema: z.strictObject({}),
  metrics: [],
  init: () => null,
  onCall(ctx, node, call) {
    ctx.count(node.index, `key:${call.request.key}`);
    ctx.count(node.index, `user:${call.request.userId}`);
    ctx.count(node.index, `route:${call.request.attrs?.['route'] ?? 'none'}`);
    ctx.respond(call, true);
  },
};
const registry = createRegistry([...BUILTIN_KINDS, recorderKind]);

function run(
  durationMs: number,
  client: Record<string, unknown>,
  rest: { nodes?: NodeSpec[]; edges?: EdgeSpec[]; seed?: number } = {},
  trace?: (e: TraceEvent) => void,
): Simulation {
  const sim = createSimulation(
    buildScenario(
      {
        seed: rest.seed ?? 7,
        durationMs,
        nodes: [
          { id: 'c', kind: 'client', config: client },
          ...(rest.nodes ?? [{ id: 's', kind: 'service', config: { serviceTime: constant(1) } }]),
        ],
        edges: rest.edges ?? [{ source: 'c', target: 's' }],
      },
      registry,
    ),
    trace ? { registry, trace } : { registry },
  );
  sim.runToEnd();
  return sim;
}

const sent = (sim: Simulation) => sim.nodeDetail('c').arrivals;
const near = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(relative);

describe('open-loop arrivals', () => {
  for (const [ratePerSec, expected] of [
    [3, 30],
    [4, 40],
    [7, 70],
    [10, 100],
    [20, 200],
    [50, 500],
  ] as const) {
    it(`constant ${ratePerSec}/s for 10 s sends exactly ${expected}, the first at 0 ms, ${ratePerSec} in every second`, () => {
      const times: number[] = [];
      const sim = run(10_000, { arrival: { type: 'constant', ratePerSec } }, {}, (e) => {
        if (e.type === 'request.sent') times.push(e.timeUs);
      });
      expect(sent(sim)).toBe(expected);
      // Request k leaves at exactly k/rate (to the µs, no accumulated rounding): the one that
      // would leave at 10 000 ms is past the run, which covers [0, 10 000).
      expect(times).toEqual(
        Array.from({ length: expected }, (_, k) => Math.round((k * 1_000_000) / ratePerSec)),
      );
      const perWindow = sim.series('c', 'recent').fields['arrivals'] ?? [];
      expect(perWindow).toEqual(Array(10).fill(ratePerSec));
    });
  }

  it('a rate edit keeps the rhythm: the next request comes one new gap after the last, or now', () => {
    const times: number[] = [];
    const sim = createSimulation(
      buildScenario(
        {
          durationMs: 2500,
          nodes: [
            { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
            { id: 's', kind: 'service', config: { serviceTime: constant(1) } },
          ],
          edges: [{ source: 'c', target: 's' }],
        },
        registry,
      ),
      {
        registry,
        trace: (e) => {
          if (e.type === 'request.sent') times.push(e.timeUs / 1000);
        },
      },
    );
    const setRate = (ratePerSec: number) =>
      sim.patch({
        type: 'node-config',
        nodeId: 'c',
        config: { arrival: { type: 'constant', ratePerSec } },
      });
    sim.advanceTo(1020);
    // 10/s → 4/s at 1020 ms: the last request left at 1000 ms, the next is 250 ms after it.
    expect(setRate(4)).toEqual({ ok: true });
    sim.advanceTo(2080);
    // 4/s → 20/s at 2080 ms: 2000 + 50 ms is already past, so the next leaves now.
    expect(setRate(20)).toEqual({ ok: true });
    sim.runToEnd();
    expect(times.filter((t) => t >= 900)).toEqual([
      900, 1000, 1250, 1500, 1750, 2000, 2080, 2130, 2180, 2230, 2280, 2330, 2380, 2430, 2480,
    ]);
  });

  // 10 000 requests, each traced: ~0.02 ms apiece here.
  it(
    'Poisson 100/s for 100 s: ≈ 10 000 requests (±3 %), gaps with CV ≈ 1',
    budget(100 * 100, 0.05),
    () => {
      const times: number[] = [];
      const sim = run(100_000, { arrival: { type: 'poisson', ratePerSec: 100 } }, {}, (e) => {
        if (e.type === 'request.sent') times.push(e.timeUs);
      });
      near(sent(sim), 10_000, 0.03);
      const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
      const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
      const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
      near(mean, 10_000, 0.03); // µs
      near(sd / mean, 1, 0.05);
    },
  );

  it('ramp 0 → 100/s over 100 s, then 100 s flat: ≈ 5000 + 10 000 = 15 000 requests', () => {
    const sim = run(200_000, {
      arrival: { type: 'ramp', fromPerSec: 0, toPerSec: 100, rampMs: 100_000 },
    });
    near(sent(sim), 15_000, 0.03);
    const w = sim.series('c', 'recent').fields['arrivals'] ?? [];
    const total = (from: number, to: number) => w.slice(from, to).reduce((a, b) => a + b, 0);
    near(total(0, 50), 1250, 0.1); // ∫₀⁵⁰ t dt
    near(total(50, 100), 3750, 0.06);
    near(total(100, 200), 10_000, 0.03);
  });

  it('burst 10/s for 900 ms then 100/s for 100 ms: ≈ 9 + 10 = 19 per cycle, the burst on time', () => {
    let inBurst = 0;
    const sim = run(
      100_000,
      {
        arrival: {
          type: 'burst',
          baseRatePerSec: 10,
          burstRatePerSec: 100,
          offMs: 900,
          onMs: 100,
        },
      },
      {},
      (e) => {
        if (e.type === 'request.sent' && e.timeUs % 1_000_000 >= 900_000) inBurst++;
      },
    );
    near(sent(sim), 1900, 0.07);
    near(inBurst, 1000, 0.1);
    near(sent(sim) - inBurst, 900, 0.1);
  });
});

describe('closed loop (users)', () => {
  it('10 users, think 90 ms, service 10 ms with no queueing: X = N/(Z+R) = 100/s', () => {
    const sim = run(
      60_000,
      { arrival: { type: 'users', users: 10, thinkTimeMs: 90 } },
      { nodes: [{ id: 's', kind: 'service', config: { workers: 10, serviceTime: constant(10) } }] },
    );
    near(sent(sim) / 60, 100, 0.04);
    expect(sim.nodeDetail('c').latencyMs.max).toBe(10);
    expect(sim.nodeDetail('c').inFlight).toBeLessThanOrEqual(10);
  });

  it('10 users, think 50 ms, one 10 ms worker: X ≈ N/(Z + measured R) and X ≤ 100/s', () => {
    const sim = run(
      60_000,
      { arrival: { type: 'users', users: 10, thinkTimeMs: 50 } },
      { nodes: [{ id: 's', kind: 'service', config: { workers: 1, serviceTime: exp(10) } }] },
    );
    const x = sent(sim) / 60;
    const r = sim.nodeDetail('c').latencyMs.mean;
    expect(r).toBeGreaterThan(20); // queueing shows
    near(x, (10 / (50 + r)) * 1000, 0.03);
    expect(x).toBeLessThanOrEqual(101);
  });
});

describe('timeoutMs', () => {
  it('50 ms timeout on an 80 ms service: 100 timeouts at exactly 50 ms, 100 late responses', () => {
    const sim = run(
      10_000,
      { arrival: { type: 'constant', ratePerSec: 10 }, timeoutMs: 50 },
      { nodes: [{ id: 's', kind: 'service', config: { workers: 2, serviceTime: constant(80) } }] },
    );
    // Requests at 0 … 9900 ms: the last times out at 9950 and is answered at 9980 ms, in the run.
    const c = sim.nodeDetail('c');
    expect(c).toMatchObject({ arrivals: 100, ok: 0, failed: { timeout: 100 }, inFlight: 0 });
    expect(c.lateResponses).toBe(100);
    expect(c.latencyMs.mean).toBe(50);
    expect(c.latencyMs.max).toBe(50);
    expect(sim.nodeDetail('s').ok).toBe(100); // the service did its part
  });
});

describe('routing', () => {
  it('no outgoing edge: every request fails no-route at once (100 of 100)', () => {
    const sim = run(10_000, { arrival: { type: 'constant', ratePerSec: 10 } }, { edges: [] });
    expect(sim.nodeDetail('c')).toMatchObject({ arrivals: 100, failed: { 'no-route': 100 } });
    expect(sim.nodeDetail('c').latencyMs.max).toBe(0);
    expect(sim.nodeDetail('s').arrivals).toBe(0);
  });

  it('two edges weighted 3 : 1 split ≈ 75 % / 25 %', () => {
    const sim = run(
      20_000,
      { arrival: { type: 'poisson', ratePerSec: 200 } },
      {
        nodes: [
          { id: 'a', kind: 'service', config: { workers: 4, serviceTime: constant(1) } },
          { id: 'b', kind: 'service', config: { workers: 4, serviceTime: constant(1) } },
        ],
        edges: [
          { source: 'c', target: 'a', config: { weight: 3 } },
          { source: 'c', target: 'b', config: { weight: 1 } },
        ],
      },
    );
    const a = sim.nodeDetail('a').arrivals;
    const b = sim.nodeDetail('b').arrivals;
    expect(a + b).toBe(sent(sim));
    near(a / (a + b), 0.75, 0.03);
  });
});

describe('request keys and user ids', () => {
  const keyCounts = (sim: Simulation, n: number) =>
    Array.from({ length: n }, (_, k) => sim.nodeDetail('r').metrics[`key:${k}`] ?? 0);

  it('zipf (s = 1) over 10 keys: key 0 most frequent, frequencies ≈ (1/k)/H₁₀', () => {
    const sim = run(
      20_000,
      { arrival: { type: 'poisson', ratePerSec: 1000 }, keys: { distribution: 'zipf', count: 10 } },
      { nodes: [{ id: 'r', kind: 'recorder' }], edges: [{ source: 'c', target: 'r' }] },
    );
    const counts = keyCounts(sim, 10);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBe(sent(sim));
    expect(Math.max(...counts)).toBe(counts[0]);
    const h10 = Array.from({ length: 10 }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b);
    counts.forEach((n, k) => near(n / total, 1 / (k + 1) / h10, 0.12));
  });

  it('userCount 4 spreads requests over user ids 0..3 ≈ evenly; no keys → key −1', () => {
    const sim = run(
      10_000,
      { arrival: { type: 'poisson', ratePerSec: 1000 }, userCount: 4 },
      { nodes: [{ id: 'r', kind: 'recorder' }], edges: [{ source: 'c', target: 'r' }] },
    );
    const m = sim.nodeDetail('r').metrics;
    expect(m['key:-1']).toBe(sent(sim));
    for (let u = 0; u < 4; u++) near((m[`user:${u}`] ?? 0) / sent(sim), 0.25, 0.06);
    expect(m['user:4']).toBeUndefined();
  });

  it('keySampler: zipf exponent 2 matches 1/k² / Σ, uniform is flat (100 000 draws)', () => {
    const rng = createStream(3, 'keys-test', 'keys');
    const draw = (cfg: unknown, n: number) => {
      const sample = keySampler(keysSchema.parse(cfg));
      const counts = new Array<number>(n).fill(0);
      for (let i = 0; i < 100_000; i++) {
        const k = sample(rng);
        counts[k] = (counts[k] ?? 0) + 1;
      }
      return counts;
    };
    const zipf = draw({ distribution: 'zipf', count: 5, exponent: 2 }, 5);
    const norm = [1, 2, 3, 4, 5].reduce((a, k) => a + 1 / k ** 2, 0);
    zipf.forEach((n, k) => near(n / 100_000, 1 / (k + 1) ** 2 / norm, 0.08));
    const flat = draw({ count: 8 }, 8);
    flat.forEach((n) => near(n / 100_000, 1 / 8, 0.04));
  });
});

describe('request routes', () => {
  const recorder = {
    nodes: [{ id: 'r', kind: 'recorder' }],
    edges: [{ source: 'c', target: 'r' }],
  };

  it('routes weighted 3 : 1 : 1 tag requests ≈ 60 % / 20 % / 20 % as attrs.route', () => {
    const sim = run(
      10_000,
      {
        arrival: { type: 'poisson', ratePerSec: 1000 },
        routes: [{ path: '/orders', weight: 3 }, { path: '/catalog' }, { path: '/account' }],
      },
      recorder,
    );
    const m = sim.nodeDetail('r').metrics;
    const total = sent(sim);
    expect(
      (m['route:/orders'] ?? 0) + (m['route:/catalog'] ?? 0) + (m['route:/account'] ?? 0),
    ).toBe(total);
    near((m['route:/orders'] ?? 0) / total, 0.6, 0.04);
    near((m['route:/catalog'] ?? 0) / total, 0.2, 0.08);
    near((m['route:/account'] ?? 0) / total, 0.2, 0.08);
  });

  it('no routes (the default): attrs stay null, and the traffic is identical to a routed run', () => {
    const times = (routes: unknown) => {
      const out: number[] = [];
      const sim = run(
        5_000,
        { arrival: { type: 'poisson', ratePerSec: 200 }, userCount: 10, routes },
        recorder,
        (e) => {
          if (e.type === 'request.sent') out.push(e.timeUs, e.requestId ?? -1);
        },
      );
      return { out, m: sim.nodeDetail('r').metrics };
    };
    const plain = times(null);
    const routed = times([{ path: '/a' }, { path: '/b' }]);
    expect(plain.m['route:none']).toBe(plain.out.length / 2);
    // Routes draw from their own stream: arrivals and user ids are unchanged.
    expect(routed.out).toEqual(plain.out);
    for (let u = 0; u < 10; u++) expect(routed.m[`user:${u}`]).toBe(plain.m[`user:${u}`]);
  });

  it('routeSampler: one route always wins; weights are honoured over 100 000 draws', () => {
    const rng = createStream(5, 'routes-test', 'routes');
    const one = routeSampler(routesSchema.parse([{ path: '/only' }]));
    expect(one(rng)).toBe('/only');
    const sample = routeSampler(
      routesSchema.parse([
        { path: '/a', weight: 1 },
        { path: '/b', weight: 9 },
      ]),
    );
    let a = 0;
    for (let i = 0; i < 100_000; i++) if (sample(rng) === '/a') a++;
    near(a / 100_000, 0.1, 0.04);
  });

  it('rejects an empty route list and a non-positive weight', () => {
    expect(routesSchema.safeParse([]).success).toBe(false);
    expect(routesSchema.safeParse([{ path: '/a', weight: 0 }]).success).toBe(false);
    expect(routesSchema.safeParse([{ path: '' }]).success).toBe(false);
  });
});
