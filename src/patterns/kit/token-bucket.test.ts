import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';

/** fast-check's default number of runs, named so the budget can count it. */
const RUNS = 100;
import {
  burstCapacity,
  fullBucket,
  refitBucket,
  takeToken,
  tokensAt,
  type TokenBucket,
} from './token-bucket.ts';

const MS = 1000;
const SEC = 1_000_000;

describe('token bucket', () => {
  const p = { capacity: 3, refillPerSec: 10 };

  it('starts full; admits a burst of capacity, then rejects', () => {
    let s = fullBucket(p, 0);
    const results = [0, 0, 0, 0].map(() => {
      const r = takeToken(p, s, 0);
      s = r.next;
      return r.allowed;
    });
    expect(results).toEqual([true, true, true, false]);
    expect(s.microTokens).toBe(0);
  });

  it('refills continuously at refillPerSec: one token per 100 ms at 10/s, to the µs', () => {
    const s: TokenBucket = { microTokens: 0, updatedUs: 0 };
    expect(tokensAt(p, s, 50 * MS)).toBeCloseTo(0.5, 12);
    expect(takeToken(p, s, 99 * MS).allowed).toBe(false);
    expect(takeToken(p, s, 100 * MS)).toEqual({
      allowed: true,
      next: { microTokens: 0, updatedUs: 100 * MS },
    });
  });

  it('never holds more than capacity: a long idle time refills only up to it', () => {
    const s: TokenBucket = { microTokens: 1e6, updatedUs: 0 };
    expect(tokensAt(p, s, 60 * SEC)).toBe(3);
    let b = s;
    const take = () => {
      const r = takeToken(p, b, 60 * SEC);
      b = r.next;
      return r.allowed;
    };
    expect([take(), take(), take(), take()]).toEqual([true, true, true, false]);
  });

  it('a rejection takes no token; extra fields of the state are kept; the input is untouched', () => {
    const s = { algorithm: 'token-bucket' as const, microTokens: 500_000, updatedUs: 0 };
    expect(takeToken(p, s, 0)).toEqual({ allowed: false, next: s });
    const r = takeToken(p, s, 50 * MS);
    expect(r.next).toEqual({ algorithm: 'token-bucket', microTokens: 0, updatedUs: 50 * MS });
    expect(s).toEqual({ algorithm: 'token-bucket', microTokens: 500_000, updatedUs: 0 });
  });

  it('a live edit keeps the tokens refilled under the old settings, capped at the new size', () => {
    const s: TokenBucket = { microTokens: 1e6, updatedUs: 0 };
    // 1 token + 100 ms at 10/s = 2 tokens; the new bucket holds 1.
    expect(refitBucket(p, { capacity: 1, refillPerSec: 50 }, s, 100 * MS)).toEqual({
      microTokens: 1e6,
      updatedUs: 100 * MS,
    });
    expect(refitBucket(p, { capacity: 5, refillPerSec: 50 }, s, 100 * MS).microTokens).toBe(2e6);
  });

  it('burst capacity: burst when set, else one second of tokens (at least 1)', () => {
    expect(burstCapacity(20, null)).toBe(20);
    expect(burstCapacity(2.5, null)).toBe(3);
    expect(burstCapacity(0.2, null)).toBe(1);
    expect(burstCapacity(20, 5)).toBe(5);
  });

  it(
    'property: admitted ≤ capacity + rate × elapsed, for any rate and arrival times',
    budget(RUNS, 2),
    () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0.5, max: 500, noNaN: true }),
          fc.integer({ min: 1, max: 50 }),
          fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 300 }),
          (refillPerSec, capacity, gaps) => {
            const q = { capacity, refillPerSec };
            let b = fullBucket(q, 0);
            let now = 0;
            let admitted = 0;
            for (const g of gaps) {
              now += g;
              const r = takeToken(q, b, now);
              b = r.next;
              if (r.allowed) admitted++;
              const tokens = tokensAt(q, b, now);
              if (tokens < 0 || tokens > capacity) return false;
            }
            return admitted <= capacity + (refillPerSec * now) / SEC + 1e-6;
          },
        ),
      );
    },
  );
});
