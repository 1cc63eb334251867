import { describe, expect, it } from 'vitest';
import { createSimulation, type EdgeConfig, type SimFault } from '../../engine/index.ts';
import { buildScenario, type NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { timeoutKind } from './timeout.ts';

/**
 * A chain of nodes, each calling the next (edges e0, e1, …), fed by client "c" sending
 * 10 requests at 0, 100, … 900 ms; the run lasts 5 s so every answer is in.
 */
function chain(
  nodes: NodeSpec[],
  opts: { client?: Record<string, unknown>; faults?: SimFault[]; edge0?: Partial<EdgeConfig> } = {},
) {
  const all: NodeSpec[] = [
    {
      id: 'c',
      kind: 'client',
      config: { arrival: { type: 'constant', ratePerSec: 10 }, ...opts.client },
    },
    ...nodes,
  ];
  const edges = all.slice(1).map((n, i) => ({
    source: (all[i] as NodeSpec).id,
    target: n.id,
    ...(i === 0 && opts.edge0 ? { config: opts.edge0 } : {}),
  }));
  const sim = createSimulation(
    buildScenario(
      { seed: 9, durationMs: 5000, nodes: all, edges, faults: opts.faults ?? [] },
      REGISTRY,
    ),
    { registry: REGISTRY },
  );
  sim.advanceTo(950);
  sim.patch({
    type: 'node-config',
    nodeId: 'c',
    config: { ...opts.client, arrival: { type: 'constant', ratePerSec: 0.001 } },
  });
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  return sim;
}

const timeout = (config: Record<string, unknown> = {}): NodeSpec => ({
  id: 't',
  kind: 'timeout',
  config,
});
const service = (valueMs: number): NodeSpec => ({
  id: 's',
  kind: 'service',
  config: { workers: 100, serviceTime: { type: 'constant', valueMs } },
});
const crash: SimFault = { id: 'crash', type: 'crash', target: 's', startMs: 0, durationMs: null };

describe('timeout kind', () => {
  it('is registered in the resilience category and reports the timed-out share', () => {
    expect(REGISTRY.get('timeout')).toBe(timeoutKind);
    expect(timeoutKind.category).toBe('resilience');
    expect(
      timeoutKind.report?.({
        arrivals: 200,
        completed: 150,
        failed: { timeout: 50 },
        metrics: { timedOut: 50, expiredOnArrival: 5 },
        elapsedMs: 1000,
        lateResponses: 30,
      }),
    ).toEqual({ timedOut: 50, timedOutShare: 0.25, expiredOnArrival: 5, late: 30 });
    // Figures from before late answers were reported count none.
    expect(
      timeoutKind.report?.({ arrivals: 0, completed: 0, failed: {}, metrics: {}, elapsedMs: 0 }),
    ).toMatchObject({ late: 0 });
  });

  it('fast downstream: relays every answer, times nothing out', () => {
    const sim = chain([timeout(), service(10)]);
    expect(sim.nodeDetail('t')).toMatchObject({ arrivals: 10, ok: 10, failed: {}, metrics: {} });
    expect(sim.nodeDetail('t').latencyMs.mean).toBe(10);
    expect(sim.nodeDetail('c').ok).toBe(10);
  });

  it('slow downstream: answers "timeout" at the deadline; the late answers are counted', () => {
    const sim = chain([timeout(), service(1500)]);
    const t = sim.nodeDetail('t');
    expect(t).toMatchObject({
      arrivals: 10,
      ok: 0,
      failed: { timeout: 10 },
      metrics: { timedOut: 10 },
    });
    expect(t.latencyMs.mean).toBe(1000);
    expect(t.lateResponses).toBe(10);
    expect(sim.nodeDetail('s').ok).toBe(10);
    expect(sim.nodeDetail('c').failed).toEqual({ timeout: 10 });
    expect(sim.nodeDetail('c').latencyMs.max).toBe(1000);
  });

  it('hung downstream: every call times out and nothing stays in flight here', () => {
    const hang: SimFault = { id: 'hang', type: 'hang', target: 's', startMs: 0, durationMs: null };
    const sim = chain([timeout({ timeoutMs: 200 }), service(10)], { faults: [hang] });
    expect(sim.nodeDetail('t')).toMatchObject({
      failed: { timeout: 10 },
      inFlight: 0,
      lateResponses: 0,
    });
    // The hung service keeps its parked calls; the client has its answers.
    expect(sim.nodeDetail('s').inFlight).toBe(10);
    expect(sim.nodeDetail('c')).toMatchObject({ inFlight: 0, failed: { timeout: 10 } });
  });

  it('calls lost to a partition end at the deadline too', () => {
    const cut: SimFault = {
      id: 'cut',
      type: 'partition',
      target: 'e1',
      startMs: 0,
      durationMs: null,
    };
    const sim = chain([timeout({ timeoutMs: 200 }), service(10)], { faults: [cut] });
    expect(sim.nodeDetail('t')).toMatchObject({ failed: { timeout: 10 }, inFlight: 0 });
    expect(sim.nodeDetail('s').arrivals).toBe(0);
  });

  it('no outgoing edge: answers no-route', () => {
    const sim = chain([timeout()]);
    expect(sim.nodeDetail('t').failed).toEqual({ 'no-route': 10 });
  });

  it("propagation: honours the caller's tighter deadline; without it waits its own", () => {
    const client = { timeoutMs: 300 };
    const on = chain([timeout(), service(500)], { client });
    expect(on.nodeDetail('t')).toMatchObject({
      failed: { timeout: 10 },
      metrics: { timedOut: 10 },
    });
    expect(on.nodeDetail('t').latencyMs.mean).toBe(300);
    const off = chain([timeout({ propagateDeadline: false }), service(500)], { client });
    expect(off.nodeDetail('t')).toMatchObject({ ok: 10, metrics: {} });
    expect(off.nodeDetail('t').latencyMs.mean).toBe(500);
    expect(off.nodeDetail('c')).toMatchObject({ failed: { timeout: 10 }, lateResponses: 10 });
  });

  it('propagation: hops below see the tighter deadline (a retry stops in time)', () => {
    const retry: NodeSpec = {
      id: 'r',
      kind: 'retry',
      config: { maxAttempts: 10, backoff: 'fixed', baseMs: 100, jitter: 'none' },
    };
    // Attempts at 0, 100, 200; a retry at 300 would outlive the 250 ms deadline.
    const on = chain([timeout({ timeoutMs: 250 }), retry, service(10)], { faults: [crash] });
    expect(on.nodeDetail('r').metrics).toMatchObject({ attempts: 30, deadlineExceeded: 10 });
    expect(on.nodeDetail('c').failed).toEqual({ refused: 10 });
    expect(on.nodeDetail('t').metrics).toEqual({});
    // Without it the retry learns only at 300 that its caller has gone.
    const off = chain([timeout({ timeoutMs: 250, propagateDeadline: false }), retry, service(10)], {
      faults: [crash],
    });
    expect(off.nodeDetail('r').metrics).toMatchObject({ attempts: 30, callerGone: 10 });
    expect(off.nodeDetail('c').failed).toEqual({ timeout: 10 });
    expect(off.nodeDetail('t')).toMatchObject({ metrics: { timedOut: 10 }, lateResponses: 10 });
  });

  it('hops above keep their own deadline (the tighter one travels on a copy)', () => {
    // A retry above a 50 ms timeout: each attempt times out, yet the retry (whose request has
    // no deadline) still makes all 3 attempts.
    const retry: NodeSpec = {
      id: 'r',
      kind: 'retry',
      config: { backoff: 'fixed', baseMs: 100, jitter: 'none' },
    };
    const sim = chain([retry, timeout({ timeoutMs: 50 }), service(200)]);
    expect(sim.nodeDetail('r').metrics).toEqual({
      attempts: 30,
      retries: 20,
      attemptsExhausted: 10,
    });
    expect(sim.nodeDetail('t').metrics).toEqual({ timedOut: 30 });
    expect(sim.nodeDetail('c').failed).toEqual({ timeout: 10 });
    expect(sim.nodeDetail('c').latencyMs.mean).toBe(350);
  });

  it('a call arriving after its deadline expires at once, without calling downstream', () => {
    const sim = chain([timeout(), service(10)], {
      client: { timeoutMs: 100 },
      edge0: { latency: { type: 'constant', valueMs: 150 } },
    });
    expect(sim.nodeDetail('t')).toMatchObject({
      failed: { timeout: 10 },
      metrics: { timedOut: 10, expiredOnArrival: 10 },
    });
    expect(sim.nodeDetail('s').arrivals).toBe(0);
  });
});
