import { describe, expect, it } from 'vitest';
import { MIN_FETCH_INTERVAL_MS, isSettled, shouldFetch } from './throttle.ts';

describe('shouldFetch', () => {
  it('fetches first time, then at most every 100 ms', () => {
    expect(shouldFetch(0, -Infinity, false)).toBe(true);
    expect(shouldFetch(1050, 1000, false)).toBe(false);
    expect(shouldFetch(1000 + MIN_FETCH_INTERVAL_MS, 1000, false)).toBe(true);
  });

  it('never overlaps requests', () => {
    expect(shouldFetch(5000, 1000, true)).toBe(false);
  });

  it('caps the rate at ~4 Hz (within the ≤ 10 Hz budget) for frames at any pace', () => {
    // 60 frames per second for 2 s, each answered at once.
    let last = -Infinity;
    let fetches = 0;
    for (let t = 0; t < 2000; t += 1000 / 60) {
      if (shouldFetch(t, last, false)) {
        fetches++;
        last = t;
      }
    }
    expect(fetches).toBeLessThanOrEqual(8);
    expect(fetches).toBeGreaterThanOrEqual(7);
  });
});

describe('isSettled', () => {
  it('is true when no more frames may come', () => {
    for (const s of ['paused', 'done', 'ready', 'empty', 'error']) expect(isSettled(s)).toBe(true);
    for (const s of ['playing', 'running-to-end']) expect(isSettled(s)).toBe(false);
  });
});
