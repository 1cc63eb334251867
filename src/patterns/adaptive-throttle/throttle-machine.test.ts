import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import {
  advance,
  bucketCount,
  initialWindow,
  recordAccept,
  recordRequest,
  rejectProbability,
  throttleConfigSchema,
  type ThrottleWindow,
} from './throttle-machine.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

const CFG = throttleConfigSchema.parse({});
const S = 1_000_000;

function withCounts(requests: number, accepts: number): ThrottleWindow {
  let w = initialWindow(CFG);
  for (let i = 0; i < requests; i++) w = recordRequest(w, 0);
  for (let i = 0; i < accepts; i++) w = recordAccept(w, 0);
  return w;
}

describe('adaptive throttle config', () => {
  it('defaults to the SRE book: k = 2 over a 2-minute window of 120 one-second buckets', () => {
    expect(CFG).toEqual({ k: 2, windowMs: 120_000 });
    expect(bucketCount(CFG)).toBe(120);
    expect(bucketCount({ k: 2, windowMs: 1500 })).toBe(2);
    expect(() => z.toJSONSchema(throttleConfigSchema, { io: 'input' })).not.toThrow();
    expect(throttleConfigSchema.safeParse({ k: 0.5 }).success).toBe(false);
  });
});

describe('rejectProbability = max(0, (requests − k·accepts) / (requests + 1))', () => {
  it('is 0 with no history and while accepts keep up', () => {
    expect(rejectProbability(CFG, withCounts(0, 0))).toBe(0);
    expect(rejectProbability(CFG, withCounts(10, 5))).toBe(0);
    expect(rejectProbability(CFG, withCounts(10, 10))).toBe(0);
  });

  it('grows as accepts fall behind requests / k', () => {
    expect(rejectProbability(CFG, withCounts(10, 4))).toBeCloseTo(2 / 11, 12);
    expect(rejectProbability(CFG, withCounts(10, 0))).toBeCloseTo(10 / 11, 12);
    expect(rejectProbability({ k: 1.1, windowMs: 1000 }, withCounts(10, 5))).toBeCloseTo(
      4.5 / 11,
      12,
    );
  });

  it('never reaches 1: one request in (requests + 1) still gets through a dead backend', () => {
    expect(rejectProbability(CFG, withCounts(1000, 0))).toBe(1000 / 1001);
  });
});

describe('the sliding window', () => {
  const cfg = { k: 2, windowMs: 2000 };

  it('counts into the current second and drops whole seconds older than the window', () => {
    let w = initialWindow(cfg);
    w = recordRequest(w, 0.5 * S);
    w = recordAccept(w, 0.6 * S);
    w = recordRequest(w, 1.5 * S);
    expect([w.totalRequests, w.totalAccepts]).toEqual([2, 1]);
    // At 2 s the window is seconds 1–2: second 0 has left it.
    expect(advance(w, 2 * S)).toMatchObject({ epoch: 2, totalRequests: 1, totalAccepts: 0 });
    expect(advance(w, 1.999 * S)).toBe(w);
    expect(advance(w, 100 * S)).toMatchObject({ totalRequests: 0, totalAccepts: 0 });
  });

  it('never mutates its input', () => {
    const w = recordRequest(initialWindow(cfg), 0);
    const copy = structuredClone(w);
    recordRequest(w, 0);
    recordAccept(w, 3 * S);
    advance(w, 5 * S);
    expect(w).toEqual(copy);
  });

  it('totals always equal the bucket sums, and p stays in [0, 1)', budget(RUNS, 2), () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3_000_000 })), {
          maxLength: 200,
        }),
        fc.integer({ min: 1000, max: 10_000 }),
        (events, windowMs) => {
          const c = { k: 2, windowMs };
          let w = initialWindow(c);
          let now = 0;
          for (const [isAccept, dtUs] of events) {
            now += dtUs;
            w = isAccept ? recordAccept(w, now) : recordRequest(w, now);
            expect(w.totalRequests).toBe(w.requests.reduce((a, b) => a + b, 0));
            expect(w.totalAccepts).toBe(w.accepts.reduce((a, b) => a + b, 0));
            const p = rejectProbability(c, w);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThan(1);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
