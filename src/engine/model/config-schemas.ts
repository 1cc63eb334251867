import { z } from 'zod';
import type { Distribution } from '../kernel/distributions.ts';

// z.number() already rejects NaN and ±Infinity in zod 4, so every field here is finite.
const constant = z.strictObject({
  type: z.literal('constant'),
  valueMs: z.number().min(0).meta({ title: 'Value' }),
});

const uniform = z
  .strictObject({
    type: z.literal('uniform'),
    minMs: z.number().min(0).meta({ title: 'Minimum' }),
    maxMs: z.number().min(0).meta({ title: 'Maximum' }),
  })
  .refine((d) => d.maxMs >= d.minMs, {
    path: ['maxMs'],
    error: (issue) => {
      const d = issue.input as { minMs: number; maxMs: number };
      return `must be ≥ minMs (${d.minMs}) (got ${d.maxMs})`;
    },
  });

const exponential = z.strictObject({
  type: z.literal('exponential'),
  meanMs: z.number().positive(),
});

const lognormal = z
  .strictObject({
    type: z.literal('lognormal'),
    medianMs: z.number().positive(),
    p99Ms: z.number().positive().meta({ title: 'p99' }),
  })
  .refine((d) => d.p99Ms >= d.medianMs, {
    path: ['p99Ms'],
    error: (issue) => {
      const d = issue.input as { medianMs: number; p99Ms: number };
      return `must be ≥ medianMs (${d.medianMs}) (got ${d.p99Ms})`;
    },
  })
  .meta({ title: 'Log-normal' });

/** A latency / duration distribution (docs/architecture.md §7), all values in milliseconds. */
export const distributionSchema: z.ZodType<Distribution> = z.discriminatedUnion('type', [
  constant,
  uniform,
  exponential,
  lognormal,
]);

/**
 * Metadata a config or fault field may carry (`.meta({ … })`); it travels through the JSON
 * Schema that editors are generated from, so a field says once how it is titled and shown.
 */
declare module 'zod' {
  interface GlobalMeta {
    /** Words for the "none" choice of a nullable field: "No timeout", "Unbounded". */
    noneLabel?: string;
    /** A starting value for editors when the field has no default (or its default is "none"). */
    suggested?: unknown;
    /** The unit shown next to the value: "ms", "/s", "%", "×". */
    unit?: string;
    /** display = stored × scale (100 for a share 0–1 shown as a percentage). */
    scale?: number;
  }
}

/** A share 0–1, shown and edited as a percentage. */
export function share() {
  return z.number().min(0).max(1).meta({ unit: '%', scale: 100 });
}

export const probability = share();

/**
 * The largest relative weight (an edge's, a route's). Weights only compare with each other, so
 * a million to one already sends one call in a million the light way; larger numbers add
 * nothing but a sum that overflows to Infinity and breaks the weighted draw.
 */
export const MAX_WEIGHT = 1_000_000;

/** A relative weight for a weighted choice: positive, at most `MAX_WEIGHT`. */
export function weight() {
  return z.number().positive().max(MAX_WEIGHT);
}

/**
 * The largest queue limit a node may set. The budget guard stops a run long before a queue
 * that long fills (README, "Limits"), so a larger limit could never be reached; `null`
 * ("Unbounded") is how a document asks for no limit.
 */
export const MAX_QUEUE_CAPACITY = 1_000_000;

/** A wait queue's limit in calls; `null` = unbounded (the budget guard still applies). */
export function queueCapacity() {
  return z
    .number()
    .int()
    .min(0)
    .max(MAX_QUEUE_CAPACITY)
    .nullable()
    .default(null)
    .meta({ noneLabel: 'Unbounded', suggested: 100 });
}

/** A message type: `OrderPlaced`, `order.placed`. */
const messageTypeName = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9._-]{0,63}$/,
    'must be a name of letters, digits, ".", "_" or "-" (at most 64)',
  );
/** Types one subscription may filter on: a handful in practice. */
const MAX_FILTER_TYPES = 64;

export const edgeConfigSchema = z.strictObject({
  latency: distributionSchema
    .nullable()
    .default(null)
    .meta({ noneLabel: 'No network latency', suggested: { type: 'constant', valueMs: 1 } }),
  callProbability: probability.default(1),
  required: z.boolean().default(true),
  weight: weight().default(1),
  // Messaging (optional, absent on plain calls): an edge out of a queue with this role takes
  // its dead letters; a publishing edge names the type of the messages it carries.
  role: z
    .enum(['dead-letter'])
    .optional()
    .meta({ title: 'Role', noneLabel: 'Normal (calls or deliveries)' }),
  messageType: messageTypeName.optional().meta({ title: 'Message type' }),
  // On a subscription out of a topic: only messages of these types (absent: every type).
  filterTypes: z
    .array(messageTypeName)
    .min(1)
    .max(MAX_FILTER_TYPES)
    .optional()
    .meta({ title: 'Only message types' }),
});
