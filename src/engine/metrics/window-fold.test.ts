import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../testing/budget.ts';
import { LatencyHistogram } from './histogram.ts';
import { FOLD_MAX_VALUES, foldWindow } from './window-fold.ts';

const latencies = fc.array(
  fc.oneof(
    fc.constant(0),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 1, max: 1e9, noNaN: true }),
    fc.integer({ min: 1, max: 5000 }),
  ),
  { minLength: 0, maxLength: FOLD_MAX_VALUES },
);

describe('foldWindow', () => {
  it(
    'gives the summary a histogram of the values gives, and folds them like a merge',
    budget(500, 1),
    () => {
      fc.assert(
        fc.property(latencies, latencies, (before, window) => {
          const viaHistogram = new LatencyHistogram();
          const viaFold = new LatencyHistogram();
          for (const v of before) {
            viaHistogram.record(v);
            viaFold.record(v);
          }
          const own = new LatencyHistogram();
          for (const v of window) own.record(v);
          const expected = new Float64Array(6);
          own.summaryInto(expected);
          viaHistogram.merge(own);

          const got = new Float64Array(6);
          // Values sit at an offset inside a larger array, as in a node's numbers.
          const numbers = new Float64Array(3 + window.length);
          numbers.set(window, 3);
          foldWindow(numbers, 3, window.length, viaFold, got);

          expect([...got]).toEqual([...expected]);
          expect(viaFold.toJSON()).toEqual(viaHistogram.toJSON());
          expect(viaFold.summaryMs()).toEqual(viaHistogram.summaryMs());
        }),
        { numRuns: 500 },
      );
    },
  );

  it('refuses more values than it can sort in place', () => {
    const numbers = new Float64Array(FOLD_MAX_VALUES + 1);
    expect(() =>
      foldWindow(numbers, 0, FOLD_MAX_VALUES + 1, new LatencyHistogram(), new Float64Array(6)),
    ).toThrow(/at most/);
  });
});
