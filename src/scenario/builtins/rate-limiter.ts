import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinNode, proxyEdges } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Traffic spike on the client: 5× its rate from 30 s for 30 s. */
export const RATE_LIMIT_SPIKE_START_MS = 30_000;
export const RATE_LIMIT_SPIKE_DURATION_MS = 30_000;
/** The limiter's allowance: 150 requests per 1 s window. */
export const RATE_LIMIT_PER_SEC = 150;

const TITLE = 'Rate limiting';
const DESCRIPTION =
  'A client (Poisson 100 req/s) calls a service (8 workers, 20 ms on average: about 400 req/s at most) through a rate limiter that admits 150 requests per 1 s sliding window (the sliding-window counter algorithm; switch it to fixed window, sliding-window log or leaky bucket in the inspector). From 30 s to 60 s a traffic spike multiplies the client\'s rate by 5, to 500 req/s. Watch the limiter\'s admitted rate sit at 150/s and its rejected count absorb the rest as fast "rate-limited" answers, while the service\'s load, queue and p99 stay flat. The "without" variant calls the service directly: 500 req/s exceed its capacity, its queue grows by about 100 a second and its p99 climbs into seconds.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['service'],
  figure: 'arrivals',
  caption:
    'Calls reaching the service per second during the 5× spike: the limiter holds them at 150/s; without it all ~500/s arrive.',
  withPattern: 'lower',
};
/**
 * R5: client (Poisson 100 req/s) → rate limiter (sliding-window counter, 150 per 1000 ms) →
 * service (8 workers, exponential 20 ms, unbounded queue); traffic spike ×5 on the client from
 * 30 s for 30 s. `without` removes the limiter; node ids and the seed are unchanged.
 */
export const rateLimiterBuiltin: BuiltinScenario = {
  id: 'rate-limiter',
  title: TITLE,
  patterns: ['R5'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R5'],
      variant,
      seed: 23,
      durationMs: 90_000,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 300 },
          {
            arrival: { type: 'poisson', ratePerSec: 100 },
          },
        ),
        ...(on
          ? [
              builtinNode(
                'limiter',
                'rate-limiter',
                'Rate limiter',
                { x: 360, y: 300 },
                {
                  algorithm: 'sliding-window-counter',
                  limit: RATE_LIMIT_PER_SEC,
                  windowMs: 1000,
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
            workers: 8,
            serviceTime: { type: 'exponential', meanMs: 20 },
          },
        ),
      ],
      edges: proxyEdges(on, 'limiter'),
      faults: [
        {
          id: 'traffic-spike',
          type: 'traffic-spike',
          target: 'client',
          startMs: RATE_LIMIT_SPIKE_START_MS,
          durationMs: RATE_LIMIT_SPIKE_DURATION_MS,
          multiplier: 5,
        },
      ],
    });
  },
};
