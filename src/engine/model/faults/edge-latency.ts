import { z } from 'zod';
import { defineFaultType } from '../fault-type.ts';

/** Extra network latency on an edge, each way. Overlaps add up. */
export const edgeLatencyFault = defineFaultType({
  type: 'edge-latency',
  label: 'edge latency',
  targets: 'edge',
  params: z.strictObject({
    addMs: z.number().positive().meta({ title: 'Added network latency', suggested: 100 }),
  }),
  summary: (p) => `Network latency +${p.addMs} ms`,
  badge: 'slow',
  toggle: {
    label: '+Latency',
    title: 'Add network latency to every call over this edge',
    param: 'addMs',
  },
  foldEdge(s, p) {
    s.addLatencyUs += Math.round(p.addMs * 1000);
  },
});
