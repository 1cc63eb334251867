import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Latency fault on dependency B: +5 s per call from 30 s for 40 s. */
export const BULKHEAD_FAULT_START_MS = 30_000;
export const BULKHEAD_FAULT_DURATION_MS = 40_000;

const TITLE = 'Bulkhead';
const DESCRIPTION =
  'A client (Poisson 200 req/s, 1 s timeout) calls a frontend with 20 workers (thread per request: a worker stays busy while its downstream calls are out). Every request needs dependency A; half of them also ask dependency B for optional extras (the B edge is not required, so a failed B call does not fail the request). Each dependency sits behind its own bulkhead: at most 10 calls in flight to A and 5 to B, no wait queue (a queued call would hold a frontend worker too). From 30 s to 70 s a latency fault adds 5 s to every B call. Watch the bulkhead in front of B fill up and turn the excess away with "bulkhead-full" in microseconds, while A keeps its traffic (~200 req/s) and its latency (its own p99 stays ≈ 45 ms), and the client its success rate and latency. The "without" variant wires the frontend straight to A and B: the slow B calls soon hold all 20 frontend workers, the frontend queue grows without end, A\'s traffic collapses and almost every client request times out.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['a'],
  figure: 'arrivals',
  caption:
    "Calls reaching dependency A per second while B is slow: the bulkheads keep A's ~200/s flowing; without them A is starved.",
  withPattern: 'higher',
};
/**
 * R4: client (Poisson 200 req/s, 1 s timeout) → frontend (20 workers, exponential 2 ms,
 * unbounded queue) → bulkhead-a (10, no queue) → A, and → bulkhead-b (5, no queue) → B on half of the
 * requests (optional). A and B: 20 workers, exponential 10 ms. Latency +5 s on B from 30 s for
 * 40 s. `without` removes both bulkheads; the ids of client, frontend, A and B and the seed
 * are unchanged.
 */
export const bulkheadBuiltin: BuiltinScenario = {
  id: 'bulkhead',
  title: TITLE,
  patterns: ['R4'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    const dependency = { workers: 20, serviceTime: { type: 'exponential', meanMs: 10 } };
    const toB = { callProbability: 0.5, required: false };
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R4'],
      variant,
      seed: 11,
      durationMs: 100_000,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 370 },
          {
            arrival: { type: 'poisson', ratePerSec: 200 },
            timeoutMs: 1000,
          },
        ),
        builtinNode(
          'frontend',
          'service',
          'Frontend',
          { x: 360, y: 370 },
          {
            workers: 20,
            serviceTime: { type: 'exponential', meanMs: 2 },
          },
        ),
        ...(on
          ? [
              builtinNode(
                'bulkhead-a',
                'bulkhead',
                'Bulkhead A',
                { x: 620, y: 300 },
                {
                  maxConcurrent: 10,
                  maxQueue: 0,
                },
              ),
              builtinNode(
                'bulkhead-b',
                'bulkhead',
                'Bulkhead B',
                { x: 620, y: 440 },
                {
                  maxConcurrent: 5,
                  maxQueue: 0,
                },
              ),
            ]
          : []),
        builtinNode('a', 'service', 'Dependency A', { x: 880, y: 300 }, dependency),
        builtinNode('b', 'service', 'Dependency B (slows down)', { x: 880, y: 440 }, dependency),
      ],
      edges: on
        ? [
            builtinEdge('client', 'frontend'),
            builtinEdge('frontend', 'bulkhead-a'),
            builtinEdge('frontend', 'bulkhead-b', toB),
            builtinEdge('bulkhead-a', 'a'),
            builtinEdge('bulkhead-b', 'b'),
          ]
        : [
            builtinEdge('client', 'frontend'),
            builtinEdge('frontend', 'a'),
            builtinEdge('frontend', 'b', toB),
          ],
      faults: [
        {
          id: 'b-slow',
          type: 'latency',
          target: 'b',
          startMs: BULKHEAD_FAULT_START_MS,
          durationMs: BULKHEAD_FAULT_DURATION_MS,
          addMs: 5000,
          multiplier: 1,
        },
      ],
    });
  },
};
