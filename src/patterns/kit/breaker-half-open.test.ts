import { describe, expect, it } from 'vitest';
import {
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
