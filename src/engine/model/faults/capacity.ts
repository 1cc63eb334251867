import { z } from 'zod';
import { share } from '../config-schemas.ts';
import { defineFaultType } from '../fault-type.ts';
import { percent } from './words.ts';

/**
 * The most workers a capacity fault may name: as many as the largest pool a node can have
 * (an autoscaled service's 1000 instances × 1000 workers); a capacity fault only ever lowers.
 */
export const MAX_FAULT_WORKERS = 1_000_000;

/** Fewer workers: a share of them, or an absolute count. Overlaps: the smallest wins. */
export const capacityFault = defineFaultType({
  type: 'capacity',
  label: 'capacity',
  targets: 'node',
  params: z.strictObject({
    factor: share().default(0.5).meta({ title: 'Remaining capacity' }),
    workers: z
      .number()
      .int()
      .min(0)
      .max(MAX_FAULT_WORKERS)
      .nullable()
      .default(null)
      .meta({ title: 'Workers', noneLabel: 'Use the share' }),
  }),
  summary: (p) =>
    p.workers !== null ? `Capacity ${p.workers} workers` : `Capacity ${percent(p.factor)}`,
  badge: 'capacity',
  toggle: { label: 'Capacity', title: 'Keep only this share of the workers', param: 'factor' },
  foldNode(s, p) {
    if (p.workers !== null) s.capacityWorkers = Math.min(s.capacityWorkers ?? Infinity, p.workers);
    else s.capacityFactor = Math.min(s.capacityFactor, p.factor);
  },
});
