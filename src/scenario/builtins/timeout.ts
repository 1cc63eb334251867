import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinNode, proxyEdges } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** The service hangs (accepts calls, never answers) from 30 s for 30 s. */
export const TIMEOUT_HANG_START_MS = 30_000;
export const TIMEOUT_HANG_DURATION_MS = 30_000;
/** Then it is slow (+3 s per call) from 62 s for 20 s: answers come back, but late. */
export const TIMEOUT_SLOW_START_MS = 62_000;
export const TIMEOUT_SLOW_DURATION_MS = 20_000;
export const TIMEOUT_SLOW_ADD_MS = 3000;

const TITLE = 'Timeout';
const DESCRIPTION =
  'A client (Poisson 100 req/s) with no timeout of its own calls a service through a timeout proxy (1 s deadline per call). From 30 s to 60 s a hang fault makes the service accept calls and never answer. Watch the client\'s in-flight requests: with the timeout they level off at about 100 (one second of traffic) and every stuck call fails with "timeout" after 1 s; without it they grow by 100 every second of the hang and never come back. From 62 s to 82 s a latency fault (+3 s per call) makes the service slow instead: with the timeout the client still gets "timeout" after 1 s, and the answers that arrive 2 s later are discarded, counted as late responses on the timeout node; without it the client waits the 3 s. The "without" variant calls the service directly.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['client'],
  figure: 'in-flight',
  caption:
    "The client's requests in flight during the faults: with the timeout they level off at about one second of traffic; without it they pile up through the hang.",
  withPattern: 'lower',
};
/**
 * R3: client (Poisson 100 req/s, no timeout) → timeout (1 s) → service (400 workers, enough
 * to carry 3 s calls at 100 req/s; exponential 20 ms), hang fault on the service from 30 s
 * for 30 s, then +3 s latency from 62 s for 20 s. `without` removes the timeout node; node
 * ids and the seed are unchanged.
 */
export const timeoutBuiltin: BuiltinScenario = {
  id: 'timeout',
  title: TITLE,
  patterns: ['R3'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
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
            workers: 400,
            serviceTime: { type: 'exponential', meanMs: 20 },
          },
        ),
      ],
      edges: proxyEdges(on, 'timeout'),
      faults: [
        {
          id: 'service-hang',
          type: 'hang',
          target: 'service',
          startMs: TIMEOUT_HANG_START_MS,
          durationMs: TIMEOUT_HANG_DURATION_MS,
        },
        {
          id: 'service-slow',
          type: 'latency',
          target: 'service',
          startMs: TIMEOUT_SLOW_START_MS,
          durationMs: TIMEOUT_SLOW_DURATION_MS,
          addMs: TIMEOUT_SLOW_ADD_MS,
          multiplier: 1,
        },
      ],
    });
  },
};
