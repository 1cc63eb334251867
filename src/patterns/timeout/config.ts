import { z } from 'zod';
import type { DeadlineRule } from '../kit/index.ts';

/** The R3 defaults of docs/patterns.md: a 1 s deadline per call, propagated downstream. */
export const timeoutConfigSchema = z.strictObject({
  timeoutMs: z.number().positive().max(3_600_000).default(1000),
  /**
   * Honour the caller's deadline and pass the tighter one on: the call expires at
   * min(now + timeoutMs, the request's deadline), and downstream hops see that deadline.
   */
  propagateDeadline: z.boolean().default(true),
});
export type TimeoutConfig = z.infer<typeof timeoutConfigSchema> & DeadlineRule;
