import { z } from 'zod';

/**
 * The bulkhead's permit accounting over plain data (docs/patterns.md, R4), with no engine in sight:
 * `inUse` permits of `maxConcurrent`, and `waiting` calls in a bounded FIFO wait queue. The
 * kind keeps the queue's calls themselves; this file decides who runs, who waits and who is
 * turned away. Every function returns a new state and never mutates its input.
 *
 * - A call runs at once when a permit is free and nobody is waiting (FIFO: no overtaking).
 * - Otherwise it waits if fewer than `maxQueue` calls are waiting, else it is rejected.
 * - A finished call returns its permit; the permit goes to the oldest waiter while
 *   `inUse < maxConcurrent` (a lowered `maxConcurrent` is honoured as calls finish).
 * - A waiter that leaves (its `maxWaitMs` expired, or its caller gave up) frees its place in
 *   the queue and never takes a permit.
 */

export const bulkheadConfigSchema = z.strictObject({
  maxConcurrent: z.number().int().min(1).max(100_000).default(10),
  maxQueue: z.number().int().min(0).max(100_000).default(100),
  maxWaitMs: z
    .number()
    .positive()
    .nullable()
    .default(null)
    .meta({ noneLabel: 'Wait for a permit', suggested: 1000 }),
});
export type BulkheadConfig = z.infer<typeof bulkheadConfigSchema>;

export interface BulkheadCounts {
  inUse: number;
  waiting: number;
}

export type Admission = 'run' | 'wait' | 'reject';

export function initialCounts(): BulkheadCounts {
  return { inUse: 0, waiting: 0 };
}

/** A call arrives: does it run now, wait in the queue, or get rejected? */
export function admit(
  cfg: BulkheadConfig,
  s: BulkheadCounts,
): { decision: Admission; next: BulkheadCounts } {
  if (s.inUse < cfg.maxConcurrent && s.waiting === 0) {
    return { decision: 'run', next: { inUse: s.inUse + 1, waiting: s.waiting } };
  }
  if (s.waiting < cfg.maxQueue) {
    return { decision: 'wait', next: { inUse: s.inUse, waiting: s.waiting + 1 } };
  }
  return { decision: 'reject', next: s };
}

/** A running call finished (its downstream answered): its permit is returned. */
export function release(s: BulkheadCounts): BulkheadCounts {
  if (s.inUse <= 0) throw new Error('bulkhead: a permit was returned that was never taken');
  return { inUse: s.inUse - 1, waiting: s.waiting };
}

/** True when the oldest waiter may take a permit now. */
export function canGrant(cfg: BulkheadConfig, s: BulkheadCounts): boolean {
  return s.waiting > 0 && s.inUse < cfg.maxConcurrent;
}

/** The oldest waiter takes a permit (only when `canGrant`). */
export function grant(cfg: BulkheadConfig, s: BulkheadCounts): BulkheadCounts {
  if (!canGrant(cfg, s)) throw new Error('bulkhead: no permit to grant');
  return { inUse: s.inUse + 1, waiting: s.waiting - 1 };
}

/** A waiter leaves the queue without a permit (wait expired, or its caller gave up). */
export function leaveQueue(s: BulkheadCounts): BulkheadCounts {
  if (s.waiting <= 0) throw new Error('bulkhead: nobody is waiting');
  return { inUse: s.inUse, waiting: s.waiting - 1 };
}
