import { z } from 'zod';
import type { SimFault } from '../engine/index.ts';
import { idSchema } from './id-schema.ts';

const common = {
  id: idSchema,
  /** Node id, or edge id for edge faults; checked against the graph after parsing. */
  target: z.string(),
  startMs: z.number().min(0),
  /** `null` = until the end of the run. */
  durationMs: z.number().positive().nullable().default(null),
};

const errorRate = z.strictObject({
  ...common,
  type: z.literal('error-rate'),
  rate: z.number().min(0).max(1),
});

const latency = z
  .strictObject({
    ...common,
    type: z.literal('latency'),
    addMs: z.number().min(0).default(0),
    multiplier: z.number().min(1).default(1),
  })
  // A latency fault that neither adds nor multiplies is almost certainly a mistake.
  .refine((f) => f.addMs > 0 || f.multiplier > 1, {
    error: 'a latency fault must set addMs > 0 or multiplier > 1 (both default to no change)',
  });

const crash = z.strictObject({ ...common, type: z.literal('crash') });
const hang = z.strictObject({ ...common, type: z.literal('hang') });

const capacity = z.strictObject({
  ...common,
  type: z.literal('capacity'),
  /** Fraction of the normal capacity that remains. */
  factor: z.number().min(0).max(1).default(0.5),
  /** An absolute worker count, overriding `factor` when set. */
  workers: z.number().int().min(0).nullable().default(null),
});

const partition = z.strictObject({ ...common, type: z.literal('partition') });

const edgeLatency = z.strictObject({
  ...common,
  type: z.literal('edge-latency'),
  addMs: z.number().positive(),
});

const trafficSpike = z.strictObject({
  ...common,
  type: z.literal('traffic-spike'),
  multiplier: z.number().positive().default(5),
});

/** Only for kinds that list it in `kindFaults` (checked against the graph after parsing). */
const legacyFormat = z.strictObject({
  ...common,
  type: z.literal('legacy-format'),
  /** Share of answers carrying values the legacy model never documented. */
  rate: z.number().min(0).max(1),
});

/** One timeline fault (DESIGN.md §3), discriminated on `type`; fields match `SimFault`. */
export const faultSchema = z.discriminatedUnion('type', [
  errorRate,
  latency,
  crash,
  hang,
  capacity,
  partition,
  edgeLatency,
  trafficSpike,
  legacyFormat,
]) satisfies z.ZodType<SimFault>; // the parsed shape is exactly what the engine consumes
