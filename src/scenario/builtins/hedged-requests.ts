import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Replica 3 becomes three times slower from 30 s to the end of the run. */
export const HEDGING_SLOW_START_MS = 30_000;
export const HEDGING_DURATION_MS = 120_000;
export const HEDGING_REPLICAS = ['replica-1', 'replica-2', 'replica-3'] as const;

const TITLE = 'Hedged requests';
const DESCRIPTION =
  'A client (Poisson 200 req/s) reads from three replicas through a hedging proxy that picks them round robin. Every replica has a heavy-tailed service time (log-normal, median 10 ms, p99 200 ms), and from 30 s a latency fault makes replica 3 three times slower. The proxy hedges after the p95 of its recent latencies: a request not answered by then is sent again to the next replica, the first answer wins and the other attempt is cancelled. Watch the client\'s p99 and the calls the replicas receive: the p99 is cut by half (323 → 154 ms) and the p99.9 by 79% (1010 → 212 ms) for 6.6% extra calls (load factor 1.066). The "without" variant is the same proxy with hedging off (maxHedges 0), so routing is identical.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['client'],
  figure: 'p99',
  caption:
    "The client's p99 while replica 3 is 3× slower: hedging cuts it by half; without hedges the slow replica's tail shows.",
  withPattern: 'lower',
};
/**
 * R13: client (Poisson 200 req/s, 2 s timeout) → hedge (defaults: one hedge after the p95)
 * → 3 replicas (20 workers, log-normal median 10 ms, p99 200 ms); latency ×3 on replica 3
 * from 30 s. `without`: the same hedge node with maxHedges 0 (round robin, no hedges).
 */
export const hedgedRequestsBuiltin: BuiltinScenario = {
  id: 'hedged-requests',
  title: TITLE,
  patterns: ['R13'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R13'],
      variant,
      seed: 5,
      durationMs: HEDGING_DURATION_MS,
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
        builtinNode(
          'hedge',
          'hedge',
          on ? 'Hedged requests' : 'Round robin (no hedging)',
          { x: 360, y: 300 },
          on ? {} : { maxHedges: 0 },
        ),
        ...HEDGING_REPLICAS.map((id, i) =>
          builtinNode(
            id,
            'service',
            `Replica ${i + 1}`,
            { x: 620, y: 160 + 140 * i },
            {
              workers: 20,
              serviceTime: { type: 'lognormal', medianMs: 10, p99Ms: 200 },
            },
          ),
        ),
      ],
      edges: [
        builtinEdge('client', 'hedge'),
        ...HEDGING_REPLICAS.map((id) => builtinEdge('hedge', id)),
      ],
      faults: [
        {
          id: 'replica-3-slow',
          type: 'latency',
          target: 'replica-3',
          startMs: HEDGING_SLOW_START_MS,
          durationMs: null,
          addMs: 0,
          multiplier: 3,
        },
      ],
    });
  },
};
