import { describe, expect, it } from 'vitest';
import { formatSeconds } from '../../charts/format.ts';
import {
  formatCauses,
  formatCount,
  formatMs,
  formatPercent,
  formatRate,
  formatWhole,
} from './figure-format.ts';

describe('format', () => {
  it('formats milliseconds with 1–2 decimals, seconds past 1 s', () => {
    expect(formatMs(3.254)).toBe('3.25 ms');
    expect(formatMs(0)).toBe('0.00 ms');
    expect(formatMs(120.44)).toBe('120.4 ms');
    expect(formatMs(999.9)).toBe('999.9 ms');
    expect(formatMs(1250)).toBe('1.25 s');
    expect(formatMs(Number.NaN)).toBe('–');
  });

  it('formats fractions as percents', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.0001)).toBe('<0.1%');
  });

  it('formats compact counts', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(950)).toBe('950');
    expect(formatCount(1000)).toBe('1k');
    expect(formatCount(1234)).toBe('1.2k');
    expect(formatCount(12_345)).toBe('12.3k');
    expect(formatCount(123_456)).toBe('123k');
    expect(formatCount(999_950)).toBe('1M');
    expect(formatCount(4_500_000)).toBe('4.5M');
    expect(formatCount(-2500)).toBe('-2.5k');
  });

  it('formats whole counts exactly, grouped by threes with a no-break space', () => {
    const nb = '\u00a0';
    expect(formatWhole(0)).toBe('0');
    expect(formatWhole(950)).toBe('950');
    expect(formatWhole(12_000)).toBe(`12${nb}000`);
    expect(formatWhole(179_634)).toBe(`179${nb}634`);
    expect(formatWhole(1_234_567)).toBe(`1${nb}234${nb}567`);
    expect(formatWhole(-4200.4)).toBe(`-4${nb}200`);
    expect(formatWhole(Number.NaN)).toBe('–');
  });

  it('formats rates per second', () => {
    expect(formatRate(12.46)).toBe('12.5/s');
    expect(formatRate(100)).toBe('100/s');
    expect(formatRate(12_345)).toBe('12.3k/s');
  });

  it('formats axis seconds', () => {
    expect(formatSeconds(45.4)).toBe('45 s');
    expect(formatSeconds(90)).toBe('1:30');
    expect(formatSeconds(3725)).toBe('1:02:05');
  });

  it('lists failure causes alphabetically with exact counts, skipping zeros', () => {
    expect(formatCauses({ timeout: 3, error: 1500, refused: 0 })).toBe('error 1500, timeout 3');
    expect(formatCauses({ 'circuit-open': 3112, error: 8 })).toBe('circuit-open 3112, error 8');
    expect(formatCauses({})).toBe('–');
  });
});
