import { z } from 'zod';
import { defineFaultType } from '../fault-type.ts';

/** The process is down: calls are refused at once; running and queued calls fail. */
export const crashFault = defineFaultType({
  type: 'crash',
  label: 'crash',
  targets: 'node',
  params: z.strictObject({}),
  summary: () => 'Crash',
  badge: 'crash',
  toggle: { label: 'Crash', title: 'Refuse every request from now on' },
  foldNode(s) {
    s.crashed = true;
  },
});
