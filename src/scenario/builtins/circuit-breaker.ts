import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinNode, proxyEdges } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Error-rate fault on the service: 80% of its answers fail from 30 s for 30 s. */
export const BREAKER_FAULT_START_MS = 30_000;
export const BREAKER_FAULT_DURATION_MS = 30_000;

const TITLE = 'Circuit breaker';
const DESCRIPTION =
  'A client (Poisson 100 req/s) calls a service through a circuit breaker with its default settings. At 30 s the service starts failing 80% of its calls for 30 s (an error-rate fault on the timeline). Watch the breaker open within a few calls, the service load drop to almost nothing while it is open (the client gets fast "circuit-open" failures instead), then, once its 30 s wait is over (and so is the fault), its 3 half-open probes succeed and close it again. The "without" variant calls the service directly: compare the load on the service during the outage, and the client\'s p99 per second (fast failures with the breaker). The breaker counts errors, timeouts, refusals and full queues, not rejections by limiters downstream. It cannot see a hung dependency (calls that never answer): for hang faults put a Timeout in front of the dependency.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['service'],
  figure: 'arrivals',
  caption:
    'Calls reaching the failing service per second: once the breaker opens they drop to almost none during the outage; without it the service keeps getting every call.',
  withPattern: 'lower',
};
/**
 * R1: client (Poisson 100 req/s, 2 s timeout) → circuit breaker (defaults) → service (8
 * workers, exponential 20 ms), and the service fails 80% of its calls from 30 s to 60 s.
 * `without` removes the breaker; node ids and the seed are unchanged, so every random stream
 * matches.
 */
export const circuitBreakerBuiltin: BuiltinScenario = {
  id: 'circuit-breaker',
  title: TITLE,
  patterns: ['R1'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R1'],
      variant,
      seed: 7,
      durationMs: 120_000,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 300 },
          {
            arrival: { type: 'poisson', ratePerSec: 100 },
            timeoutMs: 2000,
          },
        ),
        ...(on
          ? [builtinNode('breaker', 'circuit-breaker', 'Circuit breaker', { x: 360, y: 300 })]
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
      edges: proxyEdges(on, 'breaker'),
      faults: [
        {
          id: 'service-errors',
          type: 'error-rate',
          target: 'service',
          startMs: BREAKER_FAULT_START_MS,
          durationMs: BREAKER_FAULT_DURATION_MS,
          rate: 0.8,
        },
      ],
    });
  },
};
