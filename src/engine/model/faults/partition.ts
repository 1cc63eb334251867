import { z } from 'zod';
import { defineFaultType } from '../fault-type.ts';

/** The edge drops calls and responses; the caller's timeout ends them. */
export const partitionFault = defineFaultType({
  type: 'partition',
  label: 'partition',
  targets: 'edge',
  params: z.strictObject({}),
  summary: () => 'Partition',
  badge: 'partition',
  toggle: { label: 'Partition', title: 'Fail every call over this edge' },
  foldEdge(s) {
    s.partitioned = true;
  },
});
