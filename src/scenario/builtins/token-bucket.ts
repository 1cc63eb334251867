import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinNode, proxyEdges } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** The client's bursts: 5 req/s, then 500 req/s for 2 s at the end of every 30 s. */
export const TOKEN_BUCKET_OFF_MS = 28_000;
export const TOKEN_BUCKET_ON_MS = 2_000;
/** The bucket: the defaults (100 tokens, refilled at 10 per second). */
export const TOKEN_BUCKET_CAPACITY = 100;
export const TOKEN_BUCKET_REFILL_PER_SEC = 10;

const TITLE = 'Token-bucket rate limiter';
const DESCRIPTION =
  'A bursty client sends 5 req/s, then 500 req/s for 2 s at the end of every 30 s (bursts at 28–30 s, 58–60 s, 88–90 s and 118–120 s). It calls a service (4 workers, 20 ms on average: about 200 req/s at most) through a token bucket with the default settings: 100 tokens, refilled at 10 per second, full at the start. Between bursts the bucket fills up again. Watch each burst: the first 100 requests pass at once (the bucket empties), then only one request per refilled token, 10 a second, gets through, about 120 per 2-second burst in all; the rest are answered "rate-limited" at once. The "without" variant calls the service directly: each burst of about 1000 requests floods the service and its queue and p99 shoot up.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['service'],
  figure: 'p99',
  caption:
    "The service's p99 latency: each burst past the bucket is turned away at once, so it stays low; without it every burst floods the queue.",
  withPattern: 'lower',
};
/**
 * R6: client (bursts: 5 req/s for 28 s, then 500 req/s for 2 s) → rate limiter (token
 * bucket, capacity 100, refill 10/s) → service (4 workers, exponential 20 ms). No fault: the
 * bursts are the traffic. `without` removes the limiter; node ids and the seed are unchanged.
 */
export const tokenBucketBuiltin: BuiltinScenario = {
  id: 'token-bucket',
  title: TITLE,
  patterns: ['R6'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R6'],
      variant,
      seed: 29,
      durationMs: 120_000,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Bursty client',
          { x: 100, y: 300 },
          {
            arrival: {
              type: 'burst',
              baseRatePerSec: 5,
              burstRatePerSec: 500,
              offMs: TOKEN_BUCKET_OFF_MS,
              onMs: TOKEN_BUCKET_ON_MS,
            },
          },
        ),
        ...(on
          ? [
              builtinNode(
                'limiter',
                'rate-limiter',
                'Token bucket',
                { x: 360, y: 300 },
                {
                  algorithm: 'token-bucket',
                  capacity: TOKEN_BUCKET_CAPACITY,
                  refillPerSec: TOKEN_BUCKET_REFILL_PER_SEC,
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
            workers: 4,
            serviceTime: { type: 'exponential', meanMs: 20 },
          },
        ),
      ],
      edges: proxyEdges(on, 'limiter'),
    });
  },
};
