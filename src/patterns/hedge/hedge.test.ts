import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { createSimulation, type TraceEvent } from '../../engine/index.ts';
import { buildScenario } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { hedgeKind } from './hedge.ts';

const constantMs = (valueMs: number) => ({ type: 'constant', valueMs });

/**
 * Client "c" (constant 10/s: requests at 0, 100, … ms) → hedge "h" → replicas r0, r1, …
 * (one service each, 10 workers, constant service times), no edge latency.
 */
function run(opts: {
  hedge: Record<string, unknown>;
  replicas: Record<string, unknown>[];
  durationMs?: number;
  timeoutMs?: number;
}) {
  const events: string[] = [];
  const replicas = opts.replicas.map((config, i) => ({
    id: `r${i}`,
    kind: 'service',
    config: { workers: 10, ...config },
  }));
  const sim = createSimulation(
    buildScenario(
      {
        seed: 4,
        durationMs: opts.durationMs ?? 1000,
        nodes: [
          {
            id: 'c',
            kind: 'client',
            config: {
              arrival: { type: 'constant', ratePerSec: 10 },
              timeoutMs: opts.timeoutMs ?? null,
            },
          },
          { id: 'h', kind: 'hedge', config: opts.hedge },
          ...replicas,
        ],
        edges: [
          { source: 'c', target: 'h' },
          ...replicas.map((r) => ({ source: 'h', target: r.id })),
        ],
      },
      REGISTRY,
    ),
    {
      registry: REGISTRY,
      trace: (e: TraceEvent) => {
        if (e.type === 'hedge.sent') events.push(`${e.requestId}@${e.timeUs / 1000}`);
      },
    },
  );
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  const label = () => sim.drainFrame().nodes.find((n) => n.id === 'h')?.state;
  const arrivals = replicas.map((r) => sim.nodeDetail(r.id).arrivals);
  return { sim, events, h: sim.nodeDetail('h'), c: sim.nodeDetail('c'), arrivals, label };
}

describe('hedge kind', () => {
  it('is a registered resilience kind', () => {
    expect(REGISTRY.get('hedge')).toBe(hedgeKind);
    expect(hedgeKind.category).toBe('resilience');
  });

  it('slow primary: the hedge goes to the next replica after the delay, wins, and the primary is cancelled', () => {
    // Round robin: even requests start on the slow r0 (200 ms), odd ones on r1 (10 ms).
    const { h, c, events, arrivals, sim } = run({
      hedge: { hedgeDelayMs: 50 },
      replicas: [{ serviceTime: constantMs(200) }, { serviceTime: constantMs(10) }],
    });
    expect(events).toEqual(['0@50', '2@250', '4@450', '6@650', '8@850']);
    expect(h.metrics).toEqual({
      primaries: 10,
      hedges: 5,
      hedgeWins: 5,
      primaryWins: 5,
      cancelled: 5,
    });
    expect(arrivals).toEqual([5, 10]);
    // Hedged requests took 50 + 10 ms, the others 10 ms.
    expect(c.latencyMs.max).toBeCloseTo(60, 0);
    expect(c.ok).toBe(10);
    // The cancelled primaries' answers (at 200, 400, … ms) are discarded as late.
    expect(h.lateResponses).toBe(4); // the one due at 1000 ms falls after the run
    const figures = hedgeKind.report?.({
      arrivals: h.arrivals,
      completed: h.ok,
      failed: h.failed,
      metrics: h.metrics,
      elapsedMs: 1000,
    });
    expect(figures).toEqual({
      loadFactor: 1.5,
      extraLoad: 0.5,
      hedgeRate: 0.5,
      hedgeWinShare: 1,
    });
    expect(sim.nodeDetail('r0').ok).toBe(4);
  });

  it('fast primary: no hedge is sent', () => {
    const { h, events } = run({
      hedge: { hedgeDelayMs: 50 },
      replicas: [{ serviceTime: constantMs(10) }, { serviceTime: constantMs(10) }],
    });
    expect(events).toEqual([]);
    expect(h.metrics).toEqual({ primaries: 10, primaryWins: 10 });
  });

  it('a primary that fails before the hedge delay fails the request (hedges are for slowness)', () => {
    const { c, h } = run({
      hedge: { hedgeDelayMs: 50 },
      replicas: [{ serviceTime: constantMs(10), errorRate: 1 }, { serviceTime: constantMs(10) }],
    });
    expect(c.failed).toEqual({ error: 5 });
    expect(h.metrics['hedges'] ?? 0).toBe(0);
  });

  it('hedgeOnFailure: a failed primary is hedged at once to the next replica', () => {
    const { c, h, events } = run({
      hedge: { hedgeDelayMs: 50, hedgeOnFailure: true },
      replicas: [{ serviceTime: constantMs(10), errorRate: 1 }, { serviceTime: constantMs(10) }],
    });
    expect(c.ok).toBe(10);
    // Even requests start on the failing r0 (at 0, 200, … ms) and are hedged when it fails.
    expect(events.slice(0, 2)).toEqual(['0@10', '2@210']);
    expect(h.metrics).toMatchObject({ hedges: 5, hedgeWins: 5 });
    expect(c.latencyMs.max).toBeCloseTo(20, 0);
  });

  it('a failed hedge waits for the primary still out; the last failure decides when all fail', () => {
    const slowOk = run({
      hedge: { hedgeDelayMs: 50 },
      replicas: [{ serviceTime: constantMs(200) }, { serviceTime: constantMs(10), errorRate: 1 }],
    });
    // Even requests: r0 answers at 200 ms after r1's hedge failed at 60 ms (the one sent at
    // 800 ms would answer at 1000 ms, after the run). Odd ones start on r1 and fail at 10 ms,
    // before their hedge.
    expect(slowOk.c.ok).toBe(4);
    expect(slowOk.c.failed).toEqual({ error: 5 });
    expect(slowOk.h.metrics).toMatchObject({ hedges: 5, primaryWins: 4 });
    const allFail = run({
      hedge: { hedgeDelayMs: 50 },
      replicas: [
        { serviceTime: constantMs(200), errorRate: 1 },
        { serviceTime: constantMs(10), errorRate: 1 },
      ],
    });
    // The request sent at 800 ms is still waiting for r0 (due at 1000 ms) when the run ends.
    expect(allFail.c.failed).toEqual({ error: 9 });
    expect(allFail.c.inFlight).toBe(1);
  });

  it('maxHedges 2 with three replicas: one more hedge per delay, each to the next replica', () => {
    const { events, arrivals, c, h } = run({
      hedge: { hedgeDelayMs: 40, maxHedges: 2 },
      replicas: [
        { serviceTime: constantMs(500) },
        { serviceTime: constantMs(500) },
        { serviceTime: constantMs(5) },
      ],
      durationMs: 100,
    });
    // Request 0: r0 at 0, r1 at 40, r2 at 80 → answered at 85 ms; both others cancelled.
    expect(events).toEqual(['0@40', '0@80']);
    expect(arrivals).toEqual([1, 1, 1]);
    expect(c.latencyMs.max).toBeCloseTo(85, 0);
    expect(h.metrics).toMatchObject({ hedges: 2, hedgeWins: 1, cancelled: 2 });
  });

  it('no hedge for a request whose client has already given up', () => {
    const { h, c } = run({
      hedge: { hedgeDelayMs: 50 },
      replicas: [{ serviceTime: constantMs(200) }, { serviceTime: constantMs(10) }],
      timeoutMs: 30,
    });
    expect(h.metrics['hedges'] ?? 0).toBe(0);
    expect(c.failed).toEqual({ timeout: 5 });
  });

  it('maxHedges 0 is a plain round-robin proxy', () => {
    const { h, arrivals, label } = run({
      hedge: { maxHedges: 0 },
      replicas: [{ serviceTime: constantMs(200) }, { serviceTime: constantMs(10) }],
    });
    expect(arrivals).toEqual([5, 5]);
    expect(h.metrics).toEqual({ primaries: 10, primaryWins: 9 });
    expect(label()).toEqual({ text: 'hedging off', tone: 'warn' });
  });

  // Two runs, the longer one 60 s of virtual time: ≤ 150 ms here together.
  it(
    'hedge after p95: learns from its first 20 requests, then hedges about the slowest 5%',
    budget(2, 150),
    () => {
      const uniform = { type: 'uniform', minMs: 5, maxMs: 15 };
      const learning = run({ hedge: {}, replicas: [{ serviceTime: uniform }] });
      expect(learning.label()).toEqual({ text: 'learning p95', tone: 'warn' });
      expect(learning.h.metrics['hedges'] ?? 0).toBe(0);
      const learnt = run({ hedge: {}, replicas: [{ serviceTime: uniform }], durationMs: 60_000 });
      // The p95 of uniform 5–15 ms is 14.5 ms.
      expect(learnt.label()?.text).toMatch(/^hedge after 1[45] ms$/);
      const rate = (learnt.h.metrics['hedges'] ?? 0) / learnt.h.arrivals;
      expect(rate).toBeGreaterThan(0.02);
      expect(rate).toBeLessThan(0.1);
    },
  );

  it('random pick spreads primaries over the replicas', () => {
    const { arrivals } = run({
      hedge: { pick: 'random', maxHedges: 0 },
      replicas: [{}, {}, {}],
      durationMs: 30_000,
    });
    for (const n of arrivals) expect(n).toBeGreaterThan(60);
    expect(arrivals.reduce((a, b) => a + b, 0)).toBe(300);
  });
});
