import { z } from 'zod';
import { causeListSchema, DEGRADABLE_CLASSES } from '../kit/index.ts';

/**
 * Answered with the fallback by default: every failure class but client-error
 * (`DEGRADABLE_CLASSES`) — the dependency failing (error, refused, bad-format), no answer in
 * time (timeout), overload and limiter refusals (queue-full; rate-limited, bulkhead-full,
 * shed, throttled), a breaker failing fast (circuit-open) and no route (no-route,
 * no-healthy-target). A client error (unauthorized) is the caller's own mistake and is passed
 * on: a degraded answer would hide it.
 */
export const DEFAULT_FALLBACK_ON: readonly string[] = [...DEGRADABLE_CLASSES];

export const fallbackConfigSchema = z.strictObject({
  /** Failure classes (or single causes) that get the degraded answer; others pass on as is. */
  fallbackOn: causeListSchema(DEFAULT_FALLBACK_ON),
  /** Time to produce the degraded answer: 0 for a static default, a little for a cache read. */
  fallbackLatencyMs: z.number().min(0).max(60_000).default(0),
});
export type FallbackConfig = z.infer<typeof fallbackConfigSchema>;
