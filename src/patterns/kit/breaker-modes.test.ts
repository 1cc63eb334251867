import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import {
  breakerConfigSchema,
  halfOpenDueUs,
  initialBreaker,
  onCallAllowed,
  onResult,
  onWaitElapsed,
  reconcile,
  type BreakerState,
} from './index.ts';
import {
  cfg,
  closedWithHistory,
  defaults,
  halfOpenWith,
  opened,
  WAIT_US,
} from '../testing/breaker-states.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

/** FORCED_OPEN, DISABLED, live edits and the automatic OPEN → HALF_OPEN timer. */

const forced = cfg({ forcedState: 'forced-open' });
const disabled = cfg({ forcedState: 'disabled' });

describe('config: the Resilience4j options', () => {
  it('rejects unknown choices and stays JSON-schema-able', () => {
    expect(breakerConfigSchema.safeParse({ forcedState: 'open' }).success).toBe(false);
    expect(breakerConfigSchema.safeParse({ halfOpenDecision: 'majority' }).success).toBe(false);
    expect(breakerConfigSchema.safeParse({ automaticTransitionToHalfOpen: 1 }).success).toBe(false);
    const schema = z.toJSONSchema(breakerConfigSchema, { io: 'input' });
    expect(schema.properties?.['forcedState']).toMatchObject({
      enum: ['none', 'forced-open', 'disabled'],
      default: 'none',
    });
  });

  it('initialBreaker starts in the manual state the config asks for', () => {
    expect(initialBreaker(7, forced)).toMatchObject({ phase: 'forced-open', epoch: 0, sinceUs: 7 });
    expect(initialBreaker(7, disabled)).toMatchObject({ phase: 'disabled', epoch: 0 });
    expect(initialBreaker(7, defaults)).toEqual(initialBreaker(7));
  });
});

describe('reconcile (a live config edit)', () => {
  const sources: [string, () => BreakerState][] = [
    ['closed', () => closedWithHistory()],
    ['open', () => opened()],
    ['half-open', () => halfOpenWith(defaults, 2)],
  ];
  for (const [name, make] of sources) {
    it(`${name} → FORCED_OPEN and → DISABLED, with a new epoch and fresh counters`, () => {
      const s = make();
      for (const [c, phase] of [
        [forced, 'forced-open'],
        [disabled, 'disabled'],
      ] as const) {
        const r = reconcile(c, s, 123);
        expect(r.transition).toBe(phase);
        expect(r.next).toEqual({ ...initialBreaker(123), phase, epoch: s.epoch + 1 });
      }
    });
  }

  it('FORCED_OPEN ⇄ DISABLED directly; the same manual state again is no change', () => {
    const f = reconcile(forced, closedWithHistory(), 10).next;
    expect(reconcile(forced, f, 20)).toEqual({ next: f, transition: null });
    const d = reconcile(disabled, f, 20);
    expect(d).toMatchObject({ transition: 'disabled', next: { phase: 'disabled', epoch: 2 } });
    expect(reconcile(forced, d.next, 30)).toMatchObject({
      transition: 'forced-open',
      next: { phase: 'forced-open', epoch: 3, sinceUs: 30 },
    });
  });

  it('back to "none" → CLOSED with a fresh window (from either manual state)', () => {
    for (const c of [forced, disabled]) {
      const m = reconcile(c, closedWithHistory(), 10).next;
      const r = reconcile(defaults, m, 50);
      expect(r.transition).toBe('closed');
      expect(r.next).toEqual({ ...initialBreaker(50), epoch: 2 });
    }
  });

  it('leaves CLOSED, OPEN and an undecided HALF_OPEN as they are (same object)', () => {
    for (const [, make] of sources) {
      const s = make();
      expect(reconcile(defaults, s, 99)).toEqual({ next: s, transition: null });
      expect(reconcile(defaults, s, 99).next).toBe(s);
    }
  });
});

describe('FORCED_OPEN', () => {
  const s = reconcile(forced, opened(), 0).next;
  it('rejects every call, forever: never moves to HALF_OPEN by itself', () => {
    for (const t of [0, WAIT_US, 100 * WAIT_US]) {
      expect(onCallAllowed(forced, s, t)).toEqual({
        allowed: false,
        epoch: s.epoch,
        next: s,
        transition: null,
      });
    }
    const auto = { ...forced, automaticTransitionToHalfOpen: true };
    expect(onWaitElapsed(auto, s, 100 * WAIT_US)).toEqual({ next: s, transition: null });
    expect(halfOpenDueUs(auto, s)).toBeNull();
  });

  it('ignores every result, of its own epoch or older ones', () => {
    for (const epoch of [0, 1, s.epoch]) {
      expect(onResult(forced, s, epoch, 'failure', 0, 5).next).toBe(s);
    }
  });

  it('is honoured by onCallAllowed / onResult even without reconcile (the gateway)', () => {
    const c = closedWithHistory();
    const a = onCallAllowed(forced, c, 5);
    expect(a).toMatchObject({ allowed: false, next: { phase: 'forced-open', epoch: 1 } });
    // The call admitted while CLOSED (epoch 0) comes back after the switch: ignored.
    expect(onResult(forced, c, 0, 'failure', 0, 6).next).toMatchObject({
      phase: 'forced-open',
      consecutiveFailures: 0,
    });
  });
});

describe('DISABLED', () => {
  const s = reconcile(disabled, closedWithHistory(), 0).next;
  it('admits every call without a transition', () => {
    for (const t of [0, WAIT_US, 100 * WAIT_US]) {
      expect(onCallAllowed(disabled, s, t)).toEqual({
        allowed: true,
        epoch: s.epoch,
        next: s,
        transition: null,
      });
    }
    const auto = { ...disabled, automaticTransitionToHalfOpen: true };
    expect(onWaitElapsed(auto, s, WAIT_US).next).toBe(s);
  });

  it(
    'records nothing: any sequence of results (failed, slow) never trips it',
    budget(RUNS, 2),
    () => {
      const slowCfg = { ...disabled, slowCallDurationMs: 1, failureThreshold: 1 };
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(1e7)), { maxLength: 200 }), (rs) => {
          let state = s;
          for (const [ok, durationUs] of rs) {
            const a = onCallAllowed(slowCfg, state, durationUs);
            expect(a.allowed).toBe(true);
            state = onResult(
              slowCfg,
              a.next,
              a.epoch,
              ok ? 'success' : 'failure',
              durationUs,
              durationUs,
            ).next;
          }
          expect(state).toBe(s);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('results of calls admitted while DISABLED do not count once it is CLOSED again', () => {
    const a = onCallAllowed(disabled, s, 0);
    const closed = reconcile(defaults, a.next, 10).next;
    expect(onResult(defaults, closed, a.epoch, 'failure', 0, 11).next).toBe(closed);
  });
});

describe('automatic OPEN → HALF_OPEN', () => {
  const auto = cfg({ automaticTransitionToHalfOpen: true });
  it('the timer moves OPEN to HALF_OPEN exactly when the wait has elapsed, no probe admitted', () => {
    const s = opened(auto, 1000);
    expect(halfOpenDueUs(auto, s)).toBe(1000 + WAIT_US);
    expect(onWaitElapsed(auto, s, 1000 + WAIT_US - 1)).toEqual({ next: s, transition: null });
    const r = onWaitElapsed(auto, s, 1000 + WAIT_US);
    expect(r.transition).toBe('half-open');
    expect(r.next).toMatchObject({ phase: 'half-open', epoch: 2, probesAdmitted: 0 });
    // All permittedCallsInHalfOpen (3) probes are still to come.
    let h = r.next;
    const allowed = [0, 1, 2, 3].map(() => {
      const a = onCallAllowed(auto, h, 1000 + WAIT_US + 5);
      h = a.next;
      return a.allowed;
    });
    expect(allowed).toEqual([true, true, true, false]);
  });

  it('is off by default: the timer does nothing, the next call moves it (and does too when on)', () => {
    const s = opened(defaults);
    expect(halfOpenDueUs(defaults, s)).toBeNull();
    expect(onWaitElapsed(defaults, s, WAIT_US).next).toBe(s);
    expect(onCallAllowed(auto, opened(auto), WAIT_US).transition).toBe('half-open');
  });

  it('does nothing outside OPEN', () => {
    for (const s of [closedWithHistory(auto), halfOpenWith(auto, 1)]) {
      expect(halfOpenDueUs(auto, s)).toBeNull();
      expect(onWaitElapsed(auto, s, 10 * WAIT_US).next).toBe(s);
    }
  });

  it('rounds a fractional wait up to the next µs', () => {
    expect(halfOpenDueUs(cfg({ ...auto, waitDurationInOpenMs: 0.0004 }), opened(auto, 3))).toBe(4);
  });
});

describe('purity', () => {
  it('reconcile, onWaitElapsed and the manual states never mutate their input', () => {
    const auto = cfg({ automaticTransitionToHalfOpen: true });
    const inputs = [closedWithHistory(), opened(auto), halfOpenWith(defaults, 2)];
    const copies = structuredClone(inputs);
    for (const s of inputs) {
      reconcile(forced, s, 1);
      onWaitElapsed(auto, s, 2 * WAIT_US);
      onCallAllowed(disabled, s, 1);
      onResult(forced, s, s.epoch, 'failure', 0, 1);
    }
    expect(inputs).toEqual(copies);
  });
});
