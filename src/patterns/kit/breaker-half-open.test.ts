import { describe, expect, it } from 'vitest';
import {
  breakerConfigSchema,
  initialBreaker,
  onCallAllowed,
  onResult,
  reconcile,
  type BreakerConfig,
  type BreakerState,
} from './index.ts';
import { cfg, defaults, halfOpenWith, MS, WAIT_US } from '../testing/breaker-states.ts';

/** HALF_OPEN with halfOpenDecision "rate", and HALF_OPEN deciding after a live edit. */

const firstFailure = cfg({ halfOpenDecision: 'first-failure' });

/** Feeds probe results (ok, durationUs) of the current epoch. */
function probe(c: BreakerConfig, s: BreakerState, results: [boolean, number][], atUs = WAIT_US) {
  let r = { next: s, transition: null as string | null };
  for (const [ok, durationUs] of results) {
    expect(r.next.phase).toBe('half-open');
    r = onResult(c, r.next, s.epoch, ok ? 'success' : 'failure', durationUs, atUs);
  }
  return r;
}

describe('HALF_OPEN decided by rate (the default)', () => {
  const rate = defaults;
  it('is the default', () => {
    expect(defaults.halfOpenDecision).toBe('rate');
  });

  it('admits exactly permittedCallsInHalfOpen (3) probes and rejects the rest', () => {
    const s = halfOpenWith(rate, 3);
    expect(onCallAllowed(rate, s, WAIT_US + 9)).toMatchObject({ allowed: false, next: s });
  });

  it('waits for all 3 probes: 1 failure of 3 (33% < 50%) closes it with a fresh window', () => {
    const s = halfOpenWith(rate, 3);
    const two = probe(rate, s, [
      [false, 0],
      [true, 0],
    ]);
    expect(two).toMatchObject({ transition: null, next: { probeResults: 2, probeFailed: 1 } });
    const r = onResult(rate, two.next, s.epoch, 'success', 0, WAIT_US + 50);
    expect(r.transition).toBe('closed');
    expect(r.next).toEqual({ ...initialBreaker(WAIT_US + 50), epoch: 3 });
  });

  it('2 failures of 3 (67% ≥ 50%) re-open it, and the wait restarts', () => {
    const s = halfOpenWith(rate, 3);
    const r = probe(rate, s, [
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    expect(r).toMatchObject({ transition: 'opened', next: { phase: 'open', sinceUs: WAIT_US } });
    expect(onCallAllowed(rate, r.next, 2 * WAIT_US - 1).allowed).toBe(false);
  });

  it('compares with ≥: 1 failure of 2 probes at a 50% threshold re-opens it', () => {
    const two = cfg({ halfOpenDecision: 'rate', permittedCallsInHalfOpen: 2 });
    const s = halfOpenWith(two, 2);
    expect(probe(two, s, [[false, 0]]).transition).toBeNull();
    expect(
      probe(two, s, [
        [true, 0],
        [false, 0],
      ]).transition,
    ).toBe('opened');
  });

  it('ignores successesToClose (the probes decide together)', () => {
    const c = { ...rate, successesToClose: 1 };
    expect(probe(c, halfOpenWith(c, 3), [[true, 0]]).transition).toBeNull();
  });

  it('the slow-call rate decides too, only when slow detection is on', () => {
    const slow = { ...rate, slowCallDurationMs: 100, slowCallRateThreshold: 0.5 };
    const results: [boolean, number][] = [
      [true, 101 * MS],
      [true, 200 * MS],
      [true, 100 * MS],
    ];
    expect(probe(slow, halfOpenWith(slow, 3), results).transition).toBe('opened');
    expect(probe(rate, halfOpenWith(rate, 3), results).transition).toBe('closed');
  });

  it('results of older epochs are not probes', () => {
    const s = halfOpenWith(rate, 3);
    expect(onResult(rate, s, 0, 'failure', 0, WAIT_US).next).toBe(s);
    expect(onResult(rate, s, 1, 'failure', 0, WAIT_US).next).toBe(s);
  });
});

describe('HALF_OPEN after a live edit decides on the probes already in', () => {
  it('"first-failure" → "rate" after a success: waits for the remaining probes', () => {
    const s = probe(firstFailure, halfOpenWith(firstFailure, 3), [[true, 0]]).next;
    const rate = cfg({ halfOpenDecision: 'rate' });
    expect(reconcile(rate, s, 1).next).toBe(s);
    expect(probe(rate, s, [[false, 0]]).transition).toBeNull();
  });

  it('"rate" with a failure in → "first-failure": re-opens at once', () => {
    const rate = cfg({ halfOpenDecision: 'rate' });
    const s = probe(rate, halfOpenWith(rate, 3), [[false, 0]]).next;
    expect(reconcile(firstFailure, s, 7)).toMatchObject({
      transition: 'opened',
      next: { phase: 'open', sinceUs: 7 },
    });
  });

  it('fewer permitted probes than results in (rate), or successesToClose met: decides', () => {
    const rate = cfg({ halfOpenDecision: 'rate' });
    const s = probe(rate, halfOpenWith(rate, 3), [
      [true, 0],
      [true, 0],
    ]).next;
    const fewer = { ...rate, permittedCallsInHalfOpen: 2 };
    expect(reconcile(fewer, s, 8).transition).toBe('closed');
    const one = probe(firstFailure, halfOpenWith(firstFailure, 2), [[true, 0]]).next;
    expect(reconcile({ ...firstFailure, successesToClose: 1 }, one, 8).transition).toBe('closed');
  });
});

describe('HALF_OPEN decided by "rate-after-minimum-calls" (Resilience4j’s rule)', () => {
  /** Decides once min(minimumCalls 2, permitted 5) = 2 probe results are in. */
  const early = cfg({
    halfOpenDecision: 'rate-after-minimum-calls',
    minimumCalls: 2,
    permittedCallsInHalfOpen: 5,
  });
  // The HALF_OPEN states are reached with the defaults and 5 probes: minimumCalls 2 would trip
  // CLOSED sooner than the shared history expects. Each result is then judged under `early`.
  const five = cfg({ permittedCallsInHalfOpen: 5 });

  it('is offered by the schema; "rate" stays the default', () => {
    const parsed = breakerConfigSchema.parse({ halfOpenDecision: 'rate-after-minimum-calls' });
    expect(parsed.halfOpenDecision).toBe('rate-after-minimum-calls');
    expect(breakerConfigSchema.parse({}).halfOpenDecision).toBe('rate');
  });

  it('with the defaults (minimumCalls 10 ≥ 3 permitted) it waits for all 3 probes, like "rate"', () => {
    const c = cfg({ halfOpenDecision: 'rate-after-minimum-calls' });
    const s = halfOpenWith(c, 3);
    const two = probe(c, s, [
      [false, 0],
      [true, 0],
    ]);
    expect(two.transition).toBeNull();
    expect(onResult(c, two.next, s.epoch, 'success', 0, WAIT_US).transition).toBe('closed');
  });

  it('2 of 5 probes in: 1 failure (50% ≥ 50%) re-opens it at once; 2 successes close it', () => {
    const s = halfOpenWith(five, 5);
    expect(probe(early, s, [[false, 0]]).transition).toBeNull();
    const bad = probe(early, s, [
      [false, 0],
      [true, 0],
    ]);
    expect(bad).toMatchObject({ transition: 'opened', next: { phase: 'open', epoch: 3 } });
    const good = probe(early, s, [
      [true, 0],
      [true, 0],
    ]);
    expect(good.transition).toBe('closed');
    expect(good.next).toEqual({ ...initialBreaker(WAIT_US), epoch: 3 });
  });

  it('the 3 probes still out when it decided are of an older epoch and count for nothing', () => {
    const s = halfOpenWith(five, 5);
    const closed = probe(early, s, [
      [true, 0],
      [true, 0],
    ]).next;
    for (let i = 0; i < 3; i++) {
      expect(onResult(early, closed, s.epoch, 'failure', 0, WAIT_US).next).toBe(closed);
    }
  });

  it('admits no more than permittedCallsInHalfOpen probes while undecided', () => {
    const s = halfOpenWith(five, 5);
    expect(onCallAllowed(early, s, WAIT_US + 9)).toMatchObject({ allowed: false, next: s });
  });

  it('the slow-call rate decides too (slow detection on), and successesToClose is not read', () => {
    const slow = { ...early, slowCallDurationMs: 100, slowCallRateThreshold: 0.5 };
    const results: [boolean, number][] = [
      [true, 0],
      [true, 101 * MS],
    ];
    expect(probe(slow, halfOpenWith(five, 5), results).transition).toBe('opened');
    expect(probe(early, halfOpenWith(five, 5), results).transition).toBe('closed');
    const eager = { ...early, successesToClose: 1 };
    expect(probe(eager, halfOpenWith(five, 5), [[true, 0]]).transition).toBeNull();
  });

  it('a live edit from "rate" decides at once on the probes already in', () => {
    const s = probe(five, halfOpenWith(five, 5), [
      [true, 0],
      [true, 0],
    ]).next;
    expect(s.phase).toBe('half-open');
    expect(reconcile(early, s, 11)).toMatchObject({
      transition: 'closed',
      next: { phase: 'closed', sinceUs: 11 },
    });
  });
});
