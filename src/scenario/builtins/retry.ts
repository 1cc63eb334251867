import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinNode, proxyEdges } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Full outage of the service (every call fails) from 60 s for 30 s. */
export const RETRY_OUTAGE_START_MS = 60_000;
export const RETRY_OUTAGE_DURATION_MS = 30_000;
/** The service's own transient failure rate, all run long. */
export const RETRY_TRANSIENT_ERROR_RATE = 0.2;

const TITLE = 'Retry';
const DESCRIPTION =
  'A client (Poisson 200 req/s, 2 s timeout) calls a service through a retry proxy with its defaults: 3 attempts, exponential backoff from 100 ms with full jitter. The service fails 20% of its calls at random all the time (transient errors), and from 60 s to 90 s an error-rate fault makes it fail every call (a full outage). Watch the client success rate: about 80% without retries, above 99% with them. Then watch the outage: every request now costs the service 3 attempts — the retry amplification (attempts ÷ requests on the retry node) — while nothing succeeds. The "without" variant calls the service directly.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['client'],
  figure: 'error-rate',
  caption:
    "The client's error rate over the whole run: retries hide the 20% transient errors (during the full outage everything fails either way).",
  withPattern: 'lower',
  over: 'run',
};

/**
 * R2: client → retry (defaults) → service (32 workers, exponential 20 ms, 20% errors), with
 * an error-rate 1.0 fault from 60 s for 30 s. `without` removes the retry node; node ids and
 * the seed are unchanged, so the client's traffic is identical.
 */
export const retryBuiltin: BuiltinScenario = {
  id: 'retry',
  title: TITLE,
  patterns: ['R2'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R2'],
      variant,
      seed: 11,
      durationMs: 120_000,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 300 },
          {
            arrival: { type: 'poisson', ratePerSec: 200 },
            timeoutMs: 2000,
          },
        ),
        ...(on ? [builtinNode('retry', 'retry', 'Retry', { x: 360, y: 300 })] : []),
        builtinNode(
          'service',
          'service',
          'Service',
          { x: 620, y: 300 },
          {
            workers: 32,
            serviceTime: { type: 'exponential', meanMs: 20 },
            errorRate: RETRY_TRANSIENT_ERROR_RATE,
          },
        ),
      ],
      edges: proxyEdges(on, 'retry'),
      faults: [
        {
          id: 'service-outage',
          type: 'error-rate',
          target: 'service',
          startMs: RETRY_OUTAGE_START_MS,
          durationMs: RETRY_OUTAGE_DURATION_MS,
          rate: 1,
        },
      ],
    });
  },
};
