import { describe, expect, it } from 'vitest';
import { BUILTIN_REGISTRY } from './model/builtin-kinds.ts';
import type { Call } from './model/call.ts';
import type { PoolState } from './model/worker-pool.ts';
import { SimulationCore } from './simulation.ts';
import { budget } from './testing/budget.ts';
import { buildScenario } from './testing/scenario-builder.ts';

/**
 * What a queued call costs. The partition without timeouts (examples/partition-no-timeout.json):
 * Users (50/s, no timeout) → Orders (4 workers) → DB, the DB edge cut from 10 s on, so every
 * call after that queues at Orders for the rest of the run. Memory is not asserted in bytes
 * (that depends on the machine and V8); what a queued call holds is.
 */
function partitionedOrders(): SimulationCore {
  const scenario = buildScenario({
    durationMs: 3_600_000,
    nodes: [
      { id: 'users', kind: 'client', config: { arrival: { type: 'poisson', ratePerSec: 50 } } },
      { id: 'orders', kind: 'service', config: { workers: 4 } },
      { id: 'db', kind: 'database' },
    ],
    edges: [
      { source: 'users', target: 'orders' },
      { id: 'to-db', source: 'orders', target: 'db' },
    ],
    faults: [{ id: 'cut', target: 'to-db', type: 'partition', startMs: 10_000, durationMs: null }],
  });
  return new SimulationCore(scenario, BUILTIN_REGISTRY, {});
}

const ORDERS = 1;

/** The calls in Orders' wait queue (its pool keeps them as (id, gen) pairs). */
function queuedAtOrders(core: SimulationCore): Call[] {
  const s = core.graph.node(ORDERS).state as PoolState;
  const calls: Call[] = [];
  for (let i = s.head; i < s.queue.length; i += 2) {
    const call = core.pool.get(s.queue[i] as number, s.queue[i + 1] as number);
    if (call) calls.push(call);
  }
  return calls;
}

/** V8 keeps a number inline only when it is a small integer (31 bits in Chrome). */
const inline = (v: number) => (v | 0) === v && Math.abs(v) < 2 ** 30;

/** Own property values that are objects (arrays, closures, maps … would show up here). */
function objectsHeld(record: object): unknown[] {
  return Object.values(record).filter((v) => v !== null && typeof v === 'object');
}

describe('a queued call is cheap', () => {
  // 20 virtual minutes (~60 000 queued calls), past 2^30 µs: times no longer fit 30 bits.
  it(
    'holds its call record and its request, no boxed number and nothing per call',
    budget(1, 3_000),
    () => {
      const core = partitionedOrders();
      core.runUntil(20 * 60 * 1_000_000);
      const queued = queuedAtOrders(core);
      expect(queued.length).toBeGreaterThan(55_000);
      const late = queued[queued.length - 1] as Call;
      expect(late.sentUs).toBeGreaterThan(2 ** 30);
      const shared = new Set<unknown>();
      // Every 50th queued call, so the test stays quick; they are all made alike.
      for (let i = 0; i < queued.length; i += 50) {
        const call = queued[i] as Call;
        const held = objectsHeld(call);
        // Its request, and the pool's columns that every record shares (its times live there).
        expect(held).toHaveLength(2);
        expect(held).toContain(call.request);
        for (const o of held) if (o !== call.request) shared.add(o);
        expect(objectsHeld(call.request)).toEqual([]);
        const numbers = [...Object.values(call), ...Object.values(call.request)].filter(
          (v) => typeof v === 'number',
        );
        expect(numbers.filter((v) => !inline(v))).toEqual([]);
      }
      expect(shared.size).toBe(1);
      expect(new Set(queued.map((c) => c.request)).size).toBe(queued.length);
    },
  );

  it(
    'a minute more of queueing adds one call record per queued call, and no more',
    budget(1, 2_000),
    () => {
      const core = partitionedOrders();
      core.runUntil(60_000_000);
      const before = { records: core.pool.calls.length, queued: queuedAtOrders(core).length };
      core.runUntil(120_000_000);
      const after = { records: core.pool.calls.length, queued: queuedAtOrders(core).length };
      expect(after.queued - before.queued).toBeGreaterThan(2500);
      expect(after.records - before.records).toBe(after.queued - before.queued);
    },
  );
});
