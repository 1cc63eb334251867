import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import {
  initialSelection,
  selectTarget,
  STRATEGIES,
  type SelectionInput,
  type SelectionState,
  type Strategy,
} from './balancing.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

const all3 = [true, true, true];
const input = (p: Partial<SelectionInput> = {}): SelectionInput => ({
  eligible: all3,
  inFlight: [0, 0, 0],
  weights: [1, 1, 1],
  ...p,
});

/** Picks `k` times, feeding each pick's state into the next; draws from `values` in turn. */
function picks(strategy: Strategy, inp: SelectionInput, k: number, values: number[] = []) {
  let s: SelectionState = initialSelection(inp.eligible.length);
  let v = 0;
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    const r = selectTarget(strategy, inp, s, () => values[v++ % Math.max(1, values.length)] ?? 0);
    out.push(r.target);
    s = r.next;
  }
  return { out, draws: v };
}

describe('round robin', () => {
  it('cycles through the targets in order without drawing', () => {
    expect(picks('round-robin', input(), 7)).toEqual({ out: [0, 1, 2, 0, 1, 2, 0], draws: 0 });
  });
  it('skips ineligible targets', () => {
    expect(picks('round-robin', input({ eligible: [true, false, true] }), 4).out).toEqual([
      0, 2, 0, 2,
    ]);
  });
});

describe('random', () => {
  it('maps one draw onto the eligible targets', () => {
    const inp = input({ eligible: [false, true, true] });
    expect(picks('random', inp, 2, [0.1, 0.9])).toEqual({ out: [1, 2], draws: 2 });
  });
});

describe('least connections', () => {
  it('takes the target with the fewest calls in flight', () => {
    expect(picks('least-connections', input({ inFlight: [3, 1, 2] }), 2).out).toEqual([1, 1]);
  });
  it('breaks ties from the round-robin cursor, so an idle system still spreads calls', () => {
    expect(picks('least-connections', input(), 4).out).toEqual([0, 1, 2, 0]);
  });
  it('ignores ineligible targets, however idle', () => {
    const inp = input({ inFlight: [5, 0, 9], eligible: [true, false, true] });
    expect(picks('least-connections', inp, 1).out).toEqual([0]);
  });
});

describe('power of two choices', () => {
  it('draws two distinct targets and takes the less busy one', () => {
    // Draws 0.0 → target 0, then 0.6 → index 1 of the remaining two → target 2.
    const inp = input({ inFlight: [4, 0, 1] });
    expect(picks('power-of-two-choices', inp, 1, [0.0, 0.6])).toEqual({ out: [2], draws: 2 });
  });
  it('keeps the first drawn on a tie, and never draws the same target twice', () => {
    // Both draws 0.0: the second maps to index 0 of the rest, i.e. target 1.
    expect(picks('power-of-two-choices', input(), 1, [0.0, 0.0]).out).toEqual([0]);
    const busy0 = input({ inFlight: [1, 0, 0] });
    expect(picks('power-of-two-choices', busy0, 1, [0.0, 0.0]).out).toEqual([1]);
  });
  it('a single eligible target is taken without drawing', () => {
    const inp = input({ eligible: [false, false, true] });
    expect(picks('power-of-two-choices', inp, 3)).toEqual({ out: [2, 2, 2], draws: 0 });
  });
});

describe('weighted (smooth weighted round robin)', () => {
  it('weights 5:1:1 give NGINX’s sequence a a b a c a a', () => {
    expect(picks('weighted', input({ weights: [5, 1, 1] }), 7)).toEqual({
      out: [0, 0, 1, 0, 2, 0, 0],
      draws: 0,
    });
  });
  it('an ineligible target gets nothing; the rest share by weight', () => {
    const { out } = picks(
      'weighted',
      input({ weights: [2, 1, 5], eligible: [true, true, false] }),
      30,
    );
    expect(out.filter((t) => t === 0)).toHaveLength(20);
    expect(out.filter((t) => t === 1)).toHaveLength(10);
  });
});

describe('every strategy', () => {
  it('answers -1 without drawing when no target is eligible', () => {
    for (const s of STRATEGIES) {
      expect(picks(s, input({ eligible: [false, false, false] }), 2)).toEqual({
        out: [-1, -1],
        draws: 0,
      });
    }
  });

  it('property: always picks an eligible target when there is one', budget(RUNS, 2), () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STRATEGIES),
        fc.array(
          fc.tuple(fc.boolean(), fc.nat(20), fc.double({ min: 0.1, max: 10, noNaN: true })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.array(fc.double({ min: 0, max: 0.9999, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (strategy, targets, draws) => {
          const inp: SelectionInput = {
            eligible: targets.map((t) => t[0]),
            inFlight: targets.map((t) => t[1]),
            weights: targets.map((t) => t[2]),
          };
          const any = inp.eligible.some(Boolean);
          const { out } = picks(strategy, inp, 20, draws);
          for (const t of out) {
            if (any) expect(inp.eligible[t]).toBe(true);
            else expect(t).toBe(-1);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(
    'property: weighted picks match the weights exactly over a full cycle',
    budget(RUNS, 2),
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }),
          (w) => {
            const inp = input({
              eligible: w.map(() => true),
              inFlight: w.map(() => 0),
              weights: w,
            });
            const total = w.reduce((a, b) => a + b, 0);
            const { out } = picks('weighted', inp, total * 3);
            w.forEach((wi, i) => expect(out.filter((t) => t === i)).toHaveLength(wi * 3));
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});
