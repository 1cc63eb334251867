import type { ScenarioWatch } from '../../engine/index.ts';
import type { SimFault } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Instance-3 hangs from 20 s to 30 s, then fails 60% of its calls until 90 s. */
export const MESH_HANG_START_MS = 20_000;
export const MESH_HANG_END_MS = 30_000;
export const MESH_ERRORS_END_MS = 90_000;

export const MESH_INSTANCES = ['instance-1', 'instance-2', 'instance-3'] as const;
/** Edge weights of the traffic split, in MESH_INSTANCES order: 40% / 40% / 20%. */
export const MESH_WEIGHTS = [2, 2, 1] as const;

const TITLE = 'Service-mesh sidecar: retries, timeouts and ejection in one hop';
const DESCRIPTION =
  'A client (Poisson 200 req/s, 2 s timeout) calls three instances through an Envoy-style sidecar that splits traffic 40/40/20 by edge weight, gives every attempt a 1 s timeout, retries a failed attempt up to 3 attempts in all on an instance not tried yet (jittered backoff from 25 ms), and ejects an instance after 5 consecutive 5xx (errors or timeouts) for 30 s × its ejection multiplier (+1 per ejection, −1 per 10 s sweep spent in rotation; at most 50% of instances). The bad instance is instance-3: it hangs from 20 s to 30 s, then fails 60% of its calls until 90 s. Watch the sidecar time out the hung attempts and retry them elsewhere, eject instance-3 about a second into the hang ("2/3 in rotation", sidecar.ejected in the event log), re-admit it at the 60 s sweep, eject it again for 60 s as it still fails, and re-admit it for good at 130 s. The "without" variant is a plain load balancer with the same weighted split and nothing else: a fifth of the calls hang until the client gives up, then 60% of them fail.';

function faults(): SimFault[] {
  return [
    {
      id: 'instance-3-hang',
      type: 'hang',
      target: 'instance-3',
      startMs: MESH_HANG_START_MS,
      durationMs: MESH_HANG_END_MS - MESH_HANG_START_MS,
    },
    {
      id: 'instance-3-errors',
      type: 'error-rate',
      target: 'instance-3',
      startMs: MESH_HANG_END_MS,
      durationMs: MESH_ERRORS_END_MS - MESH_HANG_END_MS,
      rate: 0.6,
    },
  ];
}

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['client'],
  figure: 'failures',
  caption:
    'Client failures per second while instance 3 hangs, then fails: the sidecar times out, retries elsewhere and ejects it; a plain load balancer passes the failures on.',
  withPattern: 'lower',
};
/**
 * E3 (service mesh / sidecar): client → sidecar (with) or weighted load balancer (without)
 * → 3 instances weighted 2:2:1; instance-3 hangs, then fails 60% of its calls.
 */
export const serviceMeshSidecarBuiltin: BuiltinScenario = {
  id: 'service-mesh-sidecar',
  title: TITLE,
  patterns: ['E3'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const proxy =
      variant === 'with'
        ? builtinNode('sidecar', 'sidecar', 'Sidecar', { x: 360, y: 300 })
        : builtinNode(
            'lb',
            'load-balancer',
            'Load balancer (weighted)',
            { x: 360, y: 300 },
            {
              strategy: 'weighted',
            },
          );
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['E3'],
      variant,
      seed: 31,
      durationMs: 150_000,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 300 },
          { arrival: { type: 'poisson', ratePerSec: 200 }, timeoutMs: 2000 },
        ),
        proxy,
        ...MESH_INSTANCES.map((id, i) =>
          builtinNode(
            id,
            'service',
            `Instance ${i + 1}`,
            { x: 620, y: 160 + 140 * i },
            { workers: 8, serviceTime: { type: 'exponential', meanMs: 10 } },
          ),
        ),
      ],
      edges: [
        builtinEdge('client', proxy.id),
        ...MESH_INSTANCES.map((id, i) =>
          builtinEdge(proxy.id, id, { weight: MESH_WEIGHTS[i] as number }),
        ),
      ],
      faults: faults(),
    });
  },
};
