import { z } from 'zod';
import { distributionSchema, MAX_QUEUE_CAPACITY, share } from '../../engine/index.ts';

/** Most unacknowledged deliveries one consumer may hold (RabbitMQ's own limit is 65 535). */
const MAX_PREFETCH = 10_000;
/** Most deliveries before dead-lettering (SQS's maxReceiveCount stops at 1000). */
const MAX_DELIVERIES = 1000;

/** How long a message that failed waits before it is visible again. */
const redeliverySchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('none') }),
    z.strictObject({
      type: z.literal('fixed'),
      delayMs: z.number().min(0).meta({ title: 'Delay', unit: 'ms', suggested: 1000 }),
    }),
    z.strictObject({
      type: z.literal('exponential'),
      baseMs: z.number().positive().meta({ title: 'First delay', unit: 'ms', suggested: 500 }),
      maxMs: z.number().positive().meta({ title: 'Longest delay', unit: 'ms', suggested: 30_000 }),
      jitter: share().default(0.5).meta({ title: 'Jitter' }),
    }),
  ])
  .default({ type: 'none' })
  .meta({ title: 'Redelivery delay' });

export const queueConfigSchema = z.strictObject({
  publishLatency: distributionSchema
    .default({ type: 'constant', valueMs: 1 })
    .meta({ title: 'Publish latency' }),
  prefetch: z
    .number()
    .int()
    .min(1)
    .max(MAX_PREFETCH)
    .default(10)
    .meta({ title: 'Prefetch (unacked per consumer)' }),
  visibilityTimeoutMs: z
    .number()
    .positive()
    .default(30_000)
    .meta({ title: 'Visibility timeout', unit: 'ms' }),
  maxDeliveries: z
    .number()
    .int()
    .min(1)
    .max(MAX_DELIVERIES)
    .nullable()
    .default(null)
    .meta({ title: 'Max deliveries', noneLabel: 'Unlimited', suggested: 5 }),
  redelivery: redeliverySchema,
  capacity: z
    .number()
    .int()
    .min(1)
    .max(MAX_QUEUE_CAPACITY)
    .nullable()
    .default(null)
    .meta({ title: 'Capacity (messages)', noneLabel: 'Unbounded', suggested: 10_000 }),
  ack: z
    .enum(['after-processing', 'on-receive'])
    .default('after-processing')
    .meta({ title: 'Acknowledge' }),
  durable: z
    .boolean()
    .default(true)
    .meta({ title: 'Durable (keeps its messages through a broker crash)' }),
  messageTtlMs: z
    .number()
    .positive()
    .nullable()
    .default(null)
    .meta({ title: 'Message time to live', unit: 'ms', noneLabel: 'None', suggested: 60_000 }),
});

export type QueueConfig = z.infer<typeof queueConfigSchema>;
export type Redelivery = QueueConfig['redelivery'];

/** The wait before a message that failed delivery `n` (1 = the first) is visible again, ms. */
export function redeliveryDelayMs(r: Redelivery, delivery: number, u: number): number {
  switch (r.type) {
    case 'none':
      return 0;
    case 'fixed':
      return r.delayMs;
    case 'exponential': {
      const ceiling = Math.min(r.maxMs, r.baseMs * 2 ** Math.max(0, delivery - 1));
      // A share `jitter` of the wait is drawn uniformly; the rest is fixed.
      return ceiling * (1 - r.jitter) + ceiling * r.jitter * u;
    }
  }
}
