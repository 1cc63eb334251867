import { z } from 'zod';
import { defineFaultType } from '../fault-type.ts';

/**
 * The largest slowdown: a thousand times, which already turns a 10 ms call into 10 s, longer
 * than any timeout a lesson sets. (A larger one adds no work, only numbers that overflow.)
 */
export const MAX_LATENCY_MULTIPLIER = 1000;

/** Work takes longer: `addMs` more and `multiplier` times as long. Overlaps add and multiply. */
export const latencyFault = defineFaultType({
  type: 'latency',
  label: 'latency',
  targets: 'node',
  params: z.strictObject({
    addMs: z.number().min(0).default(0).meta({ title: 'Added latency', suggested: 200 }),
    multiplier: z
      .number()
      .min(1)
      .max(MAX_LATENCY_MULTIPLIER)
      .default(1)
      .meta({ title: 'Multiplier', unit: '×' }),
  }),
  // A latency fault that neither adds nor multiplies is almost certainly a mistake.
  check: (p) =>
    p.addMs > 0 || p.multiplier > 1
      ? null
      : {
          field: 'addMs',
          message:
            'a latency fault must set addMs > 0 or multiplier > 1 (both default to no change)',
        },
  summary: (p) =>
    `Latency ${[p.addMs > 0 ? `+${p.addMs} ms` : '', p.multiplier !== 1 ? `×${p.multiplier}` : '']
      .filter(Boolean)
      .join(' ')}`.trim(),
  badge: 'slow',
  toggle: { label: '+Latency', title: 'Add this much to every request', param: 'addMs' },
  foldNode(s, p) {
    s.addLatencyUs += Math.round(p.addMs * 1000);
    s.latencyMultiplier *= p.multiplier;
  },
});
