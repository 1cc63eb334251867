import { z } from 'zod';
import { defineFaultType } from '../fault-type.ts';

/**
 * The largest spike: a thousand times the client's rate. A lesson's spike is 2–10×, and the
 * highest client rate times this is already a request every 10 ns, far past the budget guard
 * (README, "Limits"); a spike of 1e300 used to exhaust the tab's memory.
 */
export const MAX_TRAFFIC_MULTIPLIER = 1000;

/** A traffic source sends `multiplier` times its rate (below 1 thins it). Overlaps multiply. */
export const trafficSpikeFault = defineFaultType({
  type: 'traffic-spike',
  label: 'traffic spike',
  targets: 'source',
  params: z.strictObject({
    multiplier: z
      .number()
      .positive()
      .max(MAX_TRAFFIC_MULTIPLIER)
      .default(5)
      .meta({ title: 'Traffic multiplier', unit: '×' }),
  }),
  summary: (p) => `Traffic spike ×${p.multiplier}`,
  badge: 'spike',
  toggle: { label: 'Traffic spike', title: 'Multiply the request rate', param: 'multiplier' },
  foldNode(s, p) {
    s.trafficMultiplier *= p.multiplier;
  },
});
