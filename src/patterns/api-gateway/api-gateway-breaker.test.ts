import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulation, type SimFault, type TraceEvent } from '../../engine/index.ts';
import { buildScenario, type NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { apiGatewayConfigSchema } from './config.ts';

/**
 * Client "c" (constant 10/s on /x: requests at 0, 100, … 9900 ms) → gateway "g", whose one
 * route /x has a breaker and goes to `target` → service "s" (constant 10 ms), for 10 s.
 */
function run(opts: {
  breakerSettings?: Record<string, unknown>;
  limiter?: NodeSpec;
  faults?: SimFault[];
}) {
  const target = opts.limiter?.id ?? 's';
  const nodes: NodeSpec[] = [
    {
      id: 'c',
      kind: 'client',
      config: { arrival: { type: 'constant', ratePerSec: 10 }, routes: [{ path: '/x' }] },
    },
    {
      id: 'g',
      kind: 'api-gateway',
      config: {
        authFailureRate: 0,
        routes: [{ prefix: '/x', targets: [target], breaker: true }],
        breakerSettings: opts.breakerSettings ?? {},
      },
    },
    ...(opts.limiter ? [opts.limiter] : []),
    { id: 's', kind: 'service', config: { serviceTime: { type: 'constant', valueMs: 10 } } },
  ];
  const edges = [
    { source: 'c', target: 'g' },
    { source: 'g', target },
    ...(opts.limiter ? [{ source: target, target: 's' }] : []),
  ];
  const events: TraceEvent[] = [];
  const sim = createSimulation(
    buildScenario(
      { seed: 4, durationMs: 10_000, nodes, edges, faults: opts.faults ?? [] },
      REGISTRY,
    ),
    {
      registry: REGISTRY,
      trace: (e) => {
        if (e.type.startsWith('gateway.breaker')) events.push(e);
      },
    },
  );
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  const transitions = events.map(
    (e) => `${e.type.slice('gateway.breaker-'.length)}@${e.timeUs / 1000}`,
  );
  return { g: sim.nodeDetail('g'), s: sim.nodeDetail('s'), transitions };
}

const crash = (startMs: number, durationMs: number | null): SimFault => ({
  id: 'down',
  type: 'crash',
  target: 's',
  startMs,
  durationMs,
});

describe('api-gateway route breakers: settings', () => {
  it('offer the shared machine rules but not the kind-only timer and manual states', () => {
    const settings = z.toJSONSchema(apiGatewayConfigSchema, { io: 'input' }).properties?.[
      'breakerSettings'
    ] as { properties?: Record<string, unknown> };
    const fields = Object.keys(settings.properties ?? {});
    expect(fields).toEqual(
      expect.arrayContaining(['tripPolicy', 'recordFailureOn', 'halfOpenDecision']),
    );
    expect(fields).not.toContain('automaticTransitionToHalfOpen');
    expect(fields).not.toContain('forcedState');
    const parse = (breakerSettings: object) =>
      apiGatewayConfigSchema.safeParse({ breakerSettings }).success;
    expect(parse({ forcedState: 'forced-open' })).toBe(false);
    expect(parse({ automaticTransitionToHalfOpen: true })).toBe(false);
    expect(apiGatewayConfigSchema.parse({}).breakerSettings).toMatchObject({
      tripPolicy: 'either',
      halfOpenDecision: 'rate',
      recordFailureOn: ['dependency-failure', 'caller-gone', 'overload-refusal'],
    });
  });
});

describe('api-gateway route breakers: the shared rules apply', () => {
  // A token bucket of 2 refilled at 1/s behind the route: most requests are rate-limited.
  const limiter: NodeSpec = {
    id: 'l',
    kind: 'rate-limiter',
    config: { algorithm: 'token-bucket', capacity: 2, refillPerSec: 1 },
  };

  it('recordFailureOn: a backend answering rate-limited (89 of 100) never opens it by default', () => {
    const { g, transitions } = run({ limiter });
    expect(g.failed).toEqual({ 'rate-limited': 89 });
    expect(g.metrics['breakerOpened'] ?? 0).toBe(0);
    expect(transitions).toEqual([]);
    // Listed, the same answers open it.
    const listed = run({ limiter, breakerSettings: { recordFailureOn: ['rate-limited'] } });
    expect(listed.g.metrics['breakerOpened']).toBeGreaterThanOrEqual(1);
    expect(listed.g.failed['circuit-open']).toBeGreaterThan(0);
  });

  it('tripPolicy "failure-rate": a dead backend takes minimumCalls (10) refusals, not 5', () => {
    const either = run({ faults: [crash(0, null)] });
    expect(either.s.arrivals).toBe(5);
    expect(either.transitions).toEqual(['opened@400']);
    const rate = run({ breakerSettings: { tripPolicy: 'failure-rate' }, faults: [crash(0, null)] });
    expect(rate.s.arrivals).toBe(10);
    expect(rate.transitions).toEqual(['opened@900']);
  });

  it('halfOpenDecision: "rate" (default) closes after 3 good probes (7010), "first-failure" after 2 (6910)', () => {
    const faults = [crash(0, 5000)];
    const rate = run({ breakerSettings: { waitDurationInOpenMs: 2000 }, faults });
    expect(rate.transitions).toEqual([
      'opened@400',
      'half-open@2400',
      'opened@2600',
      'half-open@4600',
      'opened@4800',
      'half-open@6800',
      'closed@7010',
    ]);
    const first = run({
      breakerSettings: { waitDurationInOpenMs: 2000, halfOpenDecision: 'first-failure' },
      faults,
    });
    expect(first.transitions).toEqual([
      'opened@400',
      'half-open@2400',
      'opened@2400',
      'half-open@4400',
      'opened@4400',
      'half-open@6400',
      'closed@6510',
    ]);
  });
});
