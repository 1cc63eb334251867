import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulation, type NodeRuntime, type TraceEvent } from '../../engine/index.ts';
import { buildScenario } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { bulkheadKind, type BulkheadState } from './bulkhead.ts';
import { BULKHEAD_FULL } from '../kit/index.ts';
import type { BulkheadConfig } from './machine.ts';

/**
 * Client "c" (constant 10/s: requests at 0, 100, … 2900 ms) → bulkhead "b" → service "s"
 * (100 workers, constant 1000 ms, so the bulkhead alone limits concurrency), for 3 s.
 */
function run(
  bulkhead: Record<string, unknown>,
  opts: { client?: Record<string, unknown>; noDownstream?: boolean; untilMs?: number } = {},
) {
  const events: string[] = [];
  const sim = createSimulation(
    buildScenario(
      {
        seed: 1,
        durationMs: 3000,
        nodes: [
          {
            id: 'c',
            kind: 'client',
            config: { arrival: { type: 'constant', ratePerSec: 10 }, ...opts.client },
          },
          { id: 'b', kind: 'bulkhead', config: bulkhead },
          {
            id: 's',
            kind: 'service',
            config: { workers: 100, serviceTime: { type: 'constant', valueMs: 1000 } },
          },
        ],
        edges: [
          { source: 'c', target: 'b' },
          ...(opts.noDownstream ? [] : [{ source: 'b', target: 's' }]),
        ],
      },
      REGISTRY,
    ),
    {
      registry: REGISTRY,
      trace: (e: TraceEvent) => {
        if (e.type.startsWith('bulkhead.'))
          events.push(`${e.type}@${e.timeUs / 1000}#${e.requestId}`);
      },
    },
  );
  return { sim, events };
}

function finish(r: ReturnType<typeof run>) {
  r.sim.runToEnd();
  expect(r.sim.conservation().ok).toBe(true);
  return { ...r, b: r.sim.nodeDetail('b'), s: r.sim.nodeDetail('s') };
}

/** The bulkhead's node as the canvas sees it (for stateLabel). */
function labelAfter(bulkhead: Partial<BulkheadConfig>, state: BulkheadState['counts']) {
  const node = {
    config: { ...bulkheadKind.configSchema.parse({}), ...bulkhead },
    state: { counts: state, fifo: [], head: 0 },
  } as unknown as NodeRuntime<BulkheadConfig, BulkheadState>;
  return bulkheadKind.stateLabel?.(node);
}

describe('bulkhead kind', () => {
  it('is registered, in the resilience category, with a JSON-schema-able config', () => {
    expect(REGISTRY.get('bulkhead')).toBe(bulkheadKind);
    expect(bulkheadKind.category).toBe('resilience');
    const schema = z.toJSONSchema(bulkheadKind.configSchema, { io: 'input' });
    expect(Object.keys(schema.properties ?? {})).toEqual([
      'maxConcurrent',
      'maxQueue',
      'maxWaitMs',
    ]);
    expect(bulkheadKind.causes).toEqual([BULKHEAD_FULL]);
    expect(BULKHEAD_FULL).toMatchObject({ cause: 'bulkhead-full', class: 'policy-refusal' });
  });

  it('2 permits + queue 3: 2 run, 3 wait in FIFO order, the rest are rejected bulkhead-full', () => {
    const { b, s, events } = finish(run({ maxConcurrent: 2, maxQueue: 3 }));
    // 0 and 100 run; 200, 300, 400 wait; 500…900 are rejected. Each finished call hands its
    // permit to the oldest waiter (200 at 1000, 300 at 1100, 400 at 2000, 1000 at 2100).
    expect(events.slice(0, 9)).toEqual([
      'bulkhead.queued@200#2',
      'bulkhead.queued@300#3',
      'bulkhead.queued@400#4',
      'bulkhead.rejected@500#5',
      'bulkhead.rejected@600#6',
      'bulkhead.rejected@700#7',
      'bulkhead.rejected@800#8',
      'bulkhead.rejected@900#9',
      'bulkhead.queued@1000#10',
    ]);
    expect(s.arrivals).toBe(6);
    expect(b).toMatchObject({ arrivals: 30, ok: 4, failed: { 'bulkhead-full': 21 } });
    expect(b.metrics).toEqual({ rejected: 21, waited: 7 });
    // Gauges: 2 permits of 2 in use, 3 waiting at the end; never more than 3 waited.
    expect(b).toMatchObject({ busy: 2, capacity: 2, queueDepth: 3, maxQueueDepth: 3 });
    // The waiter from 200 ms ran from 1000 to 2000 ms: 1800 ms at the bulkhead.
    expect(b.latencyMs.max).toBe(1800);
  });

  it('never lets more than maxConcurrent calls reach the dependency at once', () => {
    const r = run({ maxConcurrent: 3, maxQueue: 100 });
    let maxBusy = 0;
    for (let t = 50; t < 3000; t += 100) {
      r.sim.advanceTo(t);
      maxBusy = Math.max(maxBusy, r.sim.nodeDetail('s').busy);
      expect(r.sim.nodeDetail('s').inFlight).toBeLessThanOrEqual(3);
    }
    expect(maxBusy).toBe(3);
    finish(r);
  });

  it('maxWaitMs: a waiter that waited longer is answered bulkhead-full and counted', () => {
    const { b, events } = finish(run({ maxConcurrent: 2, maxQueue: 3, maxWaitMs: 250 }));
    expect(events.slice(0, 5)).toEqual([
      'bulkhead.queued@200#2',
      'bulkhead.queued@300#3',
      'bulkhead.queued@400#4',
      'bulkhead.wait-expired@450#2',
      'bulkhead.queued@500#5',
    ]);
    expect(b.metrics).toEqual({ waited: 28, maxWaitExpired: 22 });
    expect(b.failed).toEqual({ 'bulkhead-full': 22 });
    // An expired waiter waited exactly 250 ms.
    expect(b.latencyMs.p50).toBe(250);
    expect(bulkheadKind.report?.({ ...b, completed: b.ok, elapsedMs: 3000 })).toEqual({
      rejected: 0,
      maxWaitExpired: 22,
      rejectionShare: 22 / 30,
      waitedShare: 28 / 30,
    });
  });

  it('a waiter whose caller gave up never takes a permit, and makes room in a full queue', () => {
    // 1 permit, service 1000 ms, client timeout 500 ms: waiters are abandoned while waiting.
    const { b, s, sim } = finish(
      run({ maxConcurrent: 1, maxQueue: 6 }, { client: { timeoutMs: 500 } }),
    );
    // Only the call at 0 and, at each release (1000, 2000 ms), the oldest waiter whose caller
    // still waits (500 → abandoned at 1000; 600 runs) reached the service.
    expect(s.arrivals).toBe(3);
    // 9 waiters by 900 ms in a queue of 6: the abandoned ones were purged, nobody rejected.
    expect(b.metrics['rejected'] ?? 0).toBe(0);
    expect(b.metrics['abandonedWhileWaiting']).toBe(22);
    expect(b.failed).toEqual({ timeout: 22 });
    expect(sim.nodeDetail('c').failed).toEqual({ timeout: 25 });
  });

  it('raising maxConcurrent live hands permits to waiters at once', () => {
    const r = run({ maxConcurrent: 1, maxQueue: 100 });
    r.sim.advanceTo(450);
    expect(r.sim.nodeDetail('s').arrivals).toBe(1);
    expect(r.sim.nodeDetail('b').queueDepth).toBe(4);
    expect(r.sim.patch({ type: 'node-config', nodeId: 'b', config: { maxConcurrent: 4 } })).toEqual(
      { ok: true },
    );
    r.sim.advanceTo(451);
    expect(r.sim.nodeDetail('s').arrivals).toBe(4);
    expect(r.sim.nodeDetail('b').queueDepth).toBe(1);
    finish(r);
  });

  it('no outgoing edge: answers no-route without taking a permit', () => {
    const { b } = finish(run({}, { noDownstream: true }));
    expect(b).toMatchObject({ arrivals: 30, ok: 0, failed: { 'no-route': 30 }, busy: 0 });
  });

  it('labels: in use / capacity, waiting in amber, FULL in red', () => {
    expect(labelAfter({ maxConcurrent: 10 }, { inUse: 3, waiting: 0 })).toEqual({
      text: '3/10',
      tone: 'ok',
    });
    expect(labelAfter({ maxConcurrent: 10 }, { inUse: 10, waiting: 4 })).toEqual({
      text: '10/10 +4 waiting',
      tone: 'warn',
    });
    expect(labelAfter({ maxConcurrent: 10, maxQueue: 0 }, { inUse: 10, waiting: 0 })).toEqual({
      text: 'FULL 10/10',
      tone: 'bad',
    });
  });
});
