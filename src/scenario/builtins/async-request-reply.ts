import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** The 5× spike: from 30 s for 20 s. */
export const ARR_SPIKE_START_MS = 30_000;
export const ARR_SPIKE_DURATION_MS = 20_000;

const TITLE = 'Async request-reply';
const DESCRIPTION =
  'An app (Poisson 100 req/s, 2 s timeout) sends jobs to an API. With the pattern the API only publishes each job to a queue and answers "202 Accepted" as soon as the queue acknowledges it; a worker pool (12 workers, exponential 50 ms: 240 jobs/s) takes them from the queue at its own pace. From 30 s a 5× spike lasts 20 s: the queue absorbs the burst — thousands of jobs wait — and drains after it, while the app\'s latency stays a few milliseconds and no request times out. The "without" variant has the API call the workers and wait for the job: the spike saturates them, every caller waits in line, and most of the spike\'s requests time out.';

/** What the app charts when this built-in opens. */
const WATCH: ScenarioWatch = {
  nodes: ['app'],
  figure: 'p99',
  caption:
    "The app's p99 during the spike: with a queue in between it stays a few milliseconds; when the API waits for the workers it reaches the 2 s timeout.",
  withPattern: 'lower',
};

/**
 * M3: app (Poisson 100/s, 2 s timeout) → api (8 workers, exp 2 ms) → jobs (queue) → workers
 * (12 workers, exp 50 ms); a 5× traffic spike on the app from 30 s for 20 s. `without`: api →
 * workers directly (the API waits for the work); the ids and the seed are the same.
 */
export const asyncRequestReplyBuiltin: BuiltinScenario = {
  id: 'async-request-reply',
  title: TITLE,
  patterns: ['M3'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['M3'],
      variant,
      seed: 7,
      durationMs: 120_000,
      nodes: [
        builtinNode(
          'app',
          'client',
          'App',
          { x: 100, y: 300 },
          { arrival: { type: 'poisson', ratePerSec: 100 }, timeoutMs: 2000 },
        ),
        builtinNode(
          'api',
          'service',
          'Jobs API',
          { x: 360, y: 300 },
          { workers: 8, serviceTime: { type: 'exponential', meanMs: 2 } },
        ),
        ...(on ? [builtinNode('jobs', 'queue', 'Job queue', { x: 620, y: 300 })] : []),
        builtinNode(
          'workers',
          'service',
          'Workers',
          { x: 880, y: 300 },
          { workers: 12, serviceTime: { type: 'exponential', meanMs: 50 } },
        ),
      ],
      edges: on
        ? [
            builtinEdge('app', 'api'),
            builtinEdge('api', 'jobs', { messageType: 'JobSubmitted' }),
            builtinEdge('jobs', 'workers'),
          ]
        : [builtinEdge('app', 'api'), builtinEdge('api', 'workers')],
      faults: [
        {
          id: 'spike',
          type: 'traffic-spike',
          target: 'app',
          startMs: ARR_SPIKE_START_MS,
          durationMs: ARR_SPIKE_DURATION_MS,
          multiplier: 5,
        },
      ],
    });
  },
};
