import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Traffic ramps from 50 to 200 req/s over the first minute, then holds. */
export const AUTOSCALING_RAMP_MS = 60_000;
export const AUTOSCALING_DURATION_MS = 240_000;
/** Each instance runs this many workers; `without` is fixed at minInstances (2) × this. */
export const AUTOSCALING_WORKERS_PER_INSTANCE = 4;

const TITLE = 'Autoscaling';
const DESCRIPTION =
  'A client ramps from 50 to 200 req/s over the first minute (×4) and then holds, calling a service whose instances each run 4 workers of 100 ms (40 req/s per instance). The autoscaler keeps 2 to 10 instances, evaluates every 10 s, targets 70% utilization and needs 30 s to provision an instance. Watch the instance count on the node climb 2 → 3 → 5 → 8 → 10 a provisioning delay behind the ramp: the queue and the latency build up while instances start (requests past the 2 s timeout fail), then the backlog drains and latency recovers. The "without" variant is the same service fixed at 2 instances (8 workers): its queue grows without end and every request times out. No fault is injected: the ramp is the load.';

const SERVICE_TIME = { type: 'exponential', meanMs: 100 } as const;

/**
 * R11: client (ramp 50 → 200 req/s over 60 s, 2 s timeout) → service (exponential 100 ms,
 * 4 workers per instance). `with`: an autoscaled-service with its default autoscaling (2–10
 * instances, target 70%, scale down below 35%, evaluate every 10 s, 30 s provisioning, 60 s
 * cooldown). `without`: a plain service of 8 workers, the same id and service-time stream.
 */
export const autoscalingBuiltin: BuiltinScenario = {
  id: 'autoscaling',
  title: TITLE,
  patterns: ['R11'],
  description: DESCRIPTION,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    const position = { x: 360, y: 300 };
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      patterns: ['R11'],
      variant,
      seed: 11,
      durationMs: AUTOSCALING_DURATION_MS,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 300 },
          {
            arrival: { type: 'ramp', fromPerSec: 50, toPerSec: 200, rampMs: AUTOSCALING_RAMP_MS },
            timeoutMs: 2000,
          },
        ),
        on
          ? builtinNode('service', 'autoscaled-service', 'Service (autoscaled)', position, {
              workersPerInstance: AUTOSCALING_WORKERS_PER_INSTANCE,
              serviceTime: SERVICE_TIME,
            })
          : builtinNode('service', 'service', 'Service (2 instances)', position, {
              workers: 2 * AUTOSCALING_WORKERS_PER_INSTANCE,
              serviceTime: SERVICE_TIME,
            }),
      ],
      edges: [builtinEdge('client', 'service')],
    });
  },
};
