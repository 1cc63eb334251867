import { describe, expect, it } from 'vitest';
import { countTooltip, msTooltip, percentTooltip, rateTooltip } from './tooltip-format.ts';

describe('chart tooltips', () => {
  it('round each figure to its precision, as the badges and the summary do', () => {
    expect(msTooltip(12.3456789)).toBe('12.3 ms');
    expect(rateTooltip(92.263466)).toBe('92.3/s');
    expect(countTooltip(2.75)).toBe('3');
  });

  it('read error percents as the percent formatter does: no "12.0%", no "0.0%" for a few', () => {
    expect(percentTooltip(12)).toBe('12%');
    expect(percentTooltip(7.000000000000001)).toBe('7%');
    expect(percentTooltip(0.02)).toBe('<0.1%');
    expect(percentTooltip(33.3333)).toBe('33.3%');
  });

  it('leave values that are not numbers as they are', () => {
    expect(msTooltip('n/a')).toBe('n/a');
  });
});
