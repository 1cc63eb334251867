import { describe, expect, it } from 'vitest';
import { formatClock } from './format-clock.ts';

describe('formatClock', () => {
  it('shows seconds, minutes and hours of virtual time', () => {
    expect(formatClock(0)).toBe('0.0 s');
    expect(formatClock(12_345)).toBe('12.3 s');
    expect(formatClock(245_000)).toBe('4:05.0');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('0.0 s');
  });
});
