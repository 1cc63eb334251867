import { drawsJitter, retryDelayMs, type BackoffConfig } from './backoff.ts';
import { causeMatches, TROUBLE_CLASSES, type CauseClassifier } from './cause-classes.ts';
import { withdrawRetry, type BudgetConfig, type BudgetState } from './retry-budget.ts';

/**
 * What to do after a failed attempt, as a pure function (docs/patterns.md, R2; the retry kind's and
 * the sidecar's retries).
 * The checks run in this order, and the first that applies gives up:
 *
 * 1. `caller-gone`: the caller abandoned the request (it timed out) — no one would see a retry.
 * 2. `not-retryable`: neither the cause nor its class is in `retryOn`.
 * 3. `attempts-exhausted`: `maxAttempts` attempts (the first included) have been made.
 * 4. `deadline`: the backoff would end at or after the request's deadline.
 * 5. `budget-exhausted`: the retry budget has no whole token left.
 *
 * Otherwise retry after `delayUs`. The jitter draw (if the config needs one) is taken only
 * once checks 1–3 pass, and the budget is charged only when the retry really goes.
 */

/**
 * Retried by default: failures that say the dependency is in trouble (`TROUBLE_CLASSES`:
 * dependency-failure — error, refused, bad-format; caller-gone — timeout; overload-refusal —
 * queue-full, an overloaded server's 503 that a later attempt may find drained). A limiter
 * asking for less load (rate-limited, bulkhead-full, shed, throttled: policy-refusal) and a
 * breaker failing fast (circuit-open) are deliberately absent: retrying them only adds load
 * where something already asked for less. Add their class or name to `retryOn` to retry them.
 */
export const DEFAULT_RETRY_ON: readonly string[] = [...TROUBLE_CLASSES];

/** What the decision reads: attempts, retryable causes, backoff and the optional budget. */
export interface RetryPolicy extends BackoffConfig, BudgetConfig {
  /** Attempts in all, the first call included. */
  maxAttempts: number;
  /** Failure classes (or single causes) that are retried. */
  retryOn: readonly string[];
}

export type GiveUpReason =
  'caller-gone' | 'not-retryable' | 'attempts-exhausted' | 'deadline' | 'budget-exhausted';

export interface FailedAttempt {
  /** Attempts made so far, this failed one included (1 after the first call). */
  attempt: number;
  cause: string;
  nowUs: number;
  /** The request's absolute deadline (µs), or Infinity. */
  deadlineUs: number;
  /** The previous backoff (decorrelated jitter), ms; `baseMs` before the first retry. */
  previousDelayMs: number;
  callerGone: boolean;
}

export type RetryDecision =
  | { retry: true; delayMs: number; delayUs: number; budget: BudgetState | null }
  | { retry: false; reason: GiveUpReason; budget: BudgetState | null };

export function isRetryable(
  cfg: Pick<RetryPolicy, 'retryOn'>,
  cause: string,
  classes: CauseClassifier,
): boolean {
  return causeMatches(cfg.retryOn, cause, classes);
}

export function afterFailure(
  cfg: RetryPolicy,
  f: FailedAttempt,
  budget: BudgetState | null,
  draw: () => number,
  classes: CauseClassifier,
): RetryDecision {
  const giveUp = (reason: GiveUpReason): RetryDecision => ({ retry: false, reason, budget });
  if (f.callerGone) return giveUp('caller-gone');
  if (!isRetryable(cfg, f.cause, classes)) return giveUp('not-retryable');
  if (f.attempt >= cfg.maxAttempts) return giveUp('attempts-exhausted');
  const u = drawsJitter(cfg) ? draw() : 0;
  const delayMs = retryDelayMs(cfg, f.attempt - 1, f.previousDelayMs, u);
  const delayUs = Math.round(delayMs * 1000);
  if (f.nowUs + delayUs >= f.deadlineUs) return giveUp('deadline');
  if (budget === null) return { retry: true, delayMs, delayUs, budget };
  const w = withdrawRetry(cfg, budget, f.nowUs);
  if (!w.allowed) return { retry: false, reason: 'budget-exhausted', budget: w.next };
  return { retry: true, delayMs, delayUs, budget: w.next };
}
