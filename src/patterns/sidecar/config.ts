import { z } from 'zod';
import {
  causeListSchema,
  DEFAULT_RETRY_ON,
  outlierConfigSchema,
  type AttemptPolicy,
} from '../kit/index.ts';

/**
 * The sidecar's config (docs/patterns.md, E3), with Envoy / Istio defaults: a 1 s per-try timeout,
 * 3 attempts (Istio's default of 2 retries) with Envoy's fully jittered exponential backoff
 * from 25 ms up to 250 ms, and consecutive-5xx outlier detection (5 failures, 30 s, ≤ 50%).
 * The weighted split reads each outgoing edge's `weight`.
 */
export const sidecarConfigSchema = z.strictObject({
  /** Each attempt is abandoned after this long (bounded by the request's own deadline). */
  timeoutMs: z.number().positive().max(3_600_000).default(1000),
  /** Attempts in all, the first call included. */
  maxAttempts: z.number().int().min(1).max(10).default(3),
  /** Retry backoff: full jitter over min(cap, base · 2ⁿ). */
  backoffBaseMs: z.number().min(0).max(60_000).default(25),
  backoffCapMs: z.number().min(0).max(600_000).default(250),
  /** Failure classes (or single causes) retried (on another instance when one is left). */
  retryOn: causeListSchema(DEFAULT_RETRY_ON),
  /** Passive health checking of the instances; null switches it off. */
  outlierDetection: outlierConfigSchema
    .nullable()
    .default(() => outlierConfigSchema.parse({}))
    .meta({ noneLabel: 'No outlier detection' }),
});
export type SidecarConfig = z.infer<typeof sidecarConfigSchema>;

/**
 * The attempt driver's policy: fully jittered exponential backoff (×2) without a retry
 * budget, each attempt bounded by `timeoutMs` and by the request's own deadline.
 */
export function sidecarPolicy(c: SidecarConfig): AttemptPolicy {
  return {
    maxAttempts: c.maxAttempts,
    backoff: 'exponential',
    baseMs: c.backoffBaseMs,
    multiplier: 2,
    capMs: c.backoffCapMs,
    jitter: 'full',
    retryOn: c.retryOn,
    budgetRatio: null,
    budgetMinPerSec: 0,
    budgetBurst: 1,
    attemptTimeoutMs: c.timeoutMs,
    propagateDeadline: true,
  };
}
