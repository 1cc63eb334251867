import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createSimulation,
  type SimFault,
  type Simulation,
  type TraceEvent,
} from '../../engine/index.ts';
import {
  buildScenario,
  type EdgeSpec,
  type NodeSpec,
} from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { apiGatewayKind } from './api-gateway.ts';

const svc = (id: string, valueMs = 10, workers = 100): NodeSpec => ({
  id,
  kind: 'service',
  config: { workers, serviceTime: { type: 'constant', valueMs } },
});

/**
 * Client "c" (constant `ratePerSec`, weighted `paths`) → gateway "g" → services a, b, c2
 * (constant 10 / 30 / 10 ms, plenty of workers), no edge latency.
 */
function run(opts: {
  gateway: Record<string, unknown>;
  paths: { path: string; weight?: number }[];
  ratePerSec?: number;
  durationMs?: number;
  faults?: SimFault[];
  edges?: EdgeSpec[];
}) {
  const events: TraceEvent[] = [];
  const sim = createSimulation(
    buildScenario(
      {
        seed: 11,
        durationMs: opts.durationMs ?? 10_000,
        nodes: [
          {
            id: 'c',
            kind: 'client',
            config: {
              arrival: { type: 'constant', ratePerSec: opts.ratePerSec ?? 100 },
              routes: opts.paths,
            },
          },
          { id: 'g', kind: 'api-gateway', config: opts.gateway },
          svc('a', 10),
          svc('b', 30),
          svc('c2', 10),
        ],
        edges: opts.edges ?? [
          { source: 'c', target: 'g' },
          { source: 'g', target: 'a' },
          { source: 'g', target: 'b' },
          { source: 'g', target: 'c2' },
        ],
        faults: opts.faults ?? [],
      },
      REGISTRY,
    ),
    {
      registry: REGISTRY,
      trace: (e) => {
        if (e.type.startsWith('gateway.')) events.push(e);
      },
    },
  );
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  return { sim, g: sim.nodeDetail('g'), events };
}

const arrivals = (sim: Simulation, id: string) => sim.nodeDetail(id).arrivals;

describe('api-gateway kind', () => {
  it('is registered, in the routing category, with a JSON-schema-able config', () => {
    expect(REGISTRY.get('api-gateway')).toBe(apiGatewayKind);
    expect(apiGatewayKind.category).toBe('routing');
    const schema = z.toJSONSchema(apiGatewayKind.configSchema, { io: 'input' });
    expect(Object.keys(schema.properties ?? {})).toEqual([
      'authFailureRate',
      'routes',
      'breakerSettings',
    ]);
    expect(apiGatewayKind.configSchema.parse({})).toMatchObject({
      authFailureRate: 0.02,
      routes: [],
    });
  });

  it('routes by longest prefix; an unmatched path is answered no-route (404) without a backend call', () => {
    const { sim, g } = run({
      gateway: {
        authFailureRate: 0,
        routes: [
          { prefix: '/orders', targets: ['a'] },
          { prefix: '/orders/export', targets: ['b'] },
        ],
      },
      paths: [{ path: '/orders/1' }, { path: '/orders/export/x' }, { path: '/ordersX' }],
    });
    const m = g.metrics;
    expect(g.arrivals).toBe(1000);
    expect(arrivals(sim, 'a')).toBe(m['route./orders.calls']);
    expect(arrivals(sim, 'b')).toBe(m['route./orders/export.calls']);
    expect(arrivals(sim, 'c2')).toBe(0);
    expect(g.failed).toEqual({ 'no-route': m['noRoute'] });
    expect(arrivals(sim, 'a') + arrivals(sim, 'b') + (m['noRoute'] ?? 0)).toBe(1000);
    // Each path about a third of the traffic.
    for (const n of [arrivals(sim, 'a'), arrivals(sim, 'b'), m['noRoute'] ?? 0]) {
      expect(n).toBeGreaterThan(280);
      expect(n).toBeLessThan(390);
    }
    expect(m['route./orders.ok']).toBe(sim.nodeDetail('a').ok);
  });

  it('authFailureRate 0.1: ≈ 10 % answered 401 at once, and those never reach a backend', () => {
    const { sim, g } = run({
      gateway: { authFailureRate: 0.1, routes: [{ prefix: '/', targets: ['a'] }] },
      paths: [{ path: '/x' }],
    });
    const denied = g.failed['unauthorized'] ?? 0;
    expect(denied).toBe(g.metrics['unauthorized']);
    expect(denied).toBeGreaterThan(70);
    expect(denied).toBeLessThan(130);
    expect(arrivals(sim, 'a')).toBe(1000 - denied);
    expect(sim.nodeDetail('c').failed).toEqual({ unauthorized: denied });
  });

  it('rate limit 20/s (bucket 20) against 100/s for 10 s: 20 + 199 admitted, the rest 429', () => {
    // Requests every 10 ms add 0.2 tokens each: after the 20 initial tokens, one in five passes
    // (the bucket holds a whole token again at 20 ms, 70 ms, … up to 9970 ms: 199 of them).
    const { sim, g } = run({
      gateway: {
        authFailureRate: 0,
        routes: [
          { prefix: '/limited', targets: ['a'], rateLimitPerSec: 20 },
          { prefix: '/free', targets: ['c2'] },
        ],
      },
      paths: [{ path: '/limited' }],
    });
    expect(arrivals(sim, 'a')).toBe(20 + 199);
    expect(g.failed).toEqual({ 'rate-limited': 1000 - 219 });
    expect(g.metrics['rateLimited']).toBe(781);
    expect(g.metrics['route./limited.failed']).toBe(781);
    expect(g.metrics['route./limited.ok']).toBe(219);
  });

  it('aggregation route: both targets in parallel, latency = the slowest branch (30 ms)', () => {
    const { sim, g } = run({
      gateway: { authFailureRate: 0, routes: [{ prefix: '/home', targets: ['a', 'b'] }] },
      paths: [{ path: '/home' }],
    });
    expect(arrivals(sim, 'a')).toBe(1000);
    expect(arrivals(sim, 'b')).toBe(1000);
    expect(g.metrics['forwarded']).toBe(1000);
    expect(g.metrics['branches']).toBe(2000);
    expect(g.latencyMs.mean).toBe(30);
    expect(g.latencyMs.max).toBe(30);
    expect(
      apiGatewayKind.report?.({
        arrivals: g.arrivals,
        completed: g.ok,
        failed: g.failed,
        metrics: g.metrics,
        elapsedMs: 10_000,
      }),
    ).toMatchObject({ callsPerForward: 2, forwardedShare: 1, unauthorizedShare: 0 });
  });

  it('aggregation: a failed required branch fails the request; an optional one does not', () => {
    const errors: SimFault = {
      id: 'b-errors',
      type: 'error-rate',
      target: 'b',
      startMs: 0,
      durationMs: null,
      rate: 1,
    };
    const gateway = { authFailureRate: 0, routes: [{ prefix: '/', targets: ['a', 'b'] }] };
    const required = run({ gateway, paths: [{ path: '/' }], faults: [errors] });
    // The last 3 requests (9980 ms …) are still waiting for b's 30 ms when the run ends.
    expect(required.g).toMatchObject({ ok: 0, failed: { error: 997 }, inFlight: 3 });
    const optional = run({
      gateway,
      paths: [{ path: '/' }],
      faults: [errors],
      edges: [
        { source: 'c', target: 'g' },
        { source: 'g', target: 'a' },
        { source: 'g', target: 'b', config: { required: false } },
      ],
    });
    expect(optional.g).toMatchObject({ ok: 997, failed: {}, inFlight: 3 });
  });

  it('a target without an edge from the gateway: its route answers no-route, others work', () => {
    const { sim, g } = run({
      gateway: {
        authFailureRate: 0,
        routes: [
          { prefix: '/ghost', targets: ['nowhere'] },
          { prefix: '/real', targets: ['a'] },
        ],
      },
      paths: [{ path: '/ghost' }, { path: '/real' }],
    });
    expect(g.failed['no-route']).toBe(g.metrics['route./ghost.calls']);
    expect(g.metrics['route./ghost.failed']).toBe(g.metrics['route./ghost.calls']);
    expect(arrivals(sim, 'a')).toBe(g.metrics['route./real.calls']);
    expect(g.ok).toBe(arrivals(sim, 'a'));
  });

  it('per-route breaker: a crashed backend opens only its route (503), the other route is untouched', () => {
    const { sim, g, events } = run({
      gateway: {
        authFailureRate: 0,
        routes: [
          { prefix: '/orders', targets: ['a'], breaker: true },
          { prefix: '/catalog', targets: ['c2'], breaker: true },
        ],
        breakerSettings: { waitDurationInOpenMs: 60_000 },
      },
      paths: [{ path: '/orders' }, { path: '/catalog' }],
      faults: [{ id: 'down', type: 'crash', target: 'a', startMs: 0, durationMs: null }],
    });
    // Five refused calls open the /orders breaker; every later /orders call fails fast.
    expect(g.failed['refused']).toBe(5);
    expect(g.failed['circuit-open']).toBe(g.metrics['circuitOpen']);
    expect((g.failed['refused'] ?? 0) + (g.failed['circuit-open'] ?? 0)).toBe(
      g.metrics['route./orders.calls'],
    );
    expect(arrivals(sim, 'a')).toBe(5);
    expect(g.metrics['route./catalog.ok']).toBe(g.metrics['route./catalog.calls']);
    expect(g.metrics['breakerOpened']).toBe(1);
    expect(events.map((e) => `${e.type} ${e.detail ?? ''}`)).toEqual([
      'gateway.breaker-opened /orders',
    ]);
    expect(apiGatewayKind.stateLabel?.(sim.snapshot().nodes[1] as never)).toEqual({
      text: '/orders OPEN',
      tone: 'bad',
    });
  });

  it('a live edit of the routes applies from now and keeps the state of unchanged prefixes', () => {
    const sim = createSimulation(
      buildScenario(
        {
          seed: 3,
          durationMs: 2000,
          nodes: [
            {
              id: 'c',
              kind: 'client',
              config: { arrival: { type: 'constant', ratePerSec: 100 }, routes: [{ path: '/x' }] },
            },
            {
              id: 'g',
              kind: 'api-gateway',
              config: {
                authFailureRate: 0,
                routes: [{ prefix: '/x', targets: ['a'], rateLimitPerSec: 20 }],
              },
            },
            svc('a'),
            svc('b'),
          ],
          edges: [
            { source: 'c', target: 'g' },
            { source: 'g', target: 'a' },
            { source: 'g', target: 'b' },
          ],
        },
        REGISTRY,
      ),
      { registry: REGISTRY },
    );
    // Requests at 0 … 990 ms go to a; from 1000 ms on, to b.
    sim.advanceTo(995);
    const retarget = { routes: [{ prefix: '/x', targets: ['b'], rateLimitPerSec: 20 }] };
    expect(sim.patch({ type: 'node-config', nodeId: 'g', config: retarget })).toEqual({
      ok: true,
    });
    sim.runToEnd();
    // First second: the 20 initial tokens plus 19 refilled; the second second gets only its
    // refill (20): the drained bucket was kept, not refilled to 20 by the edit.
    expect(sim.nodeDetail('a').arrivals).toBe(39);
    expect(sim.nodeDetail('b').arrivals).toBe(20);
    expect(sim.nodeDetail('g').failed).toEqual({ 'rate-limited': 200 - 59 });
    expect(sim.conservation().ok).toBe(true);
  });
});
