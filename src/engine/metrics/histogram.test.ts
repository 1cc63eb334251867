import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../testing/budget.ts';
import { HISTOGRAM_RELATIVE_ACCURACY, LatencyHistogram } from './histogram.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

/** Quantiles as exact fractions, so the oracle's rank has no floating-point doubt. */
const QUANTILES: readonly (readonly [number, number])[] = [
  [1, 2],
  [19, 20],
  [99, 100],
  [999, 1000],
];

/** Seeded mulberry32, so failures reproduce. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function exactQuantile(sorted: readonly number[], num: number, den: number): number {
  const rank = Math.max(1, Math.ceil((num * sorted.length) / den));
  return sorted[rank - 1] as number;
}

function histogramOf(values: readonly number[]): LatencyHistogram {
  const h = new LatencyHistogram();
  for (const v of values) h.record(v);
  return h;
}

function relativeError(actual: number, expected: number): number {
  if (expected === 0) return actual === 0 ? 0 : Infinity;
  return Math.abs(actual - expected) / expected;
}

function expectAccurate(values: readonly number[]): void {
  const h = histogramOf(values);
  const sorted = [...values].sort((x, y) => x - y);
  for (const [num, den] of QUANTILES) {
    const exact = exactQuantile(sorted, num, den);
    const got = h.quantileUs(num / den);
    expect(
      relativeError(got, exact),
      `q=${num}/${den} exact=${exact} got=${got}`,
    ).toBeLessThanOrEqual(0.01);
  }
  expect(h.quantileUs(1)).toBe(sorted[sorted.length - 1]);
  expect(h.quantileUs(0)).toBe(sorted[0]);
}

const DISTRIBUTIONS = {
  // Exponential, mean 10 ms.
  exponential: (rand) => Math.round(-10_000 * Math.log(1 - rand())),
  // Lognormal with a heavy tail: median 5 ms, σ = 2 (p99.9 ≈ 2.5 s).
  lognormal: (rand) => {
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    return Math.round(5_000 * Math.exp(2 * z));
  },
  constant: () => 12_345,
  // A third of the values are exactly 0 (e.g. cache hits), the rest small.
  'with zeros': (rand) => (rand() < 0.34 ? 0 : 1 + Math.floor(rand() * 2_000)),
  // Pareto tail reaching minutes.
  pareto: (rand) => Math.round(1_000 / Math.pow(1 - rand(), 1 / 1.1)),
} satisfies Record<string, (rand: () => number) => number>;

describe('LatencyHistogram accuracy', () => {
  for (const [name, draw] of Object.entries(DISTRIBUTIONS)) {
    it(`p50/p95/p99/p99.9 within 1% of exact nearest rank: ${name}`, () => {
      for (const seed of [1, 2, 3]) {
        const rand = seeded(seed);
        expectAccurate(Array.from({ length: 20_000 }, () => draw(rand)));
      }
    });
  }

  it('is accurate for tiny counts (1..5 values)', budget(500, 0.5), () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1e10 }), { minLength: 1, maxLength: 5 }), expectAccurate),
      { numRuns: 500 },
    );
  });

  it('is accurate for arbitrary integer samples', budget(300, 0.5), () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat({ max: 100 }), fc.nat({ max: 1e11 })), {
          minLength: 1,
          maxLength: 400,
        }),
        expectAccurate,
      ),
      { numRuns: 300 },
    );
  });

  it('every bucket representative is within α of the values it holds', budget(2000, 0.2), () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e12, noNaN: true }), (v) => {
        const h = new LatencyHistogram();
        h.record(v);
        h.record(1e12); // keeps max above v, so the clamp cannot hide an error
        h.record(0);
        expect(relativeError(h.quantileUs(0.5), v)).toBeLessThanOrEqual(
          HISTOGRAM_RELATIVE_ACCURACY * (1 + 1e-9),
        );
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('LatencyHistogram exact statistics', () => {
  it('min, max, sum and mean are exact', budget(RUNS, 1), () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1e9 }), { minLength: 1, maxLength: 200 }), (values) => {
        const h = histogramOf(values);
        const sum = values.reduce((s, v) => s + v, 0);
        expect(h.count).toBe(values.length);
        expect(h.sumUs).toBe(sum);
        expect(h.minUs).toBe(Math.min(...values));
        expect(h.maxUs).toBe(Math.max(...values));
        expect(h.meanUs()).toBe(sum / values.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('reports zeros when empty', () => {
    const h = new LatencyHistogram();
    expect([h.count, h.sumUs, h.minUs, h.maxUs, h.meanUs(), h.quantileUs(0.99)]).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
    expect(h.summaryMs()).toEqual({ mean: 0, p50: 0, p95: 0, p99: 0, p999: 0, max: 0 });
  });

  it('summaryMs matches quantileUs in milliseconds', () => {
    const rand = seeded(7);
    const h = histogramOf(Array.from({ length: 5_000 }, () => DISTRIBUTIONS.lognormal(rand)));
    expect(h.summaryMs()).toEqual({
      mean: h.meanUs() / 1000,
      p50: h.quantileUs(0.5) / 1000,
      p95: h.quantileUs(0.95) / 1000,
      p99: h.quantileUs(0.99) / 1000,
      p999: h.quantileUs(0.999) / 1000,
      max: h.maxUs / 1000,
    });
  });

  it('summaryMs agrees with quantileUs for arbitrary samples', budget(RUNS, 1), () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1e8 }), { minLength: 1, maxLength: 100 }), (values) => {
        const h = histogramOf(values);
        const s = h.summaryMs();
        expect([s.p50, s.p95, s.p99, s.p999]).toEqual(
          [0.5, 0.95, 0.99, 0.999].map((q) => h.quantileUs(q) / 1000),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('clamps values beyond the top bucket but keeps max exact', () => {
    const h = new LatencyHistogram();
    h.record(5e13);
    h.record(7e13);
    expect(h.maxUs).toBe(7e13);
    expect(h.quantileUs(1)).toBe(7e13);
    expect(h.quantileUs(0)).toBe(5e13);
  });

  it('recordMany equals repeated record', budget(RUNS, 1), () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 1e9 }), fc.nat({ max: 20 })), { maxLength: 30 }),
        (pairs) => {
          const a = new LatencyHistogram();
          const b = new LatencyHistogram();
          for (const [v, n] of pairs) {
            a.recordMany(v, n);
            for (let i = 0; i < n; i++) b.record(v);
          }
          expect(a.toJSON()).toEqual(b.toJSON());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('rejects negative, NaN and infinite values and bad counts', () => {
    const h = new LatencyHistogram();
    expect(() => h.record(-1)).toThrow(RangeError);
    expect(() => h.record(NaN)).toThrow(RangeError);
    expect(() => h.record(Infinity)).toThrow(RangeError);
    expect(() => h.recordMany(1, 1.5)).toThrow(RangeError);
    expect(() => h.recordMany(1, -1)).toThrow(RangeError);
    expect(() => h.quantileUs(NaN)).toThrow(RangeError);
    expect(h.count).toBe(0);
  });
});

describe('LatencyHistogram merge, reset and JSON', () => {
  const samples = fc.array(fc.oneof(fc.constant(0), fc.nat({ max: 1e10 })), { maxLength: 200 });

  it('merge(a, b) equals recording every sample into one histogram', budget(RUNS, 1), () => {
    fc.assert(
      fc.property(samples, samples, (xs, ys) => {
        const a = histogramOf(xs);
        const b = histogramOf(ys);
        const bBefore = b.toJSON();
        a.merge(b);
        const all = histogramOf([...xs, ...ys]);
        for (const q of [0, 0.5, 0.95, 0.99, 0.999, 1])
          expect(a.quantileUs(q)).toBe(all.quantileUs(q));
        expect(a.summaryMs()).toEqual(all.summaryMs());
        expect([a.count, a.sumUs, a.minUs, a.maxUs]).toEqual([
          all.count,
          all.sumUs,
          all.minUs,
          all.maxUs,
        ]);
        expect(a.toJSON()).toEqual(all.toJSON());
        expect(b.toJSON()).toEqual(bBefore);
      }),
      { numRuns: RUNS },
    );
  });

  it('reset empties the histogram and it can be reused', budget(RUNS, 1), () => {
    fc.assert(
      fc.property(samples, samples, (xs, ys) => {
        const h = histogramOf(xs);
        h.reset();
        expect(h.toJSON()).toEqual(new LatencyHistogram().toJSON());
        for (const y of ys) h.record(y);
        expect(h.toJSON()).toEqual(histogramOf(ys).toJSON());
      }),
      { numRuns: RUNS },
    );
  });

  it('round-trips through JSON exactly', budget(RUNS, 2), () => {
    fc.assert(
      fc.property(samples, (xs) => {
        const h = histogramOf(xs);
        const data = JSON.parse(JSON.stringify(h.toJSON())) as ReturnType<
          LatencyHistogram['toJSON']
        >;
        const back = LatencyHistogram.fromJSON(data);
        expect(back.toJSON()).toEqual(h.toJSON());
        for (const q of [0, 0.5, 0.99, 1]) expect(back.quantileUs(q)).toBe(h.quantileUs(q));
        // The restored histogram keeps working like the original.
        back.record(1234);
        h.record(1234);
        expect(back.toJSON()).toEqual(h.toJSON());
      }),
      { numRuns: RUNS },
    );
  });

  it('walks its few non-empty slots or its whole range to the same figures', () => {
    // A window at a node of a large graph holds a handful of values spread over hundreds of
    // slots; summaries, merges and resets visit only those slots, with identical results.
    const spread = fc.array(fc.oneof(fc.constant(0), fc.nat({ max: 1e8 })), { maxLength: 40 });
    fc.assert(
      fc.property(spread, spread, (xs, ys) => {
        const listed = new LatencyHistogram();
        const ranged = new LatencyHistogram(0);
        const run = new LatencyHistogram();
        for (const [h, into] of [
          [listed, run],
          [ranged, new LatencyHistogram(0)],
        ] as const) {
          for (const x of xs) h.record(x);
          into.merge(h);
          h.reset();
          for (const y of ys) h.record(y);
        }
        for (const q of [0, 0.25, 0.5, 0.95, 0.99, 0.999, 1])
          expect(listed.quantileUs(q)).toBe(ranged.quantileUs(q));
        expect(listed.summaryMs()).toEqual(ranged.summaryMs());
        expect(listed.toJSON()).toEqual(ranged.toJSON());
        expect(run.toJSON()).toEqual(histogramOf(xs).toJSON());
      }),
      { numRuns: 300 },
    );
  });

  it('allocates nothing for a few values, then only around the slots it touches', () => {
    const h = new LatencyHistogram();
    expect(h.bytesUsed()).toBe(0);
    for (let v = 1000; v <= 2000; v += 50) h.record(v); // ~14 slots: kept in the list
    expect(h.bytesUsed()).toBe(0);
    for (let v = 2000; v <= 4000; v += 20) h.record(v); // ~70 more slots: an array over them
    expect(h.bytesUsed()).toBeGreaterThan(0);
    expect(h.bytesUsed()).toBeLessThanOrEqual(512); // 16-bit counts over ~256 slots
    h.record(0);
    h.record(1e12);
    const full = h.bytesUsed();
    expect(full).toBeGreaterThan(5_000); // the whole range (~2770 slots), once values span it
    expect(full).toBeLessThan(6_000);
    h.reset();
    expect(h.bytesUsed()).toBe(full);
    expect(h.toJSON()).toEqual(new LatencyHistogram().toJSON());
  });

  it('keeps counts past 16 bits exact: carried, merged, summarised, reset', () => {
    const big = 3 * 65_536 + 7;
    const ranged = new LatencyHistogram(0);
    const listed = new LatencyHistogram();
    for (const h of [ranged, listed]) {
      h.recordMany(1000, big);
      h.recordMany(1000, 65_535); // carries again
      h.recordMany(5000, 10);
      h.record(20);
    }
    const expected = {
      ...histogramOf([20]).toJSON(),
      count: big + 65_535 + 11,
      sumUs: 1000 * (big + 65_535) + 50_020,
      maxUs: 5000,
    };
    for (const h of [ranged, listed]) {
      const data = h.toJSON();
      expect(data.count).toBe(expected.count);
      expect(data.sumUs).toBe(expected.sumUs);
      expect(data.counts.reduce((a, c) => a + c, 0)).toBe(expected.count);
      expect(Math.max(...data.counts)).toBe(big + 65_535);
      expect(h.quantileUs(0.5)).toBeCloseTo(1000, -1);
      expect(h.quantileUs(0.9999)).toBeCloseTo(1000, -1);
      expect(h.quantileUs(1)).toBe(5000);
      expect(LatencyHistogram.fromJSON(data).toJSON()).toEqual(data);
    }
    expect(listed.summaryMs()).toEqual(ranged.summaryMs());
    const merged = new LatencyHistogram(0);
    merged.merge(ranged);
    merged.merge(listed);
    expect(merged.count).toBe(2 * expected.count);
    expect(Math.max(...merged.toJSON().counts)).toBe(2 * (big + 65_535));
    merged.reset();
    merged.record(1000);
    expect(merged.toJSON()).toEqual(histogramOf([1000]).toJSON());
  });

  it('mergeLater equals merge, read at any time, whatever the windows', () => {
    const random = seeded(7);
    const later = new LatencyHistogram();
    const now = new LatencyHistogram();
    const window = new LatencyHistogram();
    // Windows of 0..40 values (a few go ranged and merge at once), reads now and then, a reset.
    for (let w = 0; w < 400; w++) {
      window.reset();
      const n = Math.floor(random() * (w % 50 === 0 ? 40 : 12));
      for (let i = 0; i < n; i++) window.record(Math.floor(random() ** 3 * 5e6));
      later.mergeLater(window);
      now.merge(window);
      expect(later.count).toBe(now.count);
      expect(later.sumUs).toBe(now.sumUs);
      expect(later.maxUs).toBe(now.maxUs);
      if (w % 37 === 0) expect(later.summaryMs()).toEqual(now.summaryMs());
      if (w % 91 === 0) expect(later.quantileUs(0.9)).toBe(now.quantileUs(0.9));
      if (w === 250) {
        later.reset();
        now.reset();
      }
    }
    expect(later.toJSON()).toEqual(now.toJSON());
    const both = new LatencyHistogram();
    later.mergeLater(window);
    both.merge(later); // a histogram holding pairs merges them too
    now.merge(window);
    expect(both.toJSON()).toEqual(now.toJSON());
  });

  it('stores only the touched bucket range', () => {
    const data = histogramOf([0, 0, 1000, 1010, 2000]).toJSON();
    expect(data.zeroCount).toBe(2);
    expect(data.counts.length).toBeLessThan(80);
    expect(data.counts[0]).toBeGreaterThan(0);
    expect(data.counts[data.counts.length - 1]).toBeGreaterThan(0);
  });

  it('rejects inconsistent data', () => {
    const good = histogramOf([5, 50, 500]).toJSON();
    expect(() => LatencyHistogram.fromJSON({ ...good, count: 4 })).toThrow(RangeError);
    expect(() => LatencyHistogram.fromJSON({ ...good, relativeAccuracy: 0.01 })).toThrow(
      RangeError,
    );
    expect(() => LatencyHistogram.fromJSON({ ...good, offset: 1e6 })).toThrow(RangeError);
    expect(() => LatencyHistogram.fromJSON({ ...good, counts: [-1, 4] })).toThrow(RangeError);
  });
});
