import { z } from 'zod';
import type { Distribution } from '../kernel/distributions.ts';

// z.number() already rejects NaN and ±Infinity in zod 4, so every field here is finite.
const constant = z.strictObject({
  type: z.literal('constant'),
  valueMs: z.number().min(0),
});

const uniform = z
  .strictObject({
    type: z.literal('uniform'),
    minMs: z.number().min(0),
    maxMs: z.number().min(0),
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
    p99Ms: z.number().positive(),
  })
  .refine((d) => d.p99Ms >= d.medianMs, {
    path: ['p99Ms'],
    error: (issue) => {
      const d = issue.input as { medianMs: number; p99Ms: number };
      return `must be ≥ medianMs (${d.medianMs}) (got ${d.p99Ms})`;
    },
  });

/** A latency / duration distribution (DESIGN.md §4), all values in milliseconds. */
export const distributionSchema: z.ZodType<Distribution> = z.discriminatedUnion('type', [
  constant,
  uniform,
  exponential,
  lognormal,
]);

export const probability = z.number().min(0).max(1);

export const edgeConfigSchema = z.strictObject({
  latency: distributionSchema.nullable().default(null),
  callProbability: probability.default(1),
  required: z.boolean().default(true),
  weight: z.number().positive().default(1),
});
