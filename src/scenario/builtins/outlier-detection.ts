import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument } from './build-helpers.ts';
import { lbEdges, lbNodes } from './lb-topology.ts';
import type { BuiltinScenario } from './types.ts';

/** Instance-3 fails 90% of its calls from 20 s for 60 s. */
export const OD_FAULT_START_MS = 20_000;
export const OD_FAULT_DURATION_MS = 60_000;

const TITLE = 'Outlier detection: a bad instance is ejected';
const DESCRIPTION =
  'A client (Poisson 200 req/s) calls three instances through a round-robin load balancer with Envoy-style outlier detection (5 consecutive 5xx eject an instance for 30 s × its ejection multiplier — +1 per ejection, −1 per 10 s sweep spent in rotation — at most 50% ejected, re-admitted at the first 10 s sweep after the ejection ends). From 20 s to 80 s instance 3 fails 90% of its calls (an error-rate fault). Watch it get ejected within a few calls (outlier.ejected in the event log), re-admitted at a sweep 30 s later, ejected again for 60 s because it still fails, and re-admitted for good once healthy. The client errors almost vanish; the "without" variant has outlier detection off, so a third of the calls keep failing 90% of the time for the whole fault.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['client'],
  figure: 'failures',
  caption:
    'Client failures per second while instance 3 fails 90% of its calls: outlier detection ejects it; without it a third of the calls keep failing.',
  withPattern: 'lower',
};
/**
 * E3 (outlier detection): client → load balancer (round robin, outlier detection on or off)
 * → 3 × service; instance-3 fails 90% of its calls from 20 s to 80 s.
 */
export const outlierDetectionBuiltin: BuiltinScenario = {
  id: 'outlier-detection',
  title: TITLE,
  patterns: ['E3'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const topology = {
      ratePerSec: 200,
      lb: { strategy: 'round-robin', outlierDetection: variant === 'with' ? {} : null },
      instance: { workers: 8, serviceTime: { type: 'exponential', meanMs: 10 } },
    };
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['E3'],
      variant,
      seed: 12,
      durationMs: 150_000,
      nodes: lbNodes(topology),
      edges: lbEdges(topology),
      faults: [
        {
          id: 'instance-3-errors',
          type: 'error-rate',
          target: 'instance-3',
          startMs: OD_FAULT_START_MS,
          durationMs: OD_FAULT_DURATION_MS,
          rate: 0.9,
        },
      ],
    });
  },
};
