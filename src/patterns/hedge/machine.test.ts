import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import {
  attemptEdgePosition,
  emptyHistory,
  hedgeConfigSchema,
  hedgeDelayUs,
  MIN_SAMPLES,
  percentile,
  recordLatency,
  REFRESH_EVERY,
  type LatencyHistory,
} from './machine.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

const CFG = hedgeConfigSchema.parse({});

function fill(values: number[], cfg = CFG): LatencyHistory {
  let h = emptyHistory();
  for (const v of values) h = recordLatency(cfg, h, v);
  return h;
}

describe('hedge config', () => {
  it('defaults: one hedge after the p95 of the last 200 requests, round robin, none on failure', () => {
    expect(CFG).toEqual({
      hedgeDelayMs: null,
      hedgePercentile: 0.95,
      maxHedges: 1,
      pick: 'round-robin',
      hedgeOnFailure: false,
      historySize: 200,
    });
    expect(() => z.toJSONSchema(hedgeConfigSchema, { io: 'input' })).not.toThrow();
  });
});

describe('percentile (nearest rank)', () => {
  it('is the smallest sample with at least a share q at or below it', () => {
    const oneToHundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(oneToHundred, 0.95)).toBe(95);
    expect(percentile(oneToHundred, 0.5)).toBe(50);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([3, 1, 2], 0.01)).toBe(1);
    expect(() => percentile([], 0.5)).toThrow();
  });

  it('lies within the samples and never sorts its input in place', budget(RUNS, 2), () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (xs, q) => {
          const copy = [...xs];
          const p = percentile(xs, q);
          expect(xs).toEqual(copy);
          const below = xs.filter((x) => x <= p).length;
          expect(below / xs.length).toBeGreaterThanOrEqual(q - 1e-12);
          expect(xs.filter((x) => x < p).length / xs.length).toBeLessThan(q);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('latency history', () => {
  it('has no delay until MIN_SAMPLES are in, then the percentile', () => {
    const samples = Array.from({ length: MIN_SAMPLES }, (_, i) => (i + 1) * 1000);
    expect(fill(samples.slice(0, -1)).percentileUs).toBeNull();
    expect(fill(samples).percentileUs).toBe(19_000); // rank ceil(0.95 × 20) = 19
  });

  it('refreshes the percentile every REFRESH_EVERY samples', () => {
    let h = fill(Array.from({ length: MIN_SAMPLES }, () => 1000));
    for (let i = 1; i < REFRESH_EVERY; i++) h = recordLatency(CFG, h, 50_000);
    expect(h.percentileUs).toBe(1000);
    h = recordLatency(CFG, h, 50_000);
    expect(h.percentileUs).toBe(50_000);
    expect(h.sinceRefresh).toBe(0);
  });

  it('keeps the newest historySize samples', () => {
    const cfg = { ...CFG, historySize: 20 };
    const h = fill(
      Array.from({ length: 25 }, (_, i) => i),
      cfg,
    );
    expect(h.samplesUs).toEqual(Array.from({ length: 20 }, (_, i) => i + 5));
  });

  it('never mutates its input', () => {
    const h = fill([1, 2, 3]);
    const copy = structuredClone(h);
    recordLatency(CFG, h, 4);
    expect(h).toEqual(copy);
  });
});

describe('hedgeDelayUs and targets', () => {
  const learnt = fill(Array.from({ length: MIN_SAMPLES }, () => 42_000));

  it('a fixed delay wins; otherwise the learnt percentile; none while learning or with maxHedges 0', () => {
    expect(hedgeDelayUs({ ...CFG, hedgeDelayMs: 12.5 }, emptyHistory())).toBe(12_500);
    expect(hedgeDelayUs(CFG, learnt)).toBe(42_000);
    expect(hedgeDelayUs(CFG, emptyHistory())).toBeNull();
    expect(hedgeDelayUs({ ...CFG, maxHedges: 0, hedgeDelayMs: 5 }, learnt)).toBeNull();
  });

  it('attempt k goes to the k-th edge after the primary, wrapping around', () => {
    expect([0, 1, 2, 3].map((k) => attemptEdgePosition(1, k, 3))).toEqual([1, 2, 0, 1]);
    expect(attemptEdgePosition(0, 1, 1)).toBe(0); // one edge (e.g. a load balancer): same edge
  });
});
