import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import {
  depositRequest,
  fullBudget,
  reconfigureBudget,
  refillBudget,
  withdrawRetry,
  type BudgetConfig,
  type BudgetState,
} from './retry-budget.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

const SEC = 1_000_000;
const cfg = (over: Partial<BudgetConfig> = {}): BudgetConfig => ({
  budgetRatio: 0.1,
  budgetMinPerSec: 10,
  budgetBurst: 10,
  ...over,
});

describe('retry budget bucket', () => {
  it('starts full and refills budgetMinPerSec per second up to the burst', () => {
    const c = cfg({ budgetMinPerSec: 4 });
    expect(fullBudget(c, 5)).toEqual({ tokens: 10, updatedUs: 5 });
    const empty: BudgetState = { tokens: 0, updatedUs: 0 };
    expect(refillBudget(c, empty, SEC / 2)).toEqual({ tokens: 2, updatedUs: SEC / 2 });
    expect(refillBudget(c, empty, 10 * SEC).tokens).toBe(10);
    // Time never runs backwards for the bucket.
    expect(refillBudget(c, { tokens: 1, updatedUs: SEC }, 0)).toEqual({
      tokens: 1,
      updatedUs: SEC,
    });
  });

  it('a request deposits budgetRatio tokens (capped); ten requests at 0.1 earn one retry', () => {
    const c = cfg({ budgetMinPerSec: 0 });
    let s: BudgetState = { tokens: 0, updatedUs: 0 };
    for (let i = 0; i < 9; i++) s = depositRequest(c, s, 0);
    expect(withdrawRetry(c, s, 0).allowed).toBe(false);
    s = depositRequest(c, s, 0);
    const w = withdrawRetry(c, s, 0);
    expect(w.allowed).toBe(true);
    expect(w.next.tokens).toBeCloseTo(0, 9);
    expect(withdrawRetry(c, w.next, 0).allowed).toBe(false);
    expect(depositRequest(c, { tokens: 9.95, updatedUs: 0 }, 0).tokens).toBe(10);
  });

  it('a retry takes one whole token; refused retries leave the bucket as it was (refilled)', () => {
    const c = cfg({ budgetRatio: 0, budgetMinPerSec: 1 });
    const r1 = withdrawRetry(c, { tokens: 1.5, updatedUs: 0 }, 0);
    expect(r1).toEqual({ allowed: true, next: { tokens: 0.5, updatedUs: 0 } });
    const r2 = withdrawRetry(c, r1.next, SEC / 4);
    expect(r2).toEqual({ allowed: false, next: { tokens: 0.75, updatedUs: SEC / 4 } });
    expect(withdrawRetry(c, r2.next, SEC / 2).allowed).toBe(true);
  });

  it('live edits: switching the budget on fills it, off drops it, a smaller burst clamps it', () => {
    expect(reconfigureBudget(cfg(), null, 7)).toEqual({ tokens: 10, updatedUs: 7 });
    expect(reconfigureBudget(cfg({ budgetRatio: null }), { tokens: 3, updatedUs: 0 }, 7)).toBe(
      null,
    );
    expect(reconfigureBudget(cfg({ budgetBurst: 2 }), { tokens: 5, updatedUs: 1 }, 7)).toEqual({
      tokens: 2,
      updatedUs: 1,
    });
  });

  it(
    'property: retries ≤ burst + ratio · requests + minPerSec · elapsed, tokens in [0, burst]',
    budget(RUNS, 2),
    () => {
      const events = fc.array(
        fc.record({ gapUs: fc.integer({ min: 0, max: 2 * SEC }), request: fc.boolean() }),
        { maxLength: 300 },
      );
      const config = fc.record({
        budgetRatio: fc.double({ min: 0, max: 1, noNaN: true }),
        budgetMinPerSec: fc.double({ min: 0, max: 50, noNaN: true }),
        budgetBurst: fc.integer({ min: 1, max: 20 }),
      });
      fc.assert(
        fc.property(config, events, (c, evs) => {
          let s = fullBudget(c, 0);
          let now = 0;
          let requests = 0;
          let retries = 0;
          for (const e of evs) {
            now += e.gapUs;
            if (e.request) {
              requests++;
              s = depositRequest(c, s, now);
            } else {
              const w = withdrawRetry(c, s, now);
              if (w.allowed) retries++;
              s = w.next;
            }
            expect(s.tokens).toBeGreaterThanOrEqual(0);
            expect(s.tokens).toBeLessThanOrEqual(c.budgetBurst);
          }
          const bound = c.budgetBurst + c.budgetRatio * requests + (c.budgetMinPerSec * now) / SEC;
          expect(retries).toBeLessThanOrEqual(bound + 1e-6);
        }),
        { numRuns: RUNS },
      );
    },
  );
});
