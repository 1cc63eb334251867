import { z } from 'zod';
import { compileDistribution, type Sampler } from '../kernel/distributions.ts';
import type { RandomStream } from '../kernel/rng.ts';
import type { SimContext } from './context.ts';
import { distributionSchema, probability } from './config-schemas.ts';
import type { KindDefinition, NodeRuntime } from './kind.ts';
import { createPoolHandlers, QUEUED_METRIC, type PoolState } from './worker-pool.ts';

export const serviceConfigSchema = z.strictObject({
  workers: z.number().int().min(1).max(10_000).default(1),
  queueCapacity: z.number().int().min(0).nullable().default(null),
  serviceTime: distributionSchema.default({ type: 'exponential', meanMs: 10 }),
  errorRate: probability.default(0),
  callOrder: z.enum(['after-work', 'before-work']).default('after-work'),
  callMode: z.enum(['sequential', 'parallel']).default('sequential'),
});
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

interface ServiceDerived {
  config: ServiceConfig;
  sample: Sampler;
  stream: RandomStream;
}

/** The compiled service-time sampler and its stream, rebuilt when the config object changes. */
function derivedOf(ctx: SimContext, node: NodeRuntime<ServiceConfig, PoolState>): ServiceDerived {
  const d = node.derived as ServiceDerived | undefined;
  if (d && d.config === node.config) return d;
  const fresh: ServiceDerived = {
    config: node.config,
    sample: compileDistribution(node.config.serviceTime),
    stream: ctx.rng(node.index, 'service-time'),
  };
  node.derived = fresh;
  return fresh;
}

const handlers = createPoolHandlers<ServiceConfig>({
  workTimeUs(ctx, node) {
    const d = derivedOf(ctx, node);
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
  init: handlers.init,
  onCall: handlers.onCall,
  onTimer: handlers.onTimer,
  onResponse: handlers.onResponse,
  onFaultChange: handlers.onFaultChange,
  onConfigChange: handlers.onConfigChange,
};
