import { z } from 'zod';
import { createRegistry, type KindDefinition, type KindRegistry } from '../engine/index.ts';
import { distributionSchema } from './distribution-schema.ts';

// Test-only fake kinds: just enough config shape to exercise validation, no behaviour.

const clientConfig = z.object({
  arrival: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('poisson'), ratePerSec: z.number().positive() }),
      z.object({ type: z.literal('constant'), ratePerSec: z.number().positive() }),
    ])
    .default({ type: 'poisson', ratePerSec: 10 }),
  timeoutMs: z.number().positive().default(1000),
});

const serviceConfig = z.object({
  workers: z.number().int().min(1).default(1),
  queueCapacity: z.number().int().min(0).nullable().default(null),
  serviceTime: distributionSchema.default({ type: 'exponential', meanMs: 10 }),
  errorRate: z.number().min(0).max(1).default(0),
});

const databaseConfig = z.object({
  queryTime: distributionSchema.default({ type: 'constant', valueMs: 2 }),
});

function fakeKind<C>(
  kind: string,
  configSchema: z.ZodType<C>,
  extra: Partial<KindDefinition<C, object>> = {},
): KindDefinition<C, object> {
  return {
    kind,
    label: kind,
    category: 'compute',
    description: `fake ${kind} for tests`,
    configSchema,
    metrics: [],
    init: () => ({}),
    ...extra,
  };
}

export function createTestRegistry(): KindRegistry {
  return createRegistry([
    fakeKind('client', clientConfig, { isSource: true, category: 'traffic' }),
    fakeKind('service', serviceConfig),
    fakeKind('database', databaseConfig, { category: 'data' }),
  ]);
}
