import { z } from 'zod';
import type { Distribution } from '../kernel/distributions.ts';

// Shared zod pieces for kind config schemas. Messages are written for people: they end up
// in the inspector and in CLI errors next to the field's path.

const finite = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine(Number.isFinite, `${what} must be finite`);

export const nonNegativeMs = finite('a duration').min(0, 'must be ≥ 0 ms');
export const positiveMs = finite('a duration').gt(0, 'must be > 0 ms');
export const probability = finite('a probability').min(0, 'must be ≥ 0').max(1, 'must be ≤ 1');

export const distributionSchema: z.ZodType<Distribution> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('constant'), valueMs: nonNegativeMs }),
  z
    .strictObject({ type: z.literal('uniform'), minMs: nonNegativeMs, maxMs: nonNegativeMs })
    .refine((d) => d.maxMs >= d.minMs, { message: 'maxMs must be ≥ minMs', path: ['maxMs'] }),
  z.strictObject({ type: z.literal('exponential'), meanMs: positiveMs }),
  z
    .strictObject({ type: z.literal('lognormal'), medianMs: positiveMs, p99Ms: positiveMs })
    .refine((d) => d.p99Ms >= d.medianMs, {
      message: 'p99Ms must be ≥ medianMs',
      path: ['p99Ms'],
    }),
]);

export const positiveInt = (what: string) =>
  z.number({ error: `${what} must be a whole number` }).int(`${what} must be a whole number`);

export const edgeConfigSchema = z.strictObject({
  latency: distributionSchema.nullable().default(null),
  callProbability: probability.default(1),
  required: z.boolean({ error: 'must be true or false' }).default(true),
  weight: finite('a weight').gt(0, 'must be > 0').default(1),
});
