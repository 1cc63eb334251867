import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinNode, proxyEdges } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** 10 workers × exponential 100 ms: the service completes at most ~100 req/s. */
export const SHEDDING_CAPACITY_PER_SEC = 100;
export const SHEDDING_OFFERED_PER_SEC = 200;
export const SHEDDING_DURATION_MS = 120_000;

const TITLE = 'Load shedding';
const DESCRIPTION =
  'A client offers 200 req/s (Poisson, 1 s timeout) to a service that can complete about 100 req/s (10 workers, exponential 100 ms, unbounded queue): twice its capacity, all run long. A load shedder in front of it refuses calls at once with "shed" when the estimated queueing delay (outstanding calls ÷ the service\'s throughput over the last second) passes 500 ms, or with 100 calls outstanding (queued plus running: the 10 running and a queue of 90). Watch the goodput: with the shedder about half the requests are shed and the other half are answered in well under a second — goodput stays near the 100 req/s capacity. Without it (the "without" variant calls the service directly) the queue grows by 100 calls every second, every request waits past its client\'s timeout while the service works through requests nobody waits for, and goodput collapses to nothing. No fault is injected: the overload is the traffic itself.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['client'],
  figure: 'goodput',
  caption:
    "The client's goodput: with the shedder about 100 answers a second arrive in time; without it the queue grows and goodput collapses.",
  withPattern: 'higher',
};
/**
 * R12 (server side): client (Poisson 200 req/s, 1 s timeout) → load shedder
 * (maxQueueDelayMs 500, maxOutstanding 100) → service (10 workers, exponential 100 ms,
 * unbounded queue). `without` removes the shedder; node ids and the seed are unchanged.
 */
export const loadSheddingBuiltin: BuiltinScenario = {
  id: 'load-shedding',
  title: TITLE,
  patterns: ['R12'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R12'],
      variant,
      seed: 5,
      durationMs: SHEDDING_DURATION_MS,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 300 },
          {
            arrival: { type: 'poisson', ratePerSec: SHEDDING_OFFERED_PER_SEC },
            timeoutMs: 1000,
          },
        ),
        ...(on
          ? [
              builtinNode(
                'shedder',
                'load-shedder',
                'Load shedder',
                { x: 360, y: 300 },
                {
                  maxQueueDelayMs: 500,
                },
              ),
            ]
          : []),
        builtinNode(
          'service',
          'service',
          'Service',
          { x: 620, y: 300 },
          {
            workers: 10,
            serviceTime: { type: 'exponential', meanMs: 100 },
          },
        ),
      ],
      edges: proxyEdges(on, 'shedder'),
    });
  },
};
