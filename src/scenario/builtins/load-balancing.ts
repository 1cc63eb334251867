import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument } from './build-helpers.ts';
import { lbEdges, lbNodes } from './lb-topology.ts';
import type { BuiltinScenario } from './types.ts';

/** Latency fault: instance-3 works 5× slower from 10 s to the end of the run. */
export const LB_SLOW_INSTANCE = 'instance-3';
export const LB_SLOW_START_MS = 10_000;

const TITLE = 'Load balancing: one slow instance';
const DESCRIPTION =
  'A client (Poisson 200 req/s) calls three instances of a service (4 workers, exponential 10 ms) through a load balancer. From 10 s on, instance 3 is 5× slower (a latency fault, multiplier 5, on the timeline). Round robin keeps sending it a third of the calls, so its queue and the client p99 grow; least connections (this variant) sees its calls pile up and sends it fewer. Watch the calls per edge and the client p99; switch the strategy in the inspector to compare power of two choices, random and weighted. The "without" variant uses round robin.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['client'],
  figure: 'p99',
  caption:
    "The client's p99 while instance 3 is 5× slower: least connections sends it fewer calls; round robin (without) keeps sending it a third.",
  withPattern: 'lower',
};
/**
 * R9: client (Poisson 200 req/s) → load balancer → 3 × service (4 workers, exponential 10 ms),
 * with instance-3 slowed ×5 from 10 s. `with` balances by least connections, `without` by
 * round robin; nothing else differs.
 */
export const loadBalancingBuiltin: BuiltinScenario = {
  id: 'load-balancing',
  title: TITLE,
  patterns: ['R9'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const topology = {
      ratePerSec: 200,
      lb: { strategy: variant === 'with' ? 'least-connections' : 'round-robin' },
      instance: { workers: 4, serviceTime: { type: 'exponential', meanMs: 10 } },
    };
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R9'],
      variant,
      seed: 7,
      durationMs: 120_000,
      nodes: lbNodes(topology),
      edges: lbEdges(topology),
      faults: [
        {
          id: 'slow-instance',
          type: 'latency',
          target: LB_SLOW_INSTANCE,
          startMs: LB_SLOW_START_MS,
          durationMs: null,
          addMs: 0,
          multiplier: 5,
        },
      ],
    });
  },
};
