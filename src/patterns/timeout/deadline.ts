import { z } from 'zod';

/** PATTERNS.md R3 defaults: a 1 s deadline per call, propagated downstream. */
export const timeoutConfigSchema = z.strictObject({
  timeoutMs: z.number().positive().max(3_600_000).default(1000),
  /**
   * Honour the caller's deadline and pass the tighter one on: the call expires at
   * min(now + timeoutMs, the request's deadline), and downstream hops see that deadline.
   */
  propagateDeadline: z.boolean().default(true),
});
export type TimeoutConfig = z.infer<typeof timeoutConfigSchema>;

/**
 * When a call arriving now at `nowUs` expires (µs): its own deadline, or — with propagation —
 * the request's deadline when that comes first. May be ≤ `nowUs` (already expired).
 */
export function callDeadlineUs(
  cfg: TimeoutConfig,
  nowUs: number,
  requestDeadlineUs: number,
): number {
  const ownUs = nowUs + Math.round(cfg.timeoutMs * 1000);
  return cfg.propagateDeadline ? Math.min(ownUs, requestDeadlineUs) : ownUs;
}

/**
 * Whether the downstream hop needs its own copy of the request carrying `deadlineUs`: only
 * with propagation and when it is tighter than the deadline the request already has.
 */
export function tightensDeadline(
  cfg: TimeoutConfig,
  deadlineUs: number,
  requestDeadlineUs: number,
): boolean {
  return cfg.propagateDeadline && deadlineUs < requestDeadlineUs;
}
