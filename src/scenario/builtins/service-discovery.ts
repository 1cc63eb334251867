import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument } from './build-helpers.ts';
import { lbEdges, lbNodes } from './lb-topology.ts';
import type { BuiltinScenario } from './types.ts';

/** Instance-2 crashes at 35 s for 60 s and never deregisters. */
export const SD_CRASH_START_MS = 35_000;
export const SD_CRASH_DURATION_MS = 60_000;

const TITLE = 'Service discovery: a crashed instance expires after its TTL';
const DESCRIPTION =
  'A client (Poisson 150 req/s) calls three instances through a round-robin load balancer that takes its targets from a service registry: instances register at start and heartbeat every 10 s, with a 30 s lease. At 35 s instance 2 crashes without deregistering: it stays in the registry, and keeps getting a third of the calls (refused), until its lease runs out 30 s after its last heartbeat (discovery.expired in the event log, at 60 s). When it comes back at 95 s it registers again at its next heartbeat. The "without" variant uses a static list of instances: the dead one gets its share of calls, all failing, for the whole crash.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['instance-2'],
  figure: 'arrivals',
  caption:
    'Calls reaching crashed instance 2 per second: they stop once its lease expires; with a static list it keeps getting a third of them.',
  withPattern: 'lower',
};
/**
 * R10: client → load balancer (round robin; registry with heartbeats and TTL on, or a static
 * list) → 3 × service. Instance-2 crashes from 35 s to 95 s.
 */
export const serviceDiscoveryBuiltin: BuiltinScenario = {
  id: 'service-discovery',
  title: TITLE,
  patterns: ['R10'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const topology = {
      ratePerSec: 150,
      lb: { strategy: 'round-robin', discovery: variant === 'with' ? {} : null },
      instance: { workers: 8, serviceTime: { type: 'exponential', meanMs: 10 } },
    };
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R10'],
      variant,
      seed: 10,
      durationMs: 120_000,
      nodes: lbNodes(topology),
      edges: lbEdges(topology),
      faults: [
        {
          id: 'instance-2-crash',
          type: 'crash',
          target: 'instance-2',
          startMs: SD_CRASH_START_MS,
          durationMs: SD_CRASH_DURATION_MS,
        },
      ],
    });
  },
};
