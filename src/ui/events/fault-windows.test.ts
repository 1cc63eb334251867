import { describe, expect, it } from 'vitest';
import { faultWindows, inWindows } from './fault-windows.ts';

describe('fault windows of the event log', () => {
  it('merges overlapping and touching faults, cuts at the run end, drops late ones', () => {
    const w = faultWindows(
      [
        { startMs: 60_000, durationMs: 30_000 },
        { startMs: 10_000, durationMs: 5000 },
        { startMs: 80_000, durationMs: 20_000 },
        { startMs: 100_000, durationMs: 1000 },
        { startMs: 250_000, durationMs: null },
        { startMs: 400_000, durationMs: 1000 },
      ],
      300_000,
    );
    expect(w).toEqual([
      { startUs: 10_000_000, endUs: 15_000_000 },
      { startUs: 60_000_000, endUs: 101_000_000 },
      { startUs: 250_000_000, endUs: 300_000_000 },
    ]);
  });

  it('finds times inside windows, ends included, and nothing without faults', () => {
    const w = faultWindows(
      [
        { startMs: 60_000, durationMs: 30_000 },
        { startMs: 5000, durationMs: 1000 },
      ],
      300_000,
    );
    expect(inWindows(59_999_999, w)).toBe(false);
    expect(inWindows(60_000_000, w)).toBe(true);
    expect(inWindows(90_000_000, w)).toBe(true);
    expect(inWindows(90_000_001, w)).toBe(false);
    expect(inWindows(5_500_000, w)).toBe(true);
    expect(inWindows(1, [])).toBe(false);
  });
});
