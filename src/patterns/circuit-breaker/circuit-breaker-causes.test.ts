import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { createSimulation } from '../../engine/index.ts';
import { buildScenario, type NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';

/** One breaker run of 1000 requests: ≤ 460 ms here; each test runs one. */
const RUN_MS = 700;

/**
 * Client "c" (constant 100/s for 10 s) → breaker "b" → a limiter "l" → service "s" (constant
 * 50 ms, 8 workers): the limiter turns most calls away, the service itself never fails.
 */
function run(limiter: NodeSpec, breaker: Record<string, unknown> = {}) {
  const nodes: NodeSpec[] = [
    { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 100 } } },
    { id: 'b', kind: 'circuit-breaker', config: breaker },
    limiter,
    {
      id: 's',
      kind: 'service',
      config: { workers: 8, serviceTime: { type: 'constant', valueMs: 50 } },
    },
  ];
  const spec = {
    seed: 5,
    durationMs: 10_000,
    nodes,
    edges: [
      { source: 'c', target: 'b' },
      { source: 'b', target: 'l' },
      { source: 'l', target: 's' },
    ],
    faults: [],
  };
  const sim = createSimulation(buildScenario(spec, REGISTRY), { registry: REGISTRY });
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  return sim.nodeDetail('b');
}

/** A token bucket of 5, refilled at 10/s: 100/s arrive, so ~90% are turned away. */
const rateLimiter: NodeSpec = {
  id: 'l',
  kind: 'rate-limiter',
  config: { algorithm: 'token-bucket', capacity: 5, refillPerSec: 10 },
};
/** One call at a time, no queue: with 50 ms calls every 10 ms, 4 of 5 are turned away. */
const bulkhead: NodeSpec = { id: 'l', kind: 'bulkhead', config: { maxConcurrent: 1, maxQueue: 0 } };

describe(
  'circuit-breaker kind: causes outside recordFailureOn are ignored',
  budget(1, RUN_MS),
  () => {
    it('a downstream answering rate-limited (896 of 1000) never opens it by default', () => {
      const b = run(rateLimiter);
      expect(b.failed).toEqual({ 'rate-limited': 896 });
      expect(b.metrics['ignored']).toBe(896);
      expect(b.metrics['opened'] ?? 0).toBe(0);
      expect(b.metrics['rejected'] ?? 0).toBe(0);
    });

    it('a downstream answering bulkhead-full (800 of 1000) never opens it by default', () => {
      const b = run(bulkhead);
      expect(b.failed).toEqual({ 'bulkhead-full': 800 });
      expect(b.metrics['ignored']).toBe(800);
      expect(b.metrics['opened'] ?? 0).toBe(0);
    });

    it('listed in recordFailureOn, the same rejections open it and most calls fail fast', () => {
      for (const [limiter, cause] of [
        [rateLimiter, 'rate-limited'],
        [bulkhead, 'bulkhead-full'],
      ] as const) {
        const b = run(limiter, { recordFailureOn: ['error', cause] });
        expect(b.metrics['opened'] ?? 0).toBeGreaterThanOrEqual(1);
        expect(b.metrics['rejected'] ?? 0).toBeGreaterThan(500);
        expect(b.metrics['ignored'] ?? 0).toBe(0);
      }
    });
  },
);
