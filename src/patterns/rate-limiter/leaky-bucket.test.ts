import { describe, expect, it } from 'vitest';
import {
  initialLeakyBucket,
  leakyArrive,
  leakyDrain,
  leakyLeave,
  nextReleaseUs,
} from './leaky-bucket.ts';

const MS = 1000;

describe('leaky bucket', () => {
  const p = { capacity: 2, drainPerSec: 10 };

  it('the first request passes; the next one within 100 ms waits for the drain', () => {
    const a = leakyArrive(p, initialLeakyBucket(), 0);
    expect(a).toEqual({
      decision: 'pass',
      next: { algorithm: 'leaky-bucket', waiting: 0, lastReleaseUs: 0 },
      drainAtUs: null,
    });
    const b = leakyArrive(p, a.next, 30 * MS);
    expect(b).toEqual({
      decision: 'wait',
      next: { algorithm: 'leaky-bucket', waiting: 1, lastReleaseUs: 0 },
      drainAtUs: 100 * MS,
    });
    // A second waiter: the drain is already scheduled.
    const c = leakyArrive(p, b.next, 40 * MS);
    expect(c).toMatchObject({ decision: 'wait', next: { waiting: 2 }, drainAtUs: null });
    // Full: rejected.
    expect(leakyArrive(p, c.next, 50 * MS)).toEqual({
      decision: 'reject',
      next: c.next,
      drainAtUs: null,
    });
  });

  it('drains one per interval; the next drain is set while others wait', () => {
    const s = { algorithm: 'leaky-bucket' as const, waiting: 2, lastReleaseUs: 0 };
    expect(leakyDrain(p, s, 99 * MS)).toBeNull();
    const d = leakyDrain(p, s, 100 * MS);
    expect(d).toEqual({
      next: { algorithm: 'leaky-bucket', waiting: 1, lastReleaseUs: 100 * MS },
      drainAtUs: 200 * MS,
    });
    expect(leakyDrain(p, d?.next ?? s, 200 * MS)).toEqual({
      next: { algorithm: 'leaky-bucket', waiting: 0, lastReleaseUs: 200 * MS },
      drainAtUs: null,
    });
    expect(leakyDrain(p, initialLeakyBucket(), 0)).toBeNull();
  });

  it('no overtaking: an arrival finds waiters and waits even when a release is due', () => {
    const s = { algorithm: 'leaky-bucket' as const, waiting: 1, lastReleaseUs: 0 };
    expect(leakyArrive(p, s, 150 * MS).decision).toBe('wait');
  });

  it('after a quiet spell a request passes at once', () => {
    const s = { algorithm: 'leaky-bucket' as const, waiting: 0, lastReleaseUs: 0 };
    expect(leakyArrive(p, s, 100 * MS).decision).toBe('pass');
    expect(nextReleaseUs(p, s)).toBe(100 * MS);
  });

  it('a waiter leaving frees its place', () => {
    expect(leakyLeave({ algorithm: 'leaky-bucket', waiting: 2, lastReleaseUs: 0 })).toMatchObject({
      waiting: 1,
    });
    expect(() => leakyLeave(initialLeakyBucket())).toThrow(/nobody/);
  });
});
