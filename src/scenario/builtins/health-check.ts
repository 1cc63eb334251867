import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinEdge, builtinNode, builtinDocument } from './build-helpers.ts';
import { INSTANCE_IDS, lbEdges, lbNodes } from './lb-topology.ts';
import type { BuiltinScenario } from './types.ts';

/** Crash of instance-2 from 32 s for 40 s; the optional dependency fails from 90 s for 20 s. */
export const HC_CRASH_START_MS = 32_000;
export const HC_CRASH_DURATION_MS = 40_000;
export const HC_DEP_FAULT_START_MS = 90_000;
export const HC_DEP_FAULT_DURATION_MS = 20_000;

const TITLE = 'Health checks: a crashed instance leaves the rotation';
const DESCRIPTION =
  'A client (Poisson 200 req/s) calls three instances through a round-robin load balancer that probes every instance every 5 s (DOWN after 2 failed probes, UP after 2 good ones). Each instance also calls a recommendations service that is optional (a non-critical dependency). At 32 s instance 2 crashes for 40 s: watch it turn DOWN within two probes (the event log shows health.down), the refused errors stop, then health.up once it is back. From 90 s the recommendations service fails every call for 20 s: the instances turn DEGRADED but stay in rotation and the client never notices. The "without" variant has no health checks: a third of the calls fail for the whole crash.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['client'],
  figure: 'failures',
  caption:
    'Client failures per second during the faults: the crashed instance leaves rotation within two probes; without health checks a third of the calls fail.',
  withPattern: 'lower',
};
/**
 * R8: client → load balancer (round robin, health checks on or off) → 3 × service, each with an
 * optional call to a shared recommendations service. Instance-2 crashes from 32 s to 72 s;
 * recommendations fails every call from 90 s to 110 s.
 */
export const healthCheckBuiltin: BuiltinScenario = {
  id: 'health-check',
  title: TITLE,
  patterns: ['R8'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const topology = {
      ratePerSec: 200,
      lb: { strategy: 'round-robin', healthCheck: variant === 'with' ? {} : null },
      instance: { workers: 8, serviceTime: { type: 'exponential', meanMs: 10 } },
    };
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R8'],
      variant,
      seed: 8,
      durationMs: 120_000,
      nodes: [
        ...lbNodes(topology),
        builtinNode(
          'recommendations',
          'service',
          'Recommendations',
          { x: 880, y: 300 },
          {
            workers: 8,
            serviceTime: { type: 'exponential', meanMs: 5 },
          },
        ),
      ],
      edges: [
        ...lbEdges(topology),
        ...INSTANCE_IDS.map((id) => builtinEdge(id, 'recommendations', { required: false })),
      ],
      faults: [
        {
          id: 'instance-2-crash',
          type: 'crash',
          target: 'instance-2',
          startMs: HC_CRASH_START_MS,
          durationMs: HC_CRASH_DURATION_MS,
        },
        {
          id: 'recommendations-errors',
          type: 'error-rate',
          target: 'recommendations',
          startMs: HC_DEP_FAULT_START_MS,
          durationMs: HC_DEP_FAULT_DURATION_MS,
          rate: 1,
        },
      ],
    });
  },
};
