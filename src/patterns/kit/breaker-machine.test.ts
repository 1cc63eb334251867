import { describe, expect, it } from 'vitest';
import {
  breakerConfigSchema,
  initialBreaker,
  onCallAllowed,
  onResult,
  liveBuckets,
  timeWindowRates,
  windowRates,
  type BreakerConfig,
  type BreakerState,
} from './index.ts';

const MS = 1000;
const defaults = breakerConfigSchema.parse({});
const cfg = (over: Partial<BreakerConfig> = {}): BreakerConfig => ({ ...defaults, ...over });

/** Feeds results of calls admitted now (CLOSED) and returns the final state. */
function feed(c: BreakerConfig, s: BreakerState, oks: boolean[], durationUs = 0): BreakerState {
  let state = s;
  for (const ok of oks) {
    const a = onCallAllowed(c, state, 0);
    expect(a.allowed).toBe(true);
    state = onResult(c, a.next, a.epoch, ok ? 'success' : 'failure', durationUs, 0).next;
  }
  return state;
}

/** A breaker that opened at `atUs`. */
function opened(c: BreakerConfig, atUs = 0): BreakerState {
  const s = feed(c, initialBreaker(), Array<boolean>(4).fill(false));
  const a = onCallAllowed(c, s, atUs);
  const r = onResult(c, a.next, a.epoch, 'failure', 0, atUs);
  expect(r.transition).toBe('opened');
  return r.next;
}

/** A breaker that just went HALF_OPEN (the first probe admitted) at `atUs`. */
function halfOpen(c: BreakerConfig, atUs = 30_000 * MS) {
  const a = onCallAllowed(c, opened(c), atUs);
  expect(a).toMatchObject({ allowed: true, transition: 'half-open' });
  return a;
}

describe('config', () => {
  it('has the R1 defaults of docs/patterns.md', () => {
    expect(defaults).toEqual({
      tripPolicy: 'either',
      failureThreshold: 5,
      failureRateThreshold: 0.5,
      slidingWindowType: 'count',
      slidingWindowSize: 20,
      minimumCalls: 10,
      recordFailureOn: ['dependency-failure', 'caller-gone', 'overload-refusal'],
      slowCallDurationMs: null,
      slowCallRateThreshold: 1,
      waitDurationInOpenMs: 30_000,
      permittedCallsInHalfOpen: 3,
      successesToClose: 2,
      // The HALF_OPEN rule: all probes decide by rate.
      halfOpenDecision: 'rate',
      // Resilience4j options, off by default.
      automaticTransitionToHalfOpen: false,
      forcedState: 'none',
    });
  });

  it('rejects nonsense and unknown fields', () => {
    expect(breakerConfigSchema.safeParse({ failureRateThreshold: 0 }).success).toBe(false);
    expect(breakerConfigSchema.safeParse({ failureRateThreshold: 1.5 }).success).toBe(false);
    expect(breakerConfigSchema.safeParse({ failureThreshold: 0 }).success).toBe(false);
    expect(breakerConfigSchema.safeParse({ permittedCallsInHalfOpen: 1.5 }).success).toBe(false);
    expect(breakerConfigSchema.safeParse({ bogus: 1 }).success).toBe(false);
    expect(breakerConfigSchema.safeParse({ slidingWindowType: 'sliding' }).success).toBe(false);
  });
});

describe('CLOSED', () => {
  it('admits every call without a transition', () => {
    const s = initialBreaker(5);
    expect(onCallAllowed(defaults, s, 10)).toEqual({
      allowed: true,
      epoch: 0,
      next: s,
      transition: null,
    });
  });

  it('opens on exactly failureThreshold (5) consecutive failures', () => {
    const c = cfg({ minimumCalls: 100 }); // rate off
    const s4 = feed(c, initialBreaker(), [false, false, false, false]);
    expect(s4).toMatchObject({ phase: 'closed', consecutiveFailures: 4 });
    const a = onCallAllowed(c, s4, 7);
    const r = onResult(c, a.next, a.epoch, 'failure', 0, 7);
    expect(r.transition).toBe('opened');
    expect(r.next).toMatchObject({ phase: 'open', sinceUs: 7, epoch: 1, window: [] });
  });

  it('a success resets the consecutive count', () => {
    const c = cfg({ minimumCalls: 100 });
    const s = feed(c, initialBreaker(), [false, false, false, false, true, false, false]);
    expect(s).toMatchObject({ phase: 'closed', consecutiveFailures: 2 });
    expect(feed(c, s, [false, false]).phase).toBe('closed');
    expect(feed(c, s, [false, false, false]).phase).toBe('open');
  });

  it('failure rate counts only once minimumCalls (10) outcomes are in', () => {
    const c = cfg({ failureThreshold: 100 });
    // 4 failures in 9 calls: rate not evaluated yet (9 < 10).
    const nine = feed(c, initialBreaker(), [
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      true,
    ]);
    expect(nine.phase).toBe('closed');
    expect(windowRates(c, nine.window)).toBeNull();
    // 10th call a success: 4/10 = 40% < 50%: stays closed.
    expect(feed(c, nine, [true]).phase).toBe('closed');
    // 10th call a failure: 5/10 = 50% ≥ 50%: opens.
    expect(feed(c, nine, [false]).phase).toBe('open');
  });

  it('the window is count-based: only the last slidingWindowSize (20) outcomes count', () => {
    const c = cfg({ failureThreshold: 100 });
    // A failure, 11 successes, 8 failures: 9/20 < 50% (never ≥ 50% on the way).
    const mixed = [false, ...Array<boolean>(11).fill(true), ...Array<boolean>(8).fill(false)];
    let s = feed(c, initialBreaker(), mixed);
    expect(s.window).toHaveLength(20);
    expect(windowRates(c, s.window)?.failureRate).toBeCloseTo(9 / 20);
    // One more failure: the oldest outcome (a failure) leaves, so still 9/20.
    s = feed(c, s, [false]);
    expect(s.window).toHaveLength(20);
    expect(windowRates(c, s.window)?.failureRate).toBeCloseTo(9 / 20);
    expect(s.phase).toBe('closed');
    // The next leaving outcome is a success: 10/20 = 50% opens it.
    expect(feed(c, s, [false]).phase).toBe('open');
  });

  it('slow calls are off by default (null) and count as bad when on', () => {
    const slowOk = Array<boolean>(10).fill(true);
    expect(feed(defaults, initialBreaker(), slowOk, 10_000 * MS).phase).toBe('closed');
    const c = cfg({ slowCallDurationMs: 100, slowCallRateThreshold: 0.5 });
    // 100 ms is not slower than 100 ms.
    expect(feed(c, initialBreaker(), slowOk, 100 * MS).phase).toBe('closed');
    const half = [true, true, true, true, true].flatMap(() => [true, true]);
    const s = feed(c, initialBreaker(), half.slice(0, 5), 101 * MS);
    expect(feed(c, s, half.slice(0, 4), 1).phase).toBe('closed'); // 5 slow of 9: too few calls
    expect(feed(c, s, half.slice(0, 5), 1).phase).toBe('open'); // 5 slow of 10 = 50%
  });
});

describe('CLOSED with a time-based window', () => {
  const SEC = 1_000_000;
  // Rate only: 10 calls at least, over the last 5 s.
  const c = cfg({
    slidingWindowType: 'time',
    slidingWindowSize: 5,
    minimumCalls: 10,
    failureThreshold: 1000,
  });
  /** Feeds results of calls admitted and answered at the given times. */
  function feedAt(s: BreakerState, results: [number, boolean][], durationUs = 0): BreakerState {
    let state = s;
    for (const [atUs, ok] of results) {
      const a = onCallAllowed(c, state, atUs);
      state = onResult(c, a.next, a.epoch, ok ? 'success' : 'failure', durationUs, atUs).next;
    }
    return state;
  }
  const at = (second: number, n: number, ok: boolean): [number, boolean][] =>
    Array.from({ length: n }, (_, i) => [second * SEC + i, ok]);

  it('keeps one bucket per whole second, and leaves the count window alone', () => {
    const s = feedAt(initialBreaker(), [...at(0, 2, true), ...at(0, 1, false), ...at(3, 1, true)]);
    expect(s.buckets).toEqual([
      { second: 0, calls: 3, failed: 1, slow: 0 },
      { second: 3, calls: 1, failed: 0, slow: 0 },
    ]);
    expect(s.window).toEqual([]);
  });

  it('evaluates the rate only once minimumCalls (10) calls are in the window, with ≥', () => {
    // 5 failures and 4 successes: 9 calls, 56% — not evaluated yet.
    const nine = feedAt(initialBreaker(), [...at(1, 5, false), ...at(2, 4, true)]);
    expect(nine.phase).toBe('closed');
    expect(timeWindowRates(c, nine.buckets)).toBeNull();
    // A 10th call: 5/10 = 50% ≥ 50% opens it; a success instead (5/10 failed) too.
    expect(feedAt(nine, at(2, 1, false)).phase).toBe('open');
    expect(feedAt(nine, [[2 * SEC + 9, true]]).phase).toBe('open');
    // 4 failures of 10 stay closed.
    const four = feedAt(initialBreaker(), [...at(1, 4, false), ...at(2, 6, true)]);
    expect(four.phase).toBe('closed');
    expect(timeWindowRates(c, four.buckets)?.failureRate).toBeCloseTo(0.4);
  });

  it('the window is the last slidingWindowSize (5) seconds: older buckets slide out', () => {
    // 6 failures at second 0, then 5 successes at second 4: 6/11 ≥ 50% → open.
    const early = at(0, 6, false);
    expect(feedAt(initialBreaker(), [...early, ...at(4, 5, true)]).phase).toBe('open');
    // The same successes at second 5: second 0 has slid out — 0/5, too few calls, closed.
    const later = feedAt(initialBreaker(), [...early, ...at(5, 5, true)]);
    expect(later.phase).toBe('closed');
    expect(later.buckets).toEqual([{ second: 5, calls: 5, failed: 0, slow: 0 }]);
    expect(liveBuckets(c, later.buckets, 9 * SEC + 999_999)).toHaveLength(1);
    expect(liveBuckets(c, later.buckets, 10 * SEC)).toEqual([]);
  });

  it('the window size is in seconds, not calls: minimumCalls may exceed it', () => {
    const wide = { ...c, slidingWindowSize: 2, minimumCalls: 30 };
    let s = initialBreaker();
    for (let i = 0; i < 29; i++) {
      const a = onCallAllowed(wide, s, i * 1000);
      s = onResult(wide, a.next, a.epoch, 'failure', 0, i * 1000).next;
    }
    expect(s.phase).toBe('closed');
    expect(onResult(wide, s, s.epoch, 'failure', 0, 29_000).transition).toBe('opened');
  });

  it('counts slow calls per bucket when slow detection is on', () => {
    const slowCfg = { ...c, slowCallDurationMs: 100, slowCallRateThreshold: 0.5 };
    const result = (s: BreakerState, atUs: number, ms: number) => {
      const a = onCallAllowed(slowCfg, s, atUs);
      return onResult(slowCfg, a.next, a.epoch, 'success', ms * 1000, atUs);
    };
    // 9 calls, the first 4 slow (> 100 ms): too few calls to judge.
    let s = initialBreaker();
    for (let i = 0; i < 9; i++) s = result(s, i, i < 4 ? 101 : 10).next;
    expect(s.buckets).toEqual([{ second: 0, calls: 9, failed: 0, slow: 4 }]);
    // A 10th call: slow makes 5/10 = 50% ≥ 50%; fast leaves 4/10.
    expect(result(s, 20, 101).transition).toBe('opened');
    expect(result(s, 20, 100).next.phase).toBe('closed');
  });

  it('consecutive failures still open it, and the window starts empty again', () => {
    const both = { ...c, failureThreshold: 3 };
    let s = initialBreaker();
    for (let i = 0; i < 3; i++) {
      const a = onCallAllowed(both, s, i);
      s = onResult(both, a.next, a.epoch, 'failure', 0, i).next;
    }
    expect(s).toMatchObject({ phase: 'open', buckets: [] });
  });
});

describe('OPEN', () => {
  const c = defaults;
  it('fails fast until waitDurationInOpenMs (30 s) has elapsed', () => {
    const s = opened(c, 1000);
    for (const t of [1000, 20_000 * MS, 1000 + 30_000 * MS - 1]) {
      expect(onCallAllowed(c, s, t)).toEqual({
        allowed: false,
        epoch: 1,
        next: s,
        transition: null,
      });
    }
  });

  it('the first call after the wait moves it to HALF_OPEN and is the first probe', () => {
    const a = onCallAllowed(c, opened(c, 1000), 1000 + 30_000 * MS);
    expect(a).toMatchObject({ allowed: true, epoch: 2, transition: 'half-open' });
    expect(a.next).toMatchObject({ phase: 'half-open', probesAdmitted: 1, probeSuccesses: 0 });
  });

  it('ignores results (of calls admitted while CLOSED) while open', () => {
    const s = opened(c);
    expect(onResult(c, s, 0, 'failure', 0, 5)).toEqual({ next: s, transition: null });
    expect(onResult(c, s, 1, 'success', 0, 5)).toEqual({ next: s, transition: null });
  });
});

describe('HALF_OPEN decided by "first-failure"', () => {
  const c = cfg({ halfOpenDecision: 'first-failure' });
  it('admits exactly permittedCallsInHalfOpen (3) probes and rejects the rest', () => {
    const first = halfOpen(c);
    const second = onCallAllowed(c, first.next, 30_000 * MS + 1);
    const third = onCallAllowed(c, second.next, 30_000 * MS + 2);
    const fourth = onCallAllowed(c, third.next, 30_000 * MS + 3);
    expect([first, second, third, fourth].map((a) => a.allowed)).toEqual([true, true, true, false]);
    expect(fourth).toMatchObject({ transition: null, next: { probesAdmitted: 3 } });
  });

  it('successesToClose (2) good probes close it, with fresh counters', () => {
    const first = halfOpen(c);
    const second = onCallAllowed(c, first.next, 1);
    const r1 = onResult(c, second.next, first.epoch, 'success', 0, 2);
    expect(r1).toMatchObject({ transition: null, next: { phase: 'half-open', probeSuccesses: 1 } });
    const r2 = onResult(c, r1.next, second.epoch, 'success', 0, 3);
    expect(r2.transition).toBe('closed');
    expect(r2.next).toMatchObject({
      phase: 'closed',
      sinceUs: 3,
      epoch: 3,
      consecutiveFailures: 0,
      window: [],
    });
    // The third probe's late result belongs to the old epoch and is ignored.
    expect(onResult(c, r2.next, second.epoch, 'failure', 0, 4).next).toBe(r2.next);
  });

  it('one failed probe re-opens it, even after a success', () => {
    const first = halfOpen(c);
    const second = onCallAllowed(c, first.next, 1);
    const r1 = onResult(c, second.next, first.epoch, 'success', 0, 2);
    const r2 = onResult(c, r1.next, first.epoch, 'failure', 0, 9);
    expect(r2.transition).toBe('opened');
    expect(r2.next).toMatchObject({ phase: 'open', sinceUs: 9 });
    // And it waits a full waitDurationInOpen again.
    expect(onCallAllowed(c, r2.next, 9 + 30_000 * MS - 1).allowed).toBe(false);
    expect(onCallAllowed(c, r2.next, 9 + 30_000 * MS).transition).toBe('half-open');
  });

  it('a slow probe re-opens it when slow detection is on', () => {
    const s = { ...c, slowCallDurationMs: 50 };
    const first = halfOpen(s);
    expect(onResult(s, first.next, first.epoch, 'success', 51 * MS, 1).transition).toBe('opened');
    expect(onResult(s, first.next, first.epoch, 'success', 50 * MS, 1).transition).toBe(null);
  });

  it('ignores results of calls admitted while CLOSED', () => {
    const first = halfOpen(c);
    expect(onResult(c, first.next, 0, 'failure', 0, 1).next).toBe(first.next);
  });

  it('closes after min(successesToClose, permitted) successes when successesToClose > permitted', () => {
    const s = { ...c, permittedCallsInHalfOpen: 1, successesToClose: 5 };
    const first = halfOpen(s);
    expect(onCallAllowed(s, first.next, 1).allowed).toBe(false);
    expect(onResult(s, first.next, first.epoch, 'success', 0, 2).transition).toBe('closed');
  });
});

describe('purity', () => {
  it('never mutates its input', () => {
    const s = feed(defaults, initialBreaker(), [false, true, false]);
    const copy = structuredClone(s);
    onResult(defaults, s, s.epoch, 'failure', 0, 1);
    onCallAllowed(defaults, opened(defaults), 40_000 * MS);
    expect(s).toEqual(copy);
  });
});
