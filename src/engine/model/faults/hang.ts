import { z } from 'zod';
import { defineFaultType } from '../fault-type.ts';

/** The process accepts calls and never answers them: only timeouts end them. */
export const hangFault = defineFaultType({
  type: 'hang',
  label: 'hang',
  targets: 'node',
  params: z.strictObject({}),
  summary: () => 'Hang',
  badge: 'hang',
  toggle: { label: 'Hang', title: 'Accept requests but never answer them' },
  foldNode(s) {
    s.hung = true;
  },
});
