import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Cause } from './model/context.ts';
import { BUILTIN_KINDS } from './model/builtin-kinds.ts';
import { createRegistry, type KindDefinition } from './model/kind.ts';
import type { SimFault } from './model/scenario-types.ts';
import { SimulationCore } from './simulation.ts';
import { stuckByWalk } from './stuck-calls.ts';
import { budget } from './testing/budget.ts';
import { randomTopology } from './testing/random-scenario.ts';
import { buildScenario, type EdgeSpec, type NodeSpec } from './testing/scenario-builder.ts';

const RUNS = 250;
const TAG_EXPIRE = 1;

/**
 * A proxy with a deadline on the call it forwards (a timer its sender holds on the child): a
 * lost child waits only until then, so it is never a stuck wait.
 */
const deadlineKind: KindDefinition<{ timeoutMs: number }, Record<string, never>> = {
  kind: 'deadline',
  label: 'Deadline',
  category: 'resilience',
  description: 'Forwards each call and gives up on it after timeoutMs.',
  configSchema: z.strictObject({ timeoutMs: z.number().positive().default(300) }),
  metrics: [],
  init: () => ({}),
  onCall(ctx, node, call) {
    const edge = ctx.outEdges(node.index)[0];
    if (edge === undefined) return ctx.respond(call, false, Cause.NoRoute);
    const child = ctx.send(node.index, edge, call.request, call);
    ctx.setTimer(node.index, node.config.timeoutMs * 1000, TAG_EXPIRE, child);
  },
  onTimer(ctx, _node, tag, child) {
    if (tag !== TAG_EXPIRE || !child) return;
    const parent = child.parent;
    ctx.abandon(child);
    if (parent && ctx.isLive(parent, child.parentGen)) ctx.respond(parent, false, Cause.Timeout);
  },
  onResponse(ctx, _node, child) {
    const parent = child.parent;
    if (parent && ctx.isLive(parent, child.parentGen)) ctx.respond(parent, child.ok, child.cause);
  },
};

const REGISTRY = createRegistry([...BUILTIN_KINDS, deadlineKind]);

function core(spec: {
  nodes: NodeSpec[];
  edges: EdgeSpec[];
  faults?: SimFault[];
  durationMs?: number;
}) {
  return new SimulationCore(buildScenario({ durationMs: 60_000, ...spec }, REGISTRY), REGISTRY, {});
}

const partition = (target: string, startMs = 10_000): SimFault => ({
  id: `cut-${target}`,
  target,
  type: 'partition',
  startMs,
  durationMs: null,
});

/** client → Orders (4 workers) → DB: the scenario of the README's diagnosis. */
function ordersChain(opts: { timeoutMs?: number | null; mode?: string; faults?: SimFault[] }) {
  const nodes: NodeSpec[] = [
    {
      id: 'users',
      kind: 'client',
      config: { arrival: { type: 'poisson', ratePerSec: 50 }, timeoutMs: opts.timeoutMs ?? null },
    },
    { id: 'orders', kind: 'service', config: { workers: 4, callMode: opts.mode ?? 'sequential' } },
    { id: 'db', kind: 'database' },
    { id: 'stock', kind: 'database' },
  ];
  const edges: EdgeSpec[] = [
    { id: 'to-orders', source: 'users', target: 'orders' },
    { id: 'to-db', source: 'orders', target: 'db' },
  ];
  if (opts.mode === 'parallel') edges.push({ id: 'to-stock', source: 'orders', target: 'stock' });
  return core({ nodes, edges, faults: opts.faults ?? [partition('to-db')] });
}

const at = (c: SimulationCore, id: string) => c.stuck.figures(c.graph.nodeIndex.get(id) as number);

describe('stuck calls: waits that nothing will end', () => {
  it('every worker of a service calling over a partition with no timeout', () => {
    const c = ordersChain({});
    c.runUntil(9_000_000);
    expect(at(c, 'orders')).toBeNull();
    c.runUntil(60_000_000);
    expect(at(c, 'orders')).toEqual({ partitioned: 4, hung: 0 });
    // The client's own calls are queued, not lost: it has no stuck waits of its own.
    expect(at(c, 'users')).toBeNull();
  });

  it('counts waiting workers, not calls: a parallel worker with two lost calls is one', () => {
    const c = ordersChain({
      mode: 'parallel',
      faults: [partition('to-db'), partition('to-stock')],
    });
    c.runUntil(60_000_000);
    expect(at(c, 'orders')).toEqual({ partitioned: 4, hung: 0 });
  });

  it('a worker waiting on a hung node is hung; one lost call makes it partitioned', () => {
    const hang: SimFault = {
      id: 'h',
      target: 'db',
      type: 'hang',
      startMs: 5_000,
      durationMs: null,
    };
    const c = ordersChain({ faults: [hang] });
    c.runUntil(30_000_000);
    expect(at(c, 'orders')).toEqual({ partitioned: 0, hung: 4 });
    const mixed = ordersChain({
      mode: 'parallel',
      faults: [hang, { ...partition('to-stock', 5_000), id: 'cut' }],
    });
    mixed.runUntil(30_000_000);
    expect(at(mixed, 'orders')).toEqual({ partitioned: 4, hung: 0 });
  });

  it('a timeout on the lost call ends the wait: nothing is stuck behind a deadline', () => {
    const nodes: NodeSpec[] = [
      { id: 'users', kind: 'client', config: { arrival: { type: 'poisson', ratePerSec: 50 } } },
      { id: 'orders', kind: 'service', config: { workers: 4 } },
      { id: 'guard', kind: 'deadline' },
      { id: 'db', kind: 'database' },
    ];
    const c = core({
      nodes,
      edges: [
        { source: 'users', target: 'orders' },
        { source: 'orders', target: 'guard' },
        { id: 'to-db', source: 'guard', target: 'db' },
      ],
      faults: [partition('to-db')],
    });
    for (const t of [10_100_000, 10_250_000, 30_000_000]) {
      c.runUntil(t);
      expect([at(c, 'guard'), at(c, 'orders')]).toEqual([null, null]);
    }
  });

  it("a source's requests: lost without a timeout they wait for ever; with one, never stuck", () => {
    const cut = partition('to-orders');
    const blind = ordersChain({ faults: [cut] });
    blind.runUntil(20_000_000);
    const lost = at(blind, 'users');
    expect(lost?.partitioned).toBe(blind.inFlight.requestsOf(0));
    expect(lost?.partitioned).toBeGreaterThan(300);
    const patient = ordersChain({ timeoutMs: 1000, faults: [cut] });
    patient.runUntil(20_000_000);
    expect(at(patient, 'users')).toBeNull();
  });

  it('a crash of the waiting node ends its waits (its calls are answered)', () => {
    const crash: SimFault = {
      id: 'x',
      target: 'orders',
      type: 'crash',
      startMs: 20_000,
      durationMs: 5_000,
    };
    const c = ordersChain({ faults: [partition('to-db'), crash] });
    c.runUntil(19_000_000);
    expect(at(c, 'orders')).toEqual({ partitioned: 4, hung: 0 });
    c.runUntil(21_000_000);
    expect(at(c, 'orders')).toBeNull();
    // Back up, its workers take new calls and get stuck again; the old lost calls stay lost.
    c.runUntil(40_000_000);
    expect(at(c, 'orders')).toEqual({ partitioned: 4, hung: 0 });
  });

  it(
    'the counters equal the walk over every live call, at any time, over random topologies',
    budget(RUNS, 12),
    () => {
      let stuckSeen = 0;
      fc.assert(
        fc.property(
          randomTopology,
          fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 1, maxLength: 8 }),
          (spec, timesUs) => {
            const c = new SimulationCore(buildScenario(spec, REGISTRY), REGISTRY, {});
            const n = c.graph.nodeCount;
            for (const t of [...timesUs, c.durationUs].sort((a, b) => a - b)) {
              c.runUntil(t);
              const counted = Array.from({ length: n }, (_, i) => c.stuck.figures(i));
              expect(counted).toEqual(stuckByWalk(c.pool.calls, n));
              for (const f of counted) stuckSeen += f ? f.partitioned + f.hung : 0;
            }
          },
        ),
        { numRuns: RUNS },
      );
      // The property saw stuck waits, not just empty counters.
      expect(stuckSeen).toBeGreaterThan(0);
    },
  );
});
