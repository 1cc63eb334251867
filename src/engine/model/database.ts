import { z } from 'zod';
import { distributionSchema, probability, queueCapacity } from './config-schemas.ts';
import { compileDistribution, type Sampler } from '../kernel/distributions.ts';
import type { RandomStream } from '../kernel/rng.ts';
import type { SimContext } from './context.ts';
import { cachedDerived } from './derived-cache.ts';
import type { KindDefinition, NodeRuntime } from './kind.ts';
import { poolWords } from './load-words.ts';
import { createPoolHandlers, QUEUED_METRIC, type PoolState } from './worker-pool.ts';

export const databaseConfigSchema = z.strictObject({
  connections: z.number().int().min(1).max(10_000).default(10),
  queueCapacity: queueCapacity(),
  writeRatio: probability.default(0.2),
  readTime: distributionSchema.default({ type: 'exponential', meanMs: 2 }),
  writeTime: distributionSchema.default({ type: 'exponential', meanMs: 8 }),
  errorRate: probability.default(0),
});
export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;

interface DatabaseDerived {
  read: Sampler;
  write: Sampler;
  readStream: RandomStream;
  writeStream: RandomStream;
}

function buildDerived(
  ctx: SimContext,
  node: NodeRuntime<DatabaseConfig, PoolState>,
): DatabaseDerived {
  return {
    read: compileDistribution(node.config.readTime),
    write: compileDistribution(node.config.writeTime),
    readStream: ctx.rng(node.index, 'read-time'),
    writeStream: ctx.rng(node.index, 'write-time'),
  };
}

const handlers = createPoolHandlers<DatabaseConfig>({
  workTimeUs(ctx, node) {
    const write = ctx.rng(node.index, 'op').chance(node.config.writeRatio);
    if (write) ctx.count(node.index, 'writes');
    else ctx.count(node.index, 'reads');
    const d = cachedDerived(ctx, node, buildDerived);
    return write ? d.write(d.writeStream) : d.read(d.readStream);
  },
  workers: (c) => c.connections,
  callsDownstream: false,
  callOrder: () => 'after-work',
  callMode: () => 'sequential',
});

/** Connection pool = worker pool; reads and writes draw from their own latency distributions. */
export const databaseKind: KindDefinition<DatabaseConfig, PoolState> = {
  kind: 'database',
  label: 'Database',
  category: 'data',
  description:
    'A database with a connection pool and a wait queue. A share of queries are writes (writeRatio) with their own latency distribution; the rest are reads.',
  configSchema: databaseConfigSchema,
  // A database answers queries and never calls anything.
  outputs: [],
  metrics: [
    QUEUED_METRIC,
    { name: 'reads', label: 'Reads', unit: 'count' },
    { name: 'writes', label: 'Writes', unit: 'count' },
  ],
  describeLoad: (c) => poolWords(c.connections, 'connection', c.queueCapacity),
  // init and every event handler: the shared worker pool.
  ...handlers,
};
