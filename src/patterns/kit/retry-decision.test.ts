import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../registry.ts';
import {
  afterFailure,
  DEFAULT_RETRY_ON,
  isRetryable,
  type FailedAttempt,
  type RetryPolicy,
} from './retry-decision.ts';

/** The retry kind's defaults (docs/patterns.md, Defaults, R2), no budget. */
const defaults: RetryPolicy = {
  maxAttempts: 3,
  backoff: 'exponential',
  baseMs: 100,
  multiplier: 2,
  capMs: 5000,
  jitter: 'full',
  retryOn: ['dependency-failure', 'caller-gone', 'overload-refusal'],
  budgetRatio: null,
  budgetMinPerSec: 10,
  budgetBurst: 10,
};
const cfg = (over: Partial<RetryPolicy> = {}): RetryPolicy => ({ ...defaults, ...over });
const failed = (over: Partial<FailedAttempt> = {}): FailedAttempt => ({
  attempt: 1,
  cause: 'error',
  nowUs: 1_000_000,
  deadlineUs: Infinity,
  previousDelayMs: 100,
  callerGone: false,
  ...over,
});
/** A draw that must not be taken. */
const noDraw = () => {
  throw new Error('drew a jitter number');
};

describe('afterFailure: which failures are retried, and when', () => {
  it("by default retries exactly today's causes, plus bad-format (an unreadable answer)", () => {
    expect(DEFAULT_RETRY_ON).toEqual(defaults.retryOn);
    const retried = REGISTRY.causes()
      .map((c) => c.cause)
      .filter((c) => isRetryable(defaults, c, REGISTRY));
    expect(retried.sort()).toEqual([
      'bad-format',
      'broker-full',
      'broker-unavailable',
      'error',
      'queue-full',
      'refused',
      'timeout',
    ]);
  });

  it('an old document listing causes by name retries exactly those', () => {
    const old = cfg({ retryOn: ['error', 'timeout', 'refused', 'queue-full'] });
    expect(isRetryable(old, 'timeout', REGISTRY)).toBe(true);
    expect(isRetryable(old, 'bad-format', REGISTRY)).toBe(false);
    expect(isRetryable(cfg({ retryOn: ['policy-refusal'] }), 'shed', REGISTRY)).toBe(true);
  });

  it('retries the default causes; never rate-limited or circuit-open unless listed', () => {
    for (const cause of ['error', 'timeout', 'refused', 'queue-full']) {
      expect(isRetryable(defaults, cause, REGISTRY)).toBe(true);
    }
    for (const cause of ['rate-limited', 'circuit-open', 'no-route', 'bulkhead-full']) {
      expect(isRetryable(defaults, cause, REGISTRY)).toBe(false);
      expect(afterFailure(defaults, failed({ cause }), null, noDraw, REGISTRY)).toEqual({
        retry: false,
        reason: 'not-retryable',
        budget: null,
      });
    }
    const c = cfg({ retryOn: ['error', 'rate-limited'] });
    expect(
      afterFailure(c, failed({ cause: 'rate-limited' }), null, () => 0.5, REGISTRY).retry,
    ).toBe(true);
    expect(afterFailure(c, failed({ cause: 'timeout' }), null, noDraw, REGISTRY).retry).toBe(false);
  });

  it('retries until maxAttempts attempts (the first included) have been made', () => {
    const d1 = afterFailure(defaults, failed({ attempt: 1 }), null, () => 0.5, REGISTRY);
    expect(d1).toMatchObject({ retry: true, delayMs: 50, delayUs: 50_000 });
    const d2 = afterFailure(defaults, failed({ attempt: 2 }), null, () => 0.5, REGISTRY);
    expect(d2).toMatchObject({ retry: true, delayMs: 100, delayUs: 100_000 });
    expect(afterFailure(defaults, failed({ attempt: 3 }), null, noDraw, REGISTRY)).toMatchObject({
      retry: false,
      reason: 'attempts-exhausted',
    });
    expect(afterFailure(cfg({ maxAttempts: 1 }), failed(), null, noDraw, REGISTRY)).toMatchObject({
      retry: false,
      reason: 'attempts-exhausted',
    });
  });

  it('gives up when the backoff would end at or after the request deadline', () => {
    const c = cfg({ backoff: 'fixed', jitter: 'none' });
    const now = 1_000_000;
    expect(
      afterFailure(c, failed({ deadlineUs: now + 100_001 }), null, noDraw, REGISTRY).retry,
    ).toBe(true);
    expect(
      afterFailure(c, failed({ deadlineUs: now + 100_000 }), null, noDraw, REGISTRY),
    ).toMatchObject({
      retry: false,
      reason: 'deadline',
    });
    // An immediate retry still needs time left.
    const none = cfg({ backoff: 'none' });
    expect(afterFailure(none, failed({ deadlineUs: now }), null, noDraw, REGISTRY)).toMatchObject({
      reason: 'deadline',
    });
  });

  it('stops when the caller has gone, before anything else is looked at', () => {
    expect(
      afterFailure(
        defaults,
        failed({ callerGone: true, cause: 'circuit-open' }),
        null,
        noDraw,
        REGISTRY,
      ),
    ).toEqual({ retry: false, reason: 'caller-gone', budget: null });
  });

  it('decorrelated jitter starts from the previous delay', () => {
    const c = cfg({ jitter: 'decorrelated' });
    const d = afterFailure(
      c,
      failed({ attempt: 2, previousDelayMs: 200 }),
      null,
      () => 0.5,
      REGISTRY,
    );
    expect(d).toMatchObject({ retry: true, delayMs: 100 + 0.5 * 500 });
  });

  it('charges the budget only for a retry that goes; an empty one refuses', () => {
    const c = cfg({ budgetRatio: 0.1, budgetMinPerSec: 0, backoff: 'fixed', jitter: 'none' });
    const one = { tokens: 1, updatedUs: 0 };
    const d = afterFailure(c, failed(), one, noDraw, REGISTRY);
    expect(d).toEqual({
      retry: true,
      delayMs: 100,
      delayUs: 100_000,
      budget: { tokens: 0, updatedUs: 1_000_000 },
    });
    expect(afterFailure(c, failed(), d.budget, noDraw, REGISTRY)).toEqual({
      retry: false,
      reason: 'budget-exhausted',
      budget: { tokens: 0, updatedUs: 1_000_000 },
    });
    // Giving up for another reason leaves the bucket untouched.
    expect(afterFailure(c, failed({ attempt: 3 }), one, noDraw, REGISTRY).budget).toBe(one);
    expect(afterFailure(c, failed({ deadlineUs: 0 }), one, noDraw, REGISTRY).budget).toBe(one);
  });
});
