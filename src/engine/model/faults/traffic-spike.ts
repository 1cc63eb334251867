import { z } from 'zod';
import { defineFaultType } from '../fault-type.ts';

/** A traffic source sends `multiplier` times its rate (below 1 thins it). Overlaps multiply. */
export const trafficSpikeFault = defineFaultType({
  type: 'traffic-spike',
  label: 'traffic spike',
  targets: 'source',
  params: z.strictObject({
    multiplier: z.number().positive().default(5).meta({ title: 'Traffic multiplier', unit: '×' }),
  }),
  summary: (p) => `Traffic spike ×${p.multiplier}`,
  badge: 'spike',
  toggle: { label: 'Traffic spike', title: 'Multiply the request rate', param: 'multiplier' },
  foldNode(s, p) {
    s.trafficMultiplier *= p.multiplier;
  },
});
