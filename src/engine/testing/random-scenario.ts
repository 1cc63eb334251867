import fc from 'fast-check';
import type { SimFault } from '../model/scenario-types.ts';
import type { EdgeSpec, NodeSpec } from './scenario-builder.ts';

const dist = fc.oneof(
  fc.record({
    type: fc.constant('constant'),
    valueMs: fc.double({ min: 0, max: 20, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('exponential'),
    meanMs: fc.double({ min: 0.1, max: 20, noNaN: true }),
  }),
  fc
    .tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }))
    .map(([a, b]) => ({ type: 'uniform' as const, minMs: Math.min(a, b), maxMs: Math.max(a, b) })),
  fc.record({ type: fc.constant('lognormal'), medianMs: fc.constant(2), p99Ms: fc.constant(30) }),
);

const arrival = fc.oneof(
  fc.record({ type: fc.constant('poisson'), ratePerSec: fc.integer({ min: 5, max: 300 }) }),
  fc.record({ type: fc.constant('constant'), ratePerSec: fc.integer({ min: 5, max: 300 }) }),
  fc.record({
    type: fc.constant('ramp'),
    fromPerSec: fc.integer({ min: 0, max: 100 }),
    toPerSec: fc.integer({ min: 1, max: 300 }),
    rampMs: fc.integer({ min: 100, max: 3000 }),
  }),
  fc.record({
    type: fc.constant('burst'),
    baseRatePerSec: fc.integer({ min: 0, max: 50 }),
    burstRatePerSec: fc.integer({ min: 1, max: 400 }),
    offMs: fc.integer({ min: 50, max: 1000 }),
    onMs: fc.integer({ min: 50, max: 1000 }),
  }),
  fc.record({
    type: fc.constant('users'),
    users: fc.integer({ min: 1, max: 30 }),
    thinkTimeMs: fc.integer({ min: 1, max: 200 }),
  }),
);

/** A random network: clients feed a DAG of services and databases, with random faults. */
export const randomTopology = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    clients: fc.array(
      fc.record({ arrival, timeoutMs: fc.option(fc.integer({ min: 5, max: 500 }), { nil: null }) }),
      { minLength: 1, maxLength: 3 },
    ),
    services: fc.array(
      fc.record({
        db: fc.boolean(),
        workers: fc.integer({ min: 1, max: 4 }),
        queueCapacity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
        serviceTime: dist,
        errorRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
        callMode: fc.constantFrom('sequential', 'parallel'),
        callOrder: fc.constantFrom('after-work', 'before-work'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    edgeBits: fc.array(
      fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true })),
      {
        maxLength: 14,
      },
    ),
    edgeLatency: fc.option(dist, { nil: null }),
    faultBits: fc.array(
      fc.tuple(
        fc.constantFrom(
          'error-rate',
          'latency',
          'crash',
          'hang',
          'capacity',
          'partition',
          'edge-latency',
          'traffic-spike',
        ),
        fc.nat(),
        fc.integer({ min: 0, max: 2500 }),
        fc.option(fc.integer({ min: 1, max: 2000 }), { nil: null }),
      ),
      { maxLength: 5 },
    ),
  })
  .map((r) => {
    const nodes: NodeSpec[] = [];
    const edges: EdgeSpec[] = [];
    const svcIds = r.services.map((_, i) => `s${i}`);
    r.clients.forEach((c, i) => nodes.push({ id: `c${i}`, kind: 'client', config: c }));
    r.services.forEach((s, i) =>
      nodes.push(
        s.db
          ? {
              id: `s${i}`,
              kind: 'database',
              config: {
                connections: s.workers,
                queueCapacity: s.queueCapacity,
                errorRate: s.errorRate,
              },
            }
          : {
              id: `s${i}`,
              kind: 'service',
              config: {
                workers: s.workers,
                queueCapacity: s.queueCapacity,
                serviceTime: s.serviceTime,
                errorRate: s.errorRate,
                callMode: s.callMode,
                callOrder: s.callOrder,
              },
            },
      ),
    );
    // Every client calls some service; services call only later services (a DAG).
    r.clients.forEach((_, i) =>
      edges.push({ source: `c${i}`, target: svcIds[i % svcIds.length] as string }),
    );
    const seen = new Set<string>();
    for (const [a, b, required, p] of r.edgeBits) {
      const from = a % svcIds.length;
      const to = b % svcIds.length;
      if (from >= to || r.services[from]?.db) continue;
      const key = `${from}-${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({
        source: svcIds[from] as string,
        target: svcIds[to] as string,
        config: { required, callProbability: p, latency: r.edgeLatency },
      });
    }
    const edgeIds = edges.map((_, i) => `e${i}`);
    const faults: SimFault[] = r.faultBits.map(([type, t, startMs, durationMs], i) => {
      const base = { id: `f${i}`, startMs, durationMs };
      switch (type) {
        case 'partition':
          return { ...base, type, target: edgeIds[t % edgeIds.length] as string };
        case 'edge-latency':
          return { ...base, type, target: edgeIds[t % edgeIds.length] as string, addMs: 15 };
        case 'traffic-spike':
          return { ...base, type, target: `c${t % r.clients.length}`, multiplier: 3 };
        case 'error-rate':
          return { ...base, type, target: svcIds[t % svcIds.length] as string, rate: 0.7 };
        case 'latency':
          return {
            ...base,
            type,
            target: svcIds[t % svcIds.length] as string,
            addMs: 10,
            multiplier: 2,
          };
        case 'capacity':
          return {
            ...base,
            type,
            target: svcIds[t % svcIds.length] as string,
            factor: 0.5,
            workers: t % 2 ? 0 : null,
          };
        default:
          return {
            ...base,
            type: type as 'crash' | 'hang',
            target: svcIds[t % svcIds.length] as string,
          };
      }
    });
    return { seed: r.seed, durationMs: 3000, nodes, edges, faults };
  });
