import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Traffic ramps from 50 to 200 req/s over the first minute, then holds. */
export const AUTOSCALING_RAMP_MS = 60_000;
/** Then it halves (traffic-spike ×0.5) and halves again 30 s later: back to the base 50 req/s. */
export const AUTOSCALING_FIRST_DROP_MS = 240_000;
export const AUTOSCALING_SECOND_DROP_MS = 270_000;
export const AUTOSCALING_DURATION_MS = 360_000;
/** Each instance runs this many workers; `without` is fixed at minInstances (2) × this. */
export const AUTOSCALING_WORKERS_PER_INSTANCE = 4;

const TITLE = 'Autoscaling';
const DESCRIPTION =
  'A client ramps from 50 to 200 req/s over the first minute (×4) and holds until 240 s; then two traffic-spike faults of ×0.5 (at 240 s and 270 s) bring it back to 50 req/s. It calls a service whose instances each run 4 workers of 100 ms (40 req/s per instance). The autoscaler keeps 2 to 10 instances, evaluates every 10 s, targets 70% utilization, scales down below 35% with a 60 s cooldown and needs 30 s to provision an instance. Watch the instance count on the node climb 2 → 3 → 5 → 8 → 10 a provisioning delay behind the ramp: the queue and the latency build up while instances start (requests past the 2 s timeout fail), then the backlog drains and latency recovers. When traffic halves it drops to 4 at the next evaluation; when it halves again the 4 instances run at ≈ 31% yet stay for the 60 s cooldown before dropping to the minimum of 2. The "without" variant is the same service with its autoscaler pinned at 2 instances (8 workers): its queue grows for as long as traffic exceeds 80 req/s and every request times out.';

const SERVICE_TIME = { type: 'exponential', meanMs: 100 } as const;

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['service'],
  figure: 'metric:instanceMs',
  caption:
    'Instances serving (instance-time ÷ time): the autoscaler follows the ramp from 2 up to 10 and back down; without it the service stays at 2.',
  withPattern: 'higher',
  over: 'run',
};
/**
 * R11: client (ramp 50 → 200 req/s over 60 s, ×0.5 at 240 s and again at 270 s, 2 s
 * timeout) → service (exponential 100 ms, 4 workers per instance). `with`: an autoscaled-service with its default autoscaling (2–10
 * instances, target 70%, scale down below 35%, evaluate every 10 s, 30 s provisioning, 60 s
 * cooldown). `without`: the same service pinned at 2 instances (8 workers), the same id and
 * service-time stream.
 */
export const autoscalingBuiltin: BuiltinScenario = {
  id: 'autoscaling',
  title: TITLE,
  patterns: ['R11'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    const position = { x: 360, y: 300 };
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
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
          : // The same kind pinned at 2 instances: a fixed pool of 8 workers that still
            // records its instance-time, so both variants chart the instance count.
            builtinNode(
              'service',
              'autoscaled-service',
              'Service (fixed at 2 instances)',
              position,
              {
                workersPerInstance: AUTOSCALING_WORKERS_PER_INSTANCE,
                serviceTime: SERVICE_TIME,
                autoscaling: { minInstances: 2, maxInstances: 2 },
              },
            ),
      ],
      edges: [builtinEdge('client', 'service')],
      faults: [AUTOSCALING_FIRST_DROP_MS, AUTOSCALING_SECOND_DROP_MS].map((startMs, i) => ({
        id: `traffic-drop-${i + 1}`,
        type: 'traffic-spike' as const,
        target: 'client',
        startMs,
        durationMs: null,
        multiplier: 0.5,
      })),
    });
  },
};
