import { z } from 'zod';
import {
  causeListSchema,
  causeMatches,
  TROUBLE_CLASSES,
  type CauseClassifier,
} from './cause-classes.ts';
import { AS_PERCENT } from './field-meta.ts';

/**
 * Recorded as failures by default: failures that say the dependency is unhealthy
 * (`TROUBLE_CLASSES`: server errors, refusals and unreadable answers, timeouts, and a full
 * queue — the protected service's own overload answer, a 503). A limiter in front of a
 * dependency turning calls away (rate-limited, bulkhead-full, shed, throttled), a breaker
 * failing fast (circuit-open), no route and client errors are absent: they say nothing about
 * the dependency's health. Any cause not matched is ignored (neither success nor failure), as
 * Resilience4j's ignoreExceptions.
 */
export const DEFAULT_RECORD_FAILURE_ON: readonly string[] = [...TROUBLE_CLASSES];

/**
 * The largest call count a breaker rule may name (a threshold, a minimum, a probe count). A
 * breaker meant never to trip is set this high — a million calls is more than a lesson's run
 * sends through one breaker —, so a larger number would mean nothing more.
 */
export const MAX_BREAKER_CALLS = 1_000_000;

const callCount = () => z.number().int().min(1).max(MAX_BREAKER_CALLS);

/** The R1 defaults of docs/patterns.md, in Resilience4j's model. */
export const breakerConfigSchema = z.strictObject({
  /**
   * What trips CLOSED: N consecutive failures, the failure rate over the window, or either
   * (the slow-call rule applies under every policy once slowCallDurationMs is set).
   */
  tripPolicy: z.enum(['consecutive-failures', 'failure-rate', 'either']).default('either'),
  failureThreshold: callCount().default(5),
  failureRateThreshold: z.number().gt(0).max(1).default(0.5).meta(AS_PERCENT),
  slidingWindowType: z.enum(['count', 'time']).default('count'),
  /** Calls (count window) or seconds (time window). */
  slidingWindowSize: z.number().int().min(1).max(10_000).default(20),
  minimumCalls: callCount().default(10),
  /** Failure classes (or single causes) recorded as failures; any other is ignored. */
  recordFailureOn: causeListSchema(DEFAULT_RECORD_FAILURE_ON),
  slowCallDurationMs: z
    .number()
    .positive()
    .nullable()
    .default(null)
    .meta({ noneLabel: 'No slow-call rule', suggested: 1000 }),
  slowCallRateThreshold: z.number().gt(0).max(1).default(1).meta(AS_PERCENT),
  waitDurationInOpenMs: z.number().min(0).default(30_000),
  /** OPEN → HALF_OPEN when the wait elapses (a timer) rather than on the next call. */
  automaticTransitionToHalfOpen: z.boolean().default(false),
  permittedCallsInHalfOpen: callCount().default(3),
  /**
   * HALF_OPEN: "rate" (all permitted probes in, then the failure / slow rates decide),
   * "rate-after-minimum-calls" (Resilience4j's: the same rates once min(minimumCalls,
   * permittedCallsInHalfOpen) are in) or "first-failure" (one bad probe re-opens,
   * successesToClose good ones close).
   */
  halfOpenDecision: z.enum(['rate', 'rate-after-minimum-calls', 'first-failure']).default('rate'),
  /** Read only by halfOpenDecision "first-failure". */
  successesToClose: callCount().default(2),
  /** Resilience4j's manual states, as a live toggle. */
  forcedState: z.enum(['none', 'forced-open', 'disabled']).default('none'),
});
export type BreakerConfig = z.infer<typeof breakerConfigSchema>;

/** Fields only the circuit-breaker kind implements (a timer, live manual states). */
export type BreakerHostOptions = 'automaticTransitionToHalfOpen' | 'forcedState';

/**
 * What the machine reads: the whole config, where a host that does not offer the
 * kind-only options (the gateway) may leave them out (then: no timer, no manual state).
 */
export type BreakerRules = Omit<BreakerConfig, BreakerHostOptions> &
  Partial<Pick<BreakerConfig, BreakerHostOptions>>;

/** How the breaker records one call's result. */
export type CallResult = 'success' | 'failure' | 'ignored';

/**
 * A response's result for the breaker: ok → success; a failure whose cause or class is in
 * `recordFailureOn` → failure; else ignored.
 */
export function classifyResult(
  cfg: Pick<BreakerRules, 'recordFailureOn'>,
  ok: boolean,
  cause: string,
  classes: CauseClassifier,
): CallResult {
  if (ok) return 'success';
  return causeMatches(cfg.recordFailureOn, cause, classes) ? 'failure' : 'ignored';
}
