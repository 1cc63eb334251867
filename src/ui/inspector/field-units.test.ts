import { describe, expect, it } from 'vitest';
import {
  boundsError,
  displayText,
  fromDisplay,
  humanize,
  parseNumberText,
  rangeHint,
  scaleBounds,
  toDisplay,
  unitOf,
} from './field-units.ts';

describe('unitOf', () => {
  it('derives units from name suffixes', () => {
    expect(unitOf('timeoutMs')).toEqual({ unit: 'ms', scale: 1 });
    expect(unitOf('p99Ms')).toEqual({ unit: 'ms', scale: 1 });
    expect(unitOf('ratePerSec')).toEqual({ unit: '/s', scale: 1 });
    expect(unitOf('baseRatePerSec')).toEqual({ unit: '/s', scale: 1 });
    expect(unitOf('workers')).toEqual({ unit: null, scale: 1 });
    expect(unitOf('items')).toEqual({ unit: null, scale: 1 });
  });
});

describe('percent conversion', () => {
  it('round-trips without float noise', () => {
    expect(toDisplay(0.07, 100)).toBe(7);
    expect(toDisplay(0.2, 100)).toBe(20);
    expect(fromDisplay(33.3, 100)).toBe(0.333);
    expect(fromDisplay(7, 100)).toBe(0.07);
    for (const share of [0, 0.001, 0.015, 0.29, 0.5, 0.57, 1]) {
      expect(fromDisplay(toDisplay(share, 100), 100)).toBe(share);
    }
  });

  it('leaves unscaled values alone', () => {
    expect(toDisplay(0.1 + 0.2, 1)).toBe(0.1 + 0.2);
    expect(fromDisplay(12.5, 1)).toBe(12.5);
  });

  it('formats stored values as input text', () => {
    expect(displayText(0.25, 100)).toBe('25');
    expect(displayText(10, 1)).toBe('10');
    expect(displayText(null, 1)).toBe('');
    expect(displayText(Number.NaN, 1)).toBe('');
  });
});

describe('parseNumberText', () => {
  it('parses numbers, with a decimal comma too', () => {
    expect(parseNumberText(' 12.5 ', false)).toEqual({ ok: true, value: 12.5 });
    expect(parseNumberText('2,5', false)).toEqual({ ok: true, value: 2.5 });
    expect(parseNumberText('-3', true)).toEqual({ ok: true, value: -3 });
  });

  it('refuses text and empty input', () => {
    expect(parseNumberText('abc', false)).toEqual({
      ok: false,
      error: 'must be a number (got "abc")',
    });
    expect(parseNumberText('', false)).toEqual({ ok: false, error: 'must be a number' });
    expect(parseNumberText('Infinity', false).ok).toBe(false);
  });

  it('refuses fractions for integers', () => {
    expect(parseNumberText('1.5', true)).toEqual({
      ok: false,
      error: 'must be an integer (got 1.5)',
    });
  });
});

describe('bounds', () => {
  const percent = scaleBounds({ min: 0, exclusiveMin: false, max: 1, exclusiveMax: false }, 100);

  it('scales bounds to display units', () => {
    expect(percent).toEqual({ min: 0, exclusiveMin: false, max: 100, exclusiveMax: false });
  });

  it('words broken bounds like the store does', () => {
    expect(boundsError(150, percent)).toBe('must be a number ≤ 100 (got 150)');
    expect(boundsError(-1, percent)).toBe('must be a number ≥ 0 (got -1)');
    expect(boundsError(50, percent)).toBeNull();
    const positive = { min: 0, exclusiveMin: true, max: null, exclusiveMax: false };
    expect(boundsError(0, positive)).toBe('must be a number > 0 (got 0)');
  });

  it('writes range hints', () => {
    expect(rangeHint({ min: 1, exclusiveMin: false, max: 10000, exclusiveMax: false })).toBe(
      '1 – 10000',
    );
    expect(rangeHint({ min: 0, exclusiveMin: true, max: null, exclusiveMax: false })).toBe('> 0');
    expect(rangeHint({ min: 0, exclusiveMin: false, max: null, exclusiveMax: false })).toBe('≥ 0');
    expect(rangeHint({ min: 0, exclusiveMin: true, max: 5, exclusiveMax: false })).toBe('> 0, ≤ 5');
    expect(
      rangeHint({ min: null, exclusiveMin: false, max: null, exclusiveMax: false }),
    ).toBeNull();
  });
});

describe('humanize', () => {
  it('turns names into labels and drops unit suffixes', () => {
    expect(humanize('queueCapacity')).toBe('Queue capacity');
    expect(humanize('errorRate')).toBe('Error rate');
    expect(humanize('timeoutMs')).toBe('Timeout');
    expect(humanize('thinkTimeMs')).toBe('Think time');
    expect(humanize('baseRatePerSec')).toBe('Base rate');
    expect(humanize('after-work')).toBe('After work');
    expect(humanize('workers')).toBe('Workers');
  });
});
