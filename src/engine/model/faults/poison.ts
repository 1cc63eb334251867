import { z } from 'zod';
import { share } from '../config-schemas.ts';
import { defineFaultType } from '../fault-type.ts';
import { percent } from './words.ts';

/** The key a poison fault folds into, in `NodeFaultState.custom`. */
export const POISON_FAULT = 'poison';

/**
 * A share of the messages a producer (a client or a service) publishes is poisoned: the
 * broker marks them, and every consumer attempt at one fails with `poison-message`, however
 * often it is delivered. Overlapping faults: the largest share wins.
 */
export const poisonFault = defineFaultType({
  type: POISON_FAULT,
  label: 'poison messages',
  targets: 'node',
  params: z.strictObject({
    rate: share().meta({ title: 'Poisoned share', suggested: 0.02 }),
  }),
  summary: (p) => `Poison ${percent(p.rate)} of its messages`,
  badge: 'poison',
  // No live toggle: any node may publish, and a Poison button on each would crowd the
  // inspector; the fault is set on the timeline.
  foldNode(s, p) {
    s.custom[POISON_FAULT] = Math.max(s.custom[POISON_FAULT] ?? 0, p.rate);
  },
});
