import { z } from 'zod';
import { defineFaultType, share, type NodeFaultState } from '../../engine/index.ts';

const TYPE = 'legacy-format';

/**
 * A share `rate` of a legacy system's answers carry values its model never documented. Only
 * kinds that list it in `kindFaults` react to it (and only they may be its target).
 */
export const legacyFormatFault = defineFaultType({
  type: TYPE,
  label: 'legacy format',
  targets: 'kind',
  params: z.strictObject({
    rate: share().meta({ title: 'Undocumented answers', suggested: 0.1 }),
  }),
  summary: (p) => `Legacy format ${Number((p.rate * 100).toFixed(2))}% undocumented`,
  badge: 'legacy format',
  toggle: {
    label: 'Legacy format',
    title: 'Answer this share in values the legacy model never documented',
    param: 'rate',
  },
  // Overlapping faults: the largest share wins.
  foldNode(s, p) {
    s.custom[TYPE] = Math.max(s.custom[TYPE] ?? 0, p.rate);
  },
});

/** The share of undocumented answers the active legacy-format faults ask for (0 when none). */
export function legacyFormatShare(faults: NodeFaultState): number {
  return faults.custom[TYPE] ?? 0;
}
