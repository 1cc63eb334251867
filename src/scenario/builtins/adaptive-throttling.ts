import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** 10 workers × exponential 100 ms: the backend completes at most ~100 req/s. */
export const THROTTLING_CAPACITY_PER_SEC = 100;
export const THROTTLING_OFFERED_PER_SEC = 400;
export const THROTTLING_DURATION_MS = 120_000;

const TITLE = 'Adaptive throttling';
const DESCRIPTION =
  'A client offers 400 req/s (Poisson, 1 s timeout) to a backend that completes about 100 req/s: a service (10 workers, exponential 100 ms) behind a load shedder that refuses calls with "shed" once the expected queueing delay passes 500 ms. An adaptive throttle on the client side (Google SRE, k = 2, 2-minute window) rejects requests locally with "throttled" with probability max(0, (requests − 2·accepts) / (requests + 1)). Watch the calls reaching the backend: with the throttle about 198 req/s (k = 2 times the ~100 it accepts) instead of all 401, and it sheds a third as many (11 512 vs 36 070 calls): the refusals move to the client, which rejects half the requests locally without a round trip. Goodput is the same ~99.7 req/s either way — in this model a shed answer costs the backend nothing, so what the throttle wins here is the halved offered load and the saved round trips; on a real server, where refusing a request still costs CPU and connections, that halved load is capacity won back. The "without" variant calls the shedder directly. No fault is injected: the overload is the traffic itself (4× capacity).';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['shedder'],
  figure: 'arrivals',
  caption:
    'Calls reaching the backend per second: the client-side throttle halves them (about 200 of 400); without it all 400 arrive, only to be shed there.',
  withPattern: 'lower',
};
/**
 * R12 (client side): client (Poisson 400 req/s, 1 s timeout) → adaptive throttle (defaults)
 * → load shedder (maxQueueDelayMs 500) → service (10 workers, exponential 100 ms).
 * `without` removes the throttle; node ids and the seed are unchanged.
 */
export const adaptiveThrottlingBuiltin: BuiltinScenario = {
  id: 'adaptive-throttling',
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
      durationMs: THROTTLING_DURATION_MS,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 300 },
          {
            arrival: { type: 'poisson', ratePerSec: THROTTLING_OFFERED_PER_SEC },
            timeoutMs: 1000,
          },
        ),
        ...(on
          ? [builtinNode('throttle', 'adaptive-throttle', 'Adaptive throttle', { x: 360, y: 300 })]
          : []),
        builtinNode(
          'shedder',
          'load-shedder',
          'Load shedder (backend)',
          { x: 620, y: 300 },
          {
            maxQueueDelayMs: 500,
          },
        ),
        builtinNode(
          'service',
          'service',
          'Backend service',
          { x: 880, y: 300 },
          {
            workers: 10,
            serviceTime: { type: 'exponential', meanMs: 100 },
          },
        ),
      ],
      edges: [
        ...(on
          ? [builtinEdge('client', 'throttle'), builtinEdge('throttle', 'shedder')]
          : [builtinEdge('client', 'shedder')]),
        builtinEdge('shedder', 'service'),
      ],
    });
  },
};
