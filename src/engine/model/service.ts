import { z } from 'zod';
import { compileDistribution, type Distribution, type Sampler } from '../kernel/distributions.ts';
import { distributionSchema, probability } from './config-schemas.ts';
import type { KindDefinition } from './kind.ts';
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

// Compiled samplers are cached by distribution object, so live config edits take effect.
const samplers = new WeakMap<Distribution, Sampler>();
export function samplerFor(d: Distribution): Sampler {
  let s = samplers.get(d);
  if (!s) {
    s = compileDistribution(d);
    samplers.set(d, s);
  }
  return s;
}

const handlers = createPoolHandlers<ServiceConfig>({
  workTimeUs: (ctx, node) =>
    samplerFor(node.config.serviceTime)(ctx.rng(node.index, 'service-time')),
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
