import { describe, expect, it } from 'vitest';
import { budget } from './testing/budget.ts';
import { createSimulation, type Simulation, type TraceEvent } from './index.ts';
import { constant, exp } from './testing/run.ts';
import { buildScenario, type EdgeSpec, type NodeSpec } from './testing/scenario-builder.ts';
import type { SimFault } from './model/scenario-types.ts';
import type { SimContext } from './model/context.ts';
import { clientKind } from './model/client.ts';
import { createRegistry, type NodeRuntime } from './model/kind.ts';
import { serviceKind, type ServiceConfig } from './model/service.ts';
import type { PoolState } from './model/worker-pool.ts';

type Spec = Parameters<typeof buildScenario>[0];

/** A small multi-hop system with randomness everywhere and a few faults. */
function system(seed: number): Spec {
  return {
    seed,
    durationMs: 5000,
    nodes: [
      {
        id: 'users',
        kind: 'client',
        config: { arrival: { type: 'poisson', ratePerSec: 300 }, timeoutMs: 80 },
      },
      {
        id: 'gw',
        kind: 'service',
        config: { workers: 8, serviceTime: exp(2), callMode: 'parallel' },
      },
      {
        id: 'orders',
        kind: 'service',
        config: { workers: 2, serviceTime: exp(4), errorRate: 0.05 },
      },
      { id: 'db', kind: 'database', config: { connections: 3 } },
      {
        id: 'stock',
        kind: 'service',
        config: { serviceTime: { type: 'lognormal', medianMs: 2, p99Ms: 20 } },
      },
    ],
    edges: [
      { id: 'u-gw', source: 'users', target: 'gw', config: { latency: exp(1) } },
      { id: 'gw-o', source: 'gw', target: 'orders' },
      {
        id: 'gw-s',
        source: 'gw',
        target: 'stock',
        config: { callProbability: 0.5, required: false },
      },
      { id: 'o-db', source: 'orders', target: 'db', config: { latency: constant(0.5) } },
    ],
    faults: [
      {
        id: 'slow',
        target: 'db',
        type: 'latency',
        addMs: 5,
        multiplier: 2,
        startMs: 1000,
        durationMs: 1000,
      },
      { id: 'cut', target: 'gw-s', type: 'partition', startMs: 2500, durationMs: 500 },
      { id: 'down', target: 'orders', type: 'crash', startMs: 3500, durationMs: 300 },
    ],
  };
}

function traced(spec: Spec) {
  let hash = 0x811c9dc5;
  let count = 0;
  const trace = (e: TraceEvent) => {
    const text = `${e.timeUs}|${e.type}|${e.node}|${e.requestId}|${e.cause}|${e.detail}`;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    count++;
  };
  const sim = createSimulation(buildScenario(spec), { hashEvents: true, trace });
  sim.runToEnd();
  return { sim, summary: sim.summary(), eventHash: sim.eventHash, traceHash: hash >>> 0, count };
}

/** One run of `system()` (≈ 1500 requests through five nodes, traced): ~500 ms here. */
const SYSTEM_RUN_MS = 600;

describe('determinism', () => {
  it(
    'same scenario + seed twice: identical summary, event hash and trace sequence',
    budget(2, SYSTEM_RUN_MS),
    () => {
      const a = traced(system(42));
      const b = traced(system(42));
      expect(a.count).toBeGreaterThan(3000); // ≈ 1500 requests, sent + answered + faults
      expect(b.summary).toEqual(a.summary);
      expect(b.eventHash).toBe(a.eventHash);
      expect([b.traceHash, b.count]).toEqual([a.traceHash, a.count]);
      expect(a.summary.conservation.ok).toBe(true);
    },
  );

  it('another seed gives another run', budget(2, SYSTEM_RUN_MS), () => {
    const a = traced(system(42));
    const c = traced(system(43));
    expect(c.eventHash).not.toBe(a.eventHash);
    expect(c.traceHash).not.toBe(a.traceHash);
    expect(c.summary.clients['users']).not.toEqual(a.summary.clients['users']);
  });

  it(
    'common random numbers: an unrelated client + service pair changes nothing else',
    budget(2, SYSTEM_RUN_MS),
    () => {
      const base = system(7);
      const extra: NodeSpec[] = [
        { id: 'other', kind: 'client', config: { arrival: { type: 'poisson', ratePerSec: 500 } } },
        { id: 'side', kind: 'service', config: { serviceTime: exp(3), errorRate: 0.3 } },
      ];
      const extraEdge: EdgeSpec = { id: 'o-s', source: 'other', target: 'side' };
      const extraFault: SimFault = {
        id: 'x',
        target: 'side',
        type: 'hang',
        startMs: 100,
        durationMs: 50,
      };
      const a = traced(base).summary;
      const b = traced({
        ...base,
        nodes: [...extra, ...base.nodes], // even in front: streams are keyed by id, not index
        edges: [extraEdge, ...(base.edges ?? [])],
        faults: [extraFault, ...(base.faults ?? [])],
      }).summary;
      expect(b.events).toBeGreaterThan(a.events);
      expect(b.clients['users']).toEqual(a.clients['users']);
      for (const id of ['gw', 'orders', 'db', 'stock'])
        expect(b.nodes[id], id).toEqual(a.nodes[id]);
    },
  );
});

/** Client "c" (constant 10/s) → service "s" (10 ms) and an "idle" service nobody calls. */
function small(svc: Record<string, unknown> = {}, durationMs = 10_000): Simulation {
  return createSimulation(
    buildScenario({
      durationMs,
      nodes: [
        { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
        { id: 's', kind: 'service', config: { serviceTime: constant(10), ...svc } },
        { id: 'idle', kind: 'service' },
      ],
      edges: [{ id: 'e', source: 'c', target: 's' }],
    }),
  );
}

describe('stepping the clock', () => {
  it('step() runs exactly one event, then returns false at the end and sets done', () => {
    const reference = small({}, 1000);
    reference.runToEnd();
    const sim = small({}, 1000);
    let steps = 0;
    while (sim.step()) {
      steps++;
      expect(sim.events).toBe(steps);
    }
    expect(steps).toBe(reference.events);
    expect([sim.done, sim.timeMs, sim.step(), sim.events]).toEqual([true, 1000, false, steps]);
    expect(sim.summary().clients).toEqual(reference.summary().clients);
  });

  it('advanceTo is monotonic and capped at the duration', () => {
    const sim = small();
    sim.advanceTo(5000);
    const events = sim.events;
    sim.advanceTo(3000);
    expect([sim.timeMs, sim.events, sim.done]).toEqual([5000, events, false]);
    sim.advanceTo(1e9);
    expect([sim.timeMs, sim.done]).toEqual([10_000, true]);
    expect(sim.nodeDetail('c').arrivals).toBe(100);
  });

  it('drainFrame reports only the nodes that changed, and counts closed windows', () => {
    const sim = small();
    expect(sim.drainFrame().nodes.map((n) => n.id)).toEqual(['c', 's', 'idle']);
    sim.advanceTo(100); // the requests of 0 and 100 ms leave
    expect(sim.drainFrame().nodes.map((n) => n.id)).toEqual(['c', 's']);
    sim.advanceTo(105); // nothing happens in (100, 105]
    expect(sim.drainFrame()).toMatchObject({ timeMs: 105, nodes: [], edges: [], windowsClosed: 0 });
    sim.advanceTo(3500); // three windows closed: everyone is reported with the last one
    const f = sim.drainFrame();
    expect(f.windowsClosed).toBe(3);
    expect(f.nodes.map((n) => n.id)).toEqual(['c', 's', 'idle']);
    // Sent at 0 … 3500 ms (36); the one of 3500 ms is still in its 10 ms of work.
    expect(f.nodes[0]).toMatchObject({
      arrivals: 36,
      ok: 35,
      inFlight: 1,
      window: { arrivals: 10, ok: 10 },
    });
  });

  it('drainFrame reports an edge whose ok count changed (a response came back)', () => {
    const sim = small();
    sim.advanceTo(100); // calls at 0 and 100 ms; the first was answered at 10 ms
    expect(sim.drainFrame().edges).toMatchObject([{ id: 'e', calls: 2, ok: 1 }]);
    sim.advanceTo(150); // no call left in (100, 150]: only the response of 110 ms crossed
    expect(sim.drainFrame().edges).toMatchObject([{ id: 'e', calls: 2, ok: 2 }]);
  });

  it('the run covers [0, durationMs): an event at exactly durationMs is not processed', () => {
    // 1010 ms: requests at 0 … 1000 ms. The call of 1000 ms would finish at exactly 1010 ms,
    // and the crash would start then: neither happens.
    const spec = (): Spec => ({
      durationMs: 1010,
      nodes: [
        { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
        { id: 's', kind: 'service', config: { serviceTime: constant(10) } },
      ],
      edges: [{ id: 'e', source: 'c', target: 's' }],
      faults: [{ id: 'k', target: 's', type: 'crash', startMs: 1010, durationMs: null }],
    });
    const times: number[] = [];
    const sim = createSimulation(buildScenario(spec()), { trace: (e) => times.push(e.timeUs) });
    sim.runToEnd();
    expect(sim.nodeDetail('c')).toMatchObject({ arrivals: 11, ok: 10, failed: {}, inFlight: 1 });
    expect(sim.nodeDetail('s')).toMatchObject({ arrivals: 11, ok: 10, busy: 1 });
    expect(sim.snapshot()).toMatchObject({ timeMs: 1010, activeFaults: [] });
    expect(Math.max(...times)).toBe(1_000_000);
    // Stepping stops at the same place.
    const stepped = createSimulation(buildScenario(spec()));
    while (stepped.step());
    expect([stepped.events, stepped.timeMs]).toEqual([sim.events, 1010]);
    expect(stepped.nodeDetail('c')).toMatchObject({ arrivals: 11, ok: 10, inFlight: 1 });
  });

  it('frames carry the faults in force on each node and edge', () => {
    const sim = createSimulation(
      buildScenario({
        durationMs: 3000,
        nodes: [
          { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
          { id: 's', kind: 'service', config: { serviceTime: constant(10) } },
          { id: 'idle', kind: 'service' },
        ],
        edges: [{ id: 'e', source: 'c', target: 's' }],
        faults: [
          { id: 'h', target: 'idle', type: 'hang', startMs: 1050, durationMs: 500 },
          { id: 'x', target: 's', type: 'error-rate', rate: 0.1, startMs: 1050, durationMs: 500 },
          {
            id: 'y',
            target: 's',
            type: 'capacity',
            factor: 0.5,
            workers: null,
            startMs: 1050,
            durationMs: 500,
          },
          { id: 'p', target: 'e', type: 'partition', startMs: 1050, durationMs: 500 },
          { id: 'l', target: 'e', type: 'edge-latency', addMs: 3, startMs: 1050, durationMs: 500 },
        ],
      }),
    );
    sim.advanceTo(1040);
    sim.drainFrame();
    // Nothing but the faults changed in (1040, 1050]: still every faulted node and edge shows.
    sim.advanceTo(1050);
    const on = sim.drainFrame();
    expect(on.nodes.map((n) => [n.id, n.faults])).toEqual([
      ['s', ['errors', 'capacity']],
      ['idle', ['hang']],
    ]);
    expect(on.edges).toMatchObject([{ id: 'e', faults: ['partition', 'slow'] }]);
    sim.advanceTo(1550);
    const off = sim.drainFrame();
    expect(off.nodes.find((n) => n.id === 'idle')?.faults).toEqual([]);
    expect(off.nodes.find((n) => n.id === 's')?.faults).toEqual([]);
    expect(off.edges).toMatchObject([{ id: 'e', faults: [] }]);
  });
});

describe('live config patches', () => {
  it('raising workers 1 → 3 at 5000 ms starts 2 queued calls at once (17 → 15) and drains', () => {
    const sim = small({ serviceTime: constant(150) });
    sim.advanceTo(5000);
    expect(sim.nodeDetail('s')).toMatchObject({ busy: 1, queueDepth: 17, capacity: 1 });
    expect(sim.patch({ type: 'node-config', nodeId: 's', config: { workers: 3 } })).toEqual({
      ok: true,
    });
    expect(sim.nodeDetail('s')).toMatchObject({ busy: 3, queueDepth: 15, capacity: 3 });
    sim.runToEnd();
    expect(sim.nodeDetail('s').queueDepth).toBe(0);
  });

  it('a new serviceTime applies to work started after the patch (10 → 30 ms)', () => {
    const sim = small();
    sim.advanceTo(5000);
    sim.patch({ type: 'node-config', nodeId: 's', config: { serviceTime: constant(30) } });
    sim.runToEnd();
    const mean = sim.series('s', 'recent').fields['meanMs'] ?? [];
    expect(mean.slice(0, 5)).toEqual([10, 10, 10, 10, 10]);
    expect(mean.slice(6)).toEqual([30, 30, 30, 30]);
  });

  it('refuses invalid values with messages naming the field, keeping the old config', () => {
    const sim = small();
    sim.advanceTo(2000);
    const patch = (nodeId: string, config: Record<string, unknown>) =>
      sim.patch({ type: 'node-config', nodeId, config });
    expect(patch('s', { workers: 0 })).toEqual({
      ok: false,
      errors: ['s.config.workers: must be a number ≥ 1 (got 0)'],
    });
    expect(patch('s', { errorRate: 2 })).toEqual({
      ok: false,
      errors: ['s.config.errorRate: must be a number ≤ 1 (got 2)'],
    });
    expect(patch('zz', {})).toEqual({ ok: false, errors: ['no node with id "zz"'] });
    expect(sim.patch({ type: 'edge-config', edgeId: 'e', config: { weight: 0 } })).toEqual({
      ok: false,
      errors: ['e.config.weight: must be a number > 0 (got 0)'],
    });
    expect(sim.snapshot().nodes[1]?.config).toMatchObject({ workers: 1, errorRate: 0 });
    sim.runToEnd();
    expect(sim.nodeDetail('s')).toMatchObject({ capacity: 1, failed: {} });
  });
});

describe('patches after the end of a run', () => {
  // A service that counts its live edits: whatever a kind does on an edit, after the end it
  // must not happen (a strangler fig counted config changes into the final figures).
  const counting = {
    ...serviceKind,
    metrics: [...serviceKind.metrics, { name: 'edits', label: 'Edits', unit: 'count' as const }],
    onConfigChange(
      ctx: SimContext,
      node: NodeRuntime<ServiceConfig, PoolState>,
      previous: ServiceConfig,
    ) {
      ctx.count(node.index, 'edits');
      serviceKind.onConfigChange?.(ctx, node, previous);
    },
  };
  const registry = createRegistry([clientKind, counting]);

  it('change nothing and bad values are still refused: the figures stay those the end checked', () => {
    const sim = createSimulation(
      buildScenario(
        {
          durationMs: 2000,
          nodes: [
            { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
            { id: 's', kind: 'service', config: { serviceTime: constant(150) } },
          ],
          edges: [{ id: 'e', source: 'c', target: 's' }],
          faults: [
            { id: 'f', target: 's', type: 'error-rate', startMs: 0, durationMs: null, rate: 0.5 },
          ],
        },
        registry,
      ),
      { registry },
    );
    sim.patch({ type: 'node-config', nodeId: 's', config: { workers: 2 } });
    sim.runToEnd();
    const final = sim.summary();
    expect(final.nodes['s']?.metrics).toMatchObject({ edits: 1 });
    const crash = { id: 'x', target: 's', type: 'crash', startMs: 0, durationMs: null };
    expect(sim.patch({ type: 'node-config', nodeId: 's', config: { workers: 3 } })).toEqual({
      ok: true,
    });
    expect(sim.patch({ type: 'fault-add', fault: crash })).toEqual({ ok: true });
    // A fault edited on the timeline: removed and added again under its id.
    expect(sim.patch({ type: 'fault-remove', faultId: 'f' })).toEqual({ ok: true });
    expect(sim.patch({ type: 'fault-add', fault: { ...crash, id: 'f' } })).toEqual({ ok: true });
    expect(sim.patch({ type: 'edge-config', edgeId: 'e', config: { weight: 2 } })).toEqual({
      ok: true,
    });
    // Still refused as during the run.
    expect(sim.patch({ type: 'node-config', nodeId: 's', config: { workers: 0 } })).toEqual({
      ok: false,
      errors: ['s.config.workers: must be a number ≥ 1 (got 0)'],
    });
    expect(sim.patch({ type: 'fault-add', fault: { ...crash, target: 'e' } })).toEqual({
      ok: false,
      errors: ['fault x.target: a crash fault targets a node, but "e" is an edge'],
    });
    expect(sim.summary()).toEqual(final);
    expect(sim.snapshot()).toMatchObject({
      activeFaults: ['f'],
      nodes: [{}, { config: { workers: 2 } }],
    });
  });
});

describe('snapshots and long runs', () => {
  it('snapshot() is plain data: JSON and structuredClone round-trip it unchanged, and it is detached', () => {
    const sim = small({ workers: 1, serviceTime: constant(150) });
    sim.advanceTo(4321);
    const snap = sim.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(structuredClone(snap)).toEqual(snap);
    const frozen = JSON.stringify(snap);
    sim.runToEnd();
    expect(JSON.stringify(snap)).toBe(frozen);
    expect(snap).toMatchObject({ timeMs: 4321, activeFaults: [] });
  });

  // 2 req/s for 86 400 s: ~0.009 ms per request here.
  it(
    '24 virtual hours at 2 req/s: whole series ≤ 512 points, recent = 300, totals kept',
    budget(2 * 86_400, 0.01),
    () => {
      const sim = createSimulation(
        buildScenario({
          seed: 3,
          durationMs: 86_400_000,
          nodes: [
            { id: 'c', kind: 'client', config: { arrival: { type: 'poisson', ratePerSec: 2 } } },
            { id: 's', kind: 'service', config: { serviceTime: exp(20) } },
          ],
          edges: [{ source: 'c', target: 's' }],
          faults: [
            { id: 'f', target: 's', type: 'crash', startMs: 3_600_000, durationMs: 600_000 },
          ],
        }),
      );
      sim.runToEnd();
      const s = sim.summary();
      expect(s.conservation.ok).toBe(true);
      expect(Math.abs((s.clients['c']?.sent ?? 0) / 172_800 - 1)).toBeLessThan(0.01);
      for (const id of ['c', 's']) {
        const whole = sim.series(id, 'whole');
        expect(whole.startMs.length).toBeLessThanOrEqual(512);
        expect(sim.series(id, 'recent').startMs.length).toBe(300);
        const total = (f: string) => (whole.fields[f] ?? []).reduce((a, b) => a + b, 0);
        const d = sim.nodeDetail(id);
        expect(total('arrivals')).toBe(d.arrivals);
        expect(total('failed:refused')).toBe(d.failed['refused']);
      }
    },
  );
});
