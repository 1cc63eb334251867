import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinNode, proxyEdges } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** The service is down (connections refused) from 30 s for 30 s. */
export const FALLBACK_OUTAGE_START_MS = 30_000;
export const FALLBACK_OUTAGE_DURATION_MS = 30_000;

const TITLE = 'Fallback';
const DESCRIPTION =
  'A client (Poisson 100 req/s, 2 s timeout) calls a service through a fallback with its default settings: any error, timeout, refused connection or fast failure of a resilience pattern is answered with a static default instead. From 30 s to 60 s a crash fault takes the service down (every call is refused). Watch the fallback count climb by about 100 a second while the client keeps seeing successes — degraded answers, counted on the fallback node, replace the errors. The "without" variant calls the service directly: for those 30 s every request fails with "refused".';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['client'],
  figure: 'error-rate',
  caption:
    "The client's error rate during the outage: 0% with the fallback (degraded answers instead of errors), 100% without.",
  withPattern: 'lower',
};

/**
 * R7: client (Poisson 100 req/s, 2 s timeout) → fallback (defaults: static answer, 0 ms) →
 * service (8 workers, exponential 20 ms); crash fault on the service from 30 s for 30 s.
 * `without` removes the fallback; node ids and the seed are unchanged.
 */
export const fallbackBuiltin: BuiltinScenario = {
  id: 'fallback',
  title: TITLE,
  patterns: ['R7'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R7'],
      variant,
      seed: 31,
      durationMs: 90_000,
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
        ...(on ? [builtinNode('fallback', 'fallback', 'Fallback', { x: 360, y: 300 })] : []),
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
      edges: proxyEdges(on, 'fallback'),
      faults: [
        {
          id: 'service-down',
          type: 'crash',
          target: 'service',
          startMs: FALLBACK_OUTAGE_START_MS,
          durationMs: FALLBACK_OUTAGE_DURATION_MS,
        },
      ],
    });
  },
};
