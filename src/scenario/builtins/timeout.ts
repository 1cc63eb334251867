import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** The service hangs (accepts calls, never answers) from 30 s for 30 s. */
export const TIMEOUT_HANG_START_MS = 30_000;
export const TIMEOUT_HANG_DURATION_MS = 30_000;

const TITLE = 'Timeout';
const DESCRIPTION =
  'A client (Poisson 100 req/s) with no timeout of its own calls a service through a timeout proxy (1 s deadline per call). From 30 s to 60 s a hang fault makes the service accept calls and never answer. Watch the client\'s in-flight requests: with the timeout they level off at about 100 (one second of traffic) and every stuck call fails with "timeout" after 1 s; without it they grow by 100 every second of the hang and never come back. The "without" variant calls the service directly.';

/**
 * R3: client (Poisson 100 req/s, no timeout) → timeout (1 s) → service (8 workers,
 * exponential 20 ms), hang fault on the service from 30 s for 30 s. `without` removes the
 * timeout node; node ids and the seed are unchanged.
 */
export const timeoutBuiltin: BuiltinScenario = {
  id: 'timeout',
  title: TITLE,
  patterns: ['R3'],
  description: DESCRIPTION,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      patterns: ['R3'],
      variant,
      seed: 17,
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
        ...(on ? [builtinNode('timeout', 'timeout', 'Timeout', { x: 360, y: 300 })] : []),
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
      edges: on
        ? [builtinEdge('client', 'timeout'), builtinEdge('timeout', 'service')]
        : [builtinEdge('client', 'service')],
      faults: [
        {
          id: 'service-hang',
          type: 'hang',
          target: 'service',
          startMs: TIMEOUT_HANG_START_MS,
          durationMs: TIMEOUT_HANG_DURATION_MS,
        },
      ],
    });
  },
};
