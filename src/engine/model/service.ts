import { z } from 'zod';
import { compileDistribution, type Sampler } from '../kernel/distributions.ts';
import type { RandomStream } from '../kernel/rng.ts';
import type { SimContext } from './context.ts';
import { cachedDerived } from './derived-cache.ts';
import { distributionSchema, probability, queueCapacity } from './config-schemas.ts';
import type { KindDefinition, NodeRuntime } from './kind.ts';
import { poolWords } from './load-words.ts';
import { createPoolHandlers, QUEUED_METRIC, type PoolState } from './worker-pool.ts';

export const serviceConfigSchema = z.strictObject({
  workers: z.number().int().min(1).max(10_000).default(1),
  queueCapacity: queueCapacity(),
  serviceTime: distributionSchema.default({ type: 'exponential', meanMs: 10 }),
  errorRate: probability.default(0),
  callOrder: z.enum(['after-work', 'before-work']).default('after-work'),
  callMode: z.enum(['sequential', 'parallel']).default('sequential'),
});
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

interface ServiceDerived {
  sample: Sampler;
  stream: RandomStream;
}

/** The compiled service-time sampler and its stream (cached until the config changes). */
function buildDerived(
  ctx: SimContext,
  node: NodeRuntime<ServiceConfig, PoolState>,
): ServiceDerived {
  return {
    sample: compileDistribution(node.config.serviceTime),
    stream: ctx.rng(node.index, 'service-time'),
  };
}

const handlers = createPoolHandlers<ServiceConfig>({
  workTimeUs(ctx, node) {
    const d = cachedDerived(ctx, node, buildDerived);
    return d.sample(d.stream);
  },
  workers: (c) => c.workers,
  callsDownstream: true,
  callOrder: (c) => c.callOrder,
  callMode: (c) => c.callMode,
});

export const serviceKind: KindDefinition<ServiceConfig, PoolState> = {
  kind: 'service',
  label: 'Service',
  category: 'compute',
  description:
    'A service with a pool of workers and a FIFO wait queue. Each request takes a sampled service time, may fail with errorRate, and calls the services on its outgoing edges before or after its own work.',
  configSchema: serviceConfigSchema,
  metrics: [QUEUED_METRIC],
  describeLoad: (c) => poolWords(c.workers, 'worker', c.queueCapacity),
  // init and every event handler: the shared worker pool.
  ...handlers,
};
