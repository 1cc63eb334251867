import { describe, expect, it } from 'vitest';
import { alternate, pairedRatios } from './bench-measure.ts';
import { formatRatio, judgeRatio } from './bench-report.ts';

describe('bench comparisons', () => {
  it('alternate runs the cases in turn, in alternating order, after the warm-ups', () => {
    const calls: string[] = [];
    const cases = ['a', 'b'].map((name) => {
      let n = 0;
      return () => {
        calls.push(name);
        return `${name}${n++}`;
      };
    });
    expect(alternate(1, 3, cases)).toEqual([
      ['a1', 'a2', 'a3'],
      ['b1', 'b2', 'b3'],
    ]);
    expect(calls.join('')).toBe('ab' + 'ab' + 'ba' + 'ab');
  });

  it('pairs runs by index: the median and range of the per-run ratios', () => {
    expect(pairedRatios([8, 9, 6], [10, 10, 10])).toEqual({
      median: 0.8,
      min: 0.6,
      max: 0.9,
      runs: [0.8, 0.9, 0.6],
    });
  });

  it('judges a ratio against its bound and prints one PASS/FAIL line', () => {
    const ok = judgeRatio(
      'chain-1000 / chain-10 events/s',
      { median: 0.84, min: 0.79, max: 0.88, runs: [0.84, 0.79, 0.88] },
      'at-least',
      0.7,
    );
    expect(ok.ok).toBe(true);
    expect(formatRatio(ok)).toBe(
      'chain-1000 / chain-10 events/s: 84% (runs 79%–88%) (target ≥ 70%) PASS',
    );
    const slow = judgeRatio(
      'frames on / off',
      { median: 1.2, min: 1.1, max: 1.3, runs: [1.2, 1.1, 1.3] },
      'at-most',
      1.15,
    );
    expect(slow.ok).toBe(false);
    expect(formatRatio(slow)).toBe('frames on / off: 120% (runs 110%–130%) (target ≤ 115%) FAIL');
  });
});
