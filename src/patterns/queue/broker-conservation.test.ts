import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, type SimFault } from '../../engine/index.ts';
import { budget } from '../../engine/testing/budget.ts';
import {
  buildScenario,
  type EdgeSpec,
  type NodeSpec,
} from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';

/** Random broker topologies run through; each costs ~11 ms here (500 in ~6 s). */
const TOPOLOGIES = 500;
const DURATION_MS = 4000;

const queueConfig = fc.record({
  prefetch: fc.integer({ min: 1, max: 5 }),
  visibilityTimeoutMs: fc.integer({ min: 20, max: 2000 }),
  maxDeliveries: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  redelivery: fc.oneof(
    fc.constant({ type: 'none' as const }),
    fc.record({ type: fc.constant('fixed' as const), delayMs: fc.integer({ min: 0, max: 300 }) }),
    fc.record({
      type: fc.constant('exponential' as const),
      baseMs: fc.integer({ min: 1, max: 100 }),
      maxMs: fc.integer({ min: 100, max: 1000 }),
      jitter: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  ),
  capacity: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
  messageTtlMs: fc.option(fc.integer({ min: 10, max: 2000 }), { nil: null }),
  ack: fc.constantFrom('after-processing' as const, 'on-receive' as const),
  durable: fc.boolean(),
});

const consumer = fc.record({
  workers: fc.integer({ min: 1, max: 4 }),
  meanMs: fc.integer({ min: 1, max: 60 }),
  errorRate: fc.constantFrom(0, 0, 0.1, 0.5),
});

/**
 * A producer client (Poisson) → a broker (a queue, or a topic whose subscriptions are queues
 * or direct services) → 1–3 consumers; maybe a dead-letter queue. Every edge has 1 ms of
 * latency, so nothing loops in zero time. Faults: any of crash, error rate and hang on a
 * consumer, poison on the producer, a broker crash, a partition of a delivery edge.
 */
const brokerTopology = fc
  .record({
    topic: fc.boolean(),
    queue: queueConfig,
    consumers: fc.array(consumer, { minLength: 1, maxLength: 3 }),
    direct: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    deadLetter: fc.boolean(),
    ratePerSec: fc.integer({ min: 5, max: 200 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    faults: fc.array(
      fc.record({
        type: fc.constantFrom('crash', 'error-rate', 'hang', 'poison', 'broker-crash', 'partition'),
        on: fc.integer({ min: 0, max: 2 }),
        startMs: fc.integer({ min: 0, max: DURATION_MS }),
        durationMs: fc.option(fc.integer({ min: 1, max: DURATION_MS }), { nil: null }),
        rate: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 3 },
    ),
  })
  .map((r) => {
    const latency = { latency: { type: 'constant' as const, valueMs: 1 } };
    const nodes: NodeSpec[] = [
      {
        id: 'p',
        kind: 'client',
        config: { arrival: { type: 'poisson', ratePerSec: r.ratePerSec } },
      },
      { id: 'b', kind: r.topic ? 'topic' : 'queue', config: r.topic ? {} : r.queue },
    ];
    const edges: EdgeSpec[] = [{ source: 'p', target: 'b', config: latency }];
    const deliveryEdges: string[] = [];
    r.consumers.forEach((c, i) => {
      nodes.push({
        id: `c${i}`,
        kind: 'service',
        config: {
          workers: c.workers,
          errorRate: c.errorRate,
          serviceTime: { type: 'exponential', meanMs: c.meanMs },
        },
      });
      if (r.topic && !r.direct[i]) {
        // A durable subscription: topic → its own queue → the consumer.
        nodes.push({ id: `q${i}`, kind: 'queue', config: r.queue });
        edges.push({ id: `s${i}`, source: 'b', target: `q${i}`, config: latency });
        edges.push({ id: `d${i}`, source: `q${i}`, target: `c${i}`, config: latency });
      } else edges.push({ id: `d${i}`, source: 'b', target: `c${i}`, config: latency });
      deliveryEdges.push(`d${i}`);
    });
    if (!r.topic && r.deadLetter) {
      nodes.push({ id: 'dlq', kind: 'queue' });
      edges.push({ source: 'b', target: 'dlq', config: { ...latency, role: 'dead-letter' } });
    }
    const consumers = r.consumers.map((_, i) => `c${i}`);
    const faults: SimFault[] = r.faults.map((f, k) => {
      const base = { id: `f${k}`, startMs: f.startMs, durationMs: f.durationMs };
      const consumerId = consumers[f.on % consumers.length] as string;
      switch (f.type) {
        case 'poison':
          return { ...base, type: 'poison', target: 'p', rate: f.rate };
        case 'broker-crash':
          return { ...base, type: 'broker-crash', target: 'b' };
        case 'partition':
          return {
            ...base,
            type: 'partition',
            target: deliveryEdges[f.on % deliveryEdges.length] as string,
          };
        case 'error-rate':
          return { ...base, type: 'error-rate', target: consumerId, rate: f.rate };
        default:
          return { ...base, type: f.type, target: consumerId };
      }
    });
    return { seed: r.seed, durationMs: DURATION_MS, nodes, edges, faults };
  });

describe('message conservation over random broker topologies', () => {
  it(
    `holds at every frame and at the end, for requests and messages (${TOPOLOGIES} topologies, every messaging fault)`,
    budget(TOPOLOGIES, 15),
    () => {
      let published = 0;
      fc.assert(
        fc.property(
          brokerTopology,
          fc.array(fc.integer({ min: 1, max: DURATION_MS }), { maxLength: 4 }),
          (spec, frames) => {
            const sim = createSimulation(buildScenario(spec, REGISTRY), { registry: REGISTRY });
            for (const t of [...frames].sort((a, b) => a - b)) {
              sim.advanceTo(t);
              sim.drainFrame(); // throws ConservationError on any broken identity
            }
            sim.runToEnd();
            const report = sim.conservation();
            expect(report.violations).toEqual([]);
            for (const counts of Object.values(report.messages)) published += counts.published;
          },
        ),
        { numRuns: TOPOLOGIES, seed: 20261207 },
      );
      // The topologies moved real messages.
      expect(published).toBeGreaterThan(100 * TOPOLOGIES);
    },
  );
});
