import { z } from 'zod';
import { share } from '../config-schemas.ts';
import { defineFaultType } from '../fault-type.ts';
import { percent } from './words.ts';

/** A share of calls fails with an error; overlapping faults: the largest share wins. */
export const errorRateFault = defineFaultType({
  type: 'error-rate',
  label: 'error rate',
  targets: 'node',
  params: z.strictObject({
    rate: share().meta({ title: 'Error rate', suggested: 0.5 }),
  }),
  summary: (p) => `Error rate ${percent(p.rate)}`,
  badge: 'errors',
  toggle: { label: 'Error %', title: 'Fail this share of requests', param: 'rate' },
  foldNode(s, p) {
    s.errorRate = Math.max(s.errorRate, p.rate);
  },
});
