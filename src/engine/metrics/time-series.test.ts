import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../testing/budget.ts';
import { TimeSeries, type FieldSpec, type TimeSeriesData } from './time-series.ts';

const FIELDS: readonly FieldSpec[] = [
  { name: 'completed', merge: 'sum' },
  { name: 'peakQueue', merge: 'max' },
  { name: 'inFlight', merge: 'last' },
  { name: 'utilisation', merge: 'mean' },
  { name: 'latencyMeanMs', merge: 'weighted-mean', weight: 'completed' },
];

/** A window's values by name, in FIELDS order. */
function row(v: {
  completed: number;
  peakQueue: number;
  inFlight: number;
  utilisation: number;
  latencyMeanMs: number;
}): number[] {
  return [v.completed, v.peakQueue, v.inFlight, v.utilisation, v.latencyMeanMs];
}

function roundTrip(ts: TimeSeries): TimeSeries {
  return TimeSeries.fromJSON(JSON.parse(JSON.stringify(ts.toJSON())) as TimeSeriesData);
}

describe('TimeSeries merge rules', () => {
  it('merges a pair of windows by each field rule', () => {
    const ts = new TimeSeries(FIELDS, { windowMs: 1000, recentCapacity: 4, maxPoints: 2 });
    ts.append(
      0,
      row({ completed: 2, peakQueue: 5, inFlight: 3, utilisation: 0.5, latencyMeanMs: 10 }),
    );
    ts.append(
      1000,
      row({ completed: 6, peakQueue: 4, inFlight: 1, utilisation: 1, latencyMeanMs: 20 }),
    );
    expect(ts.resolutionMs).toBe(1000);
    expect(ts.pointCount).toBe(2);
    // The third window does not fit: pairs merge and the resolution doubles.
    ts.append(
      2000,
      row({ completed: 0, peakQueue: 7, inFlight: 9, utilisation: 0.25, latencyMeanMs: 0 }),
    );
    expect(ts.resolutionMs).toBe(2000);
    expect(ts.whole()).toEqual({
      startMs: [0, 2000],
      durationMs: [2000, 1000],
      fields: {
        completed: [8, 0],
        peakQueue: [5, 7],
        inFlight: [1, 9],
        utilisation: [0.75, 0.25],
        latencyMeanMs: [(2 * 10 + 6 * 20) / 8, 0],
      },
    });
    // Merging a 2 s point with a 1 s point: 'mean' weighs by duration; the zero-count window
    // does not pull the weighted mean latency down.
    ts.append(
      4000,
      row({ completed: 1, peakQueue: 1, inFlight: 2, utilisation: 1, latencyMeanMs: 40 }),
    );
    expect(ts.resolutionMs).toBe(4000);
    expect(ts.whole()).toEqual({
      startMs: [0, 4000],
      durationMs: [3000, 1000],
      fields: {
        completed: [8, 1],
        peakQueue: [7, 1],
        inFlight: [9, 2],
        utilisation: [(0.75 * 2000 + 0.25 * 1000) / 3000, 1],
        latencyMeanMs: [17.5, 40],
      },
    });
  });

  it('takes the plain mean of weighted means when both weights are 0', () => {
    const ts = new TimeSeries(FIELDS, { windowMs: 500, recentCapacity: 2, maxPoints: 2 });
    ts.append(
      0,
      row({ completed: 0, peakQueue: 0, inFlight: 0, utilisation: 0, latencyMeanMs: 4 }),
    );
    ts.append(
      500,
      row({ completed: 0, peakQueue: 0, inFlight: 0, utilisation: 0, latencyMeanMs: 8 }),
    );
    ts.append(
      1000,
      row({ completed: 0, peakQueue: 0, inFlight: 0, utilisation: 0, latencyMeanMs: 1 }),
    );
    expect(ts.whole().fields.latencyMeanMs).toEqual([6, 1]);
  });

  it('accumulates base windows into a pending point at coarse resolution', () => {
    const ts = new TimeSeries(FIELDS, { windowMs: 1000, recentCapacity: 8, maxPoints: 2 });
    for (let i = 0; i < 5; i++) {
      ts.append(
        i * 1000,
        row({ completed: 1, peakQueue: i, inFlight: 10 - i, utilisation: i / 4, latencyMeanMs: i }),
      );
    }
    // 5 windows, 2 points: resolution 4 s, the second point holds only window 4 so far.
    expect(ts.resolutionMs).toBe(4000);
    expect(ts.whole()).toEqual({
      startMs: [0, 4000],
      durationMs: [4000, 1000],
      fields: {
        completed: [4, 1],
        peakQueue: [3, 4],
        inFlight: [7, 6],
        utilisation: [(0 + 0.25 + 0.5 + 0.75) / 4, 1],
        latencyMeanMs: [(0 + 1 + 2 + 3) / 4, 4],
      },
    });
  });

  it('leaves skipped stretches as empty points that merge as nothing', () => {
    const ts = new TimeSeries([{ name: 'peak', merge: 'max' }], {
      windowMs: 1000,
      recentCapacity: 4,
      maxPoints: 8,
    });
    ts.append(0, [-3]);
    ts.append(3000, [-5]);
    expect(ts.whole()).toEqual({
      startMs: [0, 1000, 2000, 3000],
      durationMs: [1000, 0, 0, 1000],
      fields: { peak: [-3, 0, 0, -5] },
    });
    ts.append(9000, [-1]);
    // Empty points do not win a 'max' with their zeros.
    expect(ts.whole()).toEqual({
      startMs: [0, 2000, 4000, 6000, 8000],
      durationMs: [1000, 1000, 0, 0, 1000],
      fields: { peak: [-3, -5, 0, 0, -1] },
    });
  });
});

describe('TimeSeries recent tier', () => {
  it('keeps exactly the last N windows in order', () => {
    const ts = new TimeSeries([{ name: 'x', merge: 'sum' }], {
      windowMs: 1000,
      recentCapacity: 5,
      maxPoints: 4,
    });
    expect(ts.recent()).toEqual({ startMs: [], durationMs: [], fields: { x: [] } });
    expect(ts.latestWindow()).toBeUndefined();
    for (let i = 0; i < 3; i++) ts.append(i * 1000, [i * 10]);
    expect(ts.recent().fields.x).toEqual([0, 10, 20]);
    for (let i = 3; i < 12; i++) ts.append(i * 1000, [i * 10]);
    expect(ts.recent()).toEqual({
      startMs: [7000, 8000, 9000, 10000, 11000],
      durationMs: [1000, 1000, 1000, 1000, 1000],
      fields: { x: [70, 80, 90, 100, 110] },
    });
    expect(ts.latestWindow()).toEqual({ startMs: 11000, values: { x: 110 } });
  });
});

/** Reference: every base window aggregated directly into points of the final resolution. */
function referenceWhole(
  windows: readonly { index: number; values: number[] }[],
  windowsPerPoint: number,
): { durationMs: number[]; rows: number[][] } {
  const last = windows[windows.length - 1]?.index ?? -1;
  const points = Math.floor(last / windowsPerPoint) + 1;
  const durationMs: number[] = [];
  const rows: number[][] = [];
  for (let p = 0; p < points; p++) {
    const inside = windows.filter((w) => Math.floor(w.index / windowsPerPoint) === p);
    durationMs.push(inside.length * 1000);
    if (inside.length === 0) {
      rows.push([0, 0, 0, 0, 0]);
      continue;
    }
    const col = (f: number) => inside.map((w) => w.values[f] as number);
    const completed = col(0).reduce((s, v) => s + v, 0);
    const latency = col(4);
    const weighted = col(0).reduce((s, c, i) => s + c * (latency[i] as number), 0);
    rows.push([
      completed,
      Math.max(...col(1)),
      col(2)[inside.length - 1] as number,
      col(3).reduce((s, v) => s + v, 0) / inside.length,
      completed > 0 ? weighted / completed : latency.reduce((s, v) => s + v, 0) / inside.length,
    ]);
  }
  return { durationMs, rows };
}

const windowsArb = fc.array(
  fc.tuple(
    fc.nat({ max: 3 }), // windows skipped before this one
    fc.tuple(
      fc.nat({ max: 50 }),
      fc.integer({ min: -20, max: 20 }),
      fc.nat({ max: 9 }),
      fc.nat({ max: 100 }).map((u) => u / 100),
      fc.nat({ max: 500 }),
    ),
  ),
  { minLength: 1, maxLength: 300 },
);

describe('TimeSeries whole-run tier', () => {
  it(
    'matches direct aggregation at the final resolution and conserves sums',
    budget(300, 3),
    () => {
      fc.assert(
        fc.property(windowsArb, fc.integer({ min: 2, max: 20 }), (spec, maxPoints) => {
          const ts = new TimeSeries(FIELDS, { windowMs: 1000, recentCapacity: 3, maxPoints });
          const windows: { index: number; values: number[] }[] = [];
          let index = -1;
          for (const [skip, values] of spec) {
            index += (windows.length === 0 ? 0 : skip) + 1;
            ts.append(5000 + index * 1000, values);
            windows.push({ index, values });
          }
          const whole = ts.whole();
          const wpp = ts.resolutionMs / 1000;
          const expected = referenceWhole(windows, wpp);
          expect(ts.pointCount).toBeLessThanOrEqual(maxPoints);
          expect(ts.pointCount).toBe(expected.rows.length);
          // The resolution is the finest that fits.
          expect(wpp === 1 || Math.floor(index / (wpp / 2)) + 1 > maxPoints).toBe(true);
          expect(whole.startMs).toEqual(expected.rows.map((_, p) => 5000 + p * wpp * 1000));
          expect(whole.durationMs).toEqual(expected.durationMs);
          const f = whole.fields;
          expect(f.completed).toEqual(expected.rows.map((r) => r[0]));
          expect(f.peakQueue).toEqual(expected.rows.map((r) => r[1]));
          expect(f.inFlight).toEqual(expected.rows.map((r) => r[2]));
          expected.rows.forEach((r, p) => {
            expect(f.utilisation?.[p]).toBeCloseTo(r[3] as number, 9);
            expect(f.latencyMeanMs?.[p]).toBeCloseTo(r[4] as number, 9);
          });
          // Conservation: down-sampling never loses or invents a count.
          const total = windows.reduce((s, w) => s + (w.values[0] as number), 0);
          expect(f.completed?.reduce((s, v) => s + v, 0)).toBe(total);
          expect(whole.durationMs.reduce((s, v) => s + v, 0)).toBe(windows.length * 1000);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('keeps memory flat over a 24-hour run of one-second windows', budget(86_400, 0.03), () => {
    const ts = new TimeSeries(FIELDS, { windowMs: 1000, recentCapacity: 300, maxPoints: 600 });
    // Both tiers full: one start (or duration) column plus one column per field.
    const fullBytes = 8 * (300 + 600) * (FIELDS.length + 1);
    const values = new Float64Array(FIELDS.length);
    let completed = 0;
    values.set([5, 1, 2, 0.5, 12]);
    ts.append(0, values);
    completed += 5;
    // Storage starts small: a short run does not pay for the whole capacity.
    expect(ts.bytesUsed()).toBeLessThan(fullBytes / 10);
    let bytesWhenFull = 0;
    for (let i = 1; i < 86_400; i++) {
      values[0] = i % 7;
      completed += i % 7;
      ts.append(i * 1000, values);
      expect(ts.pointCount).toBeLessThanOrEqual(600);
      // Until the ring wraps, the whole-run tier is read from it: one table of 128 rows.
      if (i === 99) expect(ts.bytesUsed()).toBe(8 * 128 * (FIELDS.length + 1));
      if (i === 600) bytesWhenFull = ts.bytesUsed();
    }
    expect(bytesWhenFull).toBe(fullBytes);
    expect(ts.bytesUsed()).toBe(fullBytes);
    expect(ts.resolutionMs).toBe(256_000);
    const whole = ts.whole();
    expect(whole.startMs.length).toBe(ts.pointCount);
    expect(whole.fields.completed?.reduce((s, v) => s + v, 0)).toBe(completed);
    expect(whole.durationMs.reduce((s, v) => s + v, 0)).toBe(86_400_000);
    expect(ts.recent().startMs).toHaveLength(300);
    expect(ts.recent().startMs[299]).toBe(86_399_000);
  });
});

describe('TimeSeries fields', () => {
  it('latestWindow is the last window, one object until the next window or field', () => {
    const ts = new TimeSeries(FIELDS, { windowMs: 1000, recentCapacity: 3, maxPoints: 4 });
    expect(ts.latestWindow()).toBeUndefined();
    const values = new Float64Array(FIELDS.length);
    values[0] = 7;
    ts.append(0, values);
    const first = ts.latestWindow();
    expect(first?.values[FIELDS[0]?.name ?? '']).toBe(7);
    expect(ts.latestWindow()).toBe(first); // frames ask many times a window: built once
    values[0] = 9;
    ts.append(1000, values);
    expect(ts.latestWindow()).toEqual({ startMs: 1000, values: expect.any(Object) });
    expect(ts.latestWindow()?.values[FIELDS[0]?.name ?? '']).toBe(9);
    ts.ensureField({ name: 'extra', merge: 'sum' });
    expect(ts.latestWindow()?.values['extra']).toBe(0);
  });

  it('ensureField adds a field that reads 0 before it existed', () => {
    const ts = new TimeSeries([{ name: 'ok', merge: 'sum' }], {
      windowMs: 1000,
      recentCapacity: 4,
      maxPoints: 2,
    });
    ts.append(0, [1]);
    ts.append(1000, [2]);
    ts.ensureField({ name: 'failed:timeout', merge: 'sum' });
    ts.ensureField({ name: 'failed:timeout', merge: 'sum' }); // idempotent
    expect(() => ts.ensureField({ name: 'failed:timeout', merge: 'max' })).toThrow();
    expect(ts.fieldIndex('failed:timeout')).toBe(1);
    expect(() => ts.append(2000, [3])).toThrow(RangeError);
    ts.append(2000, [3, 4]);
    expect(ts.recent().fields).toEqual({ ok: [1, 2, 3], 'failed:timeout': [0, 0, 4] });
    expect(ts.whole().fields).toEqual({ ok: [3, 3], 'failed:timeout': [0, 4] });
    expect(ts.latestWindow()).toEqual({ startMs: 2000, values: { ok: 3, 'failed:timeout': 4 } });
  });

  it('validates field specs and options', () => {
    const opts = { windowMs: 1000, recentCapacity: 4, maxPoints: 4 };
    expect(() => new TimeSeries([{ name: 'a', merge: 'weighted-mean' }], opts)).toThrow();
    expect(
      () =>
        new TimeSeries(
          [
            { name: 'm', merge: 'max' },
            { name: 'a', merge: 'weighted-mean', weight: 'm' },
          ],
          opts,
        ),
    ).toThrow();
    expect(
      () =>
        new TimeSeries(
          [
            { name: 'a', merge: 'sum' },
            { name: 'a', merge: 'max' },
          ],
          opts,
        ),
    ).toThrow();
    // A weight may be declared after the field that uses it.
    expect(
      () =>
        new TimeSeries(
          [
            { name: 'lat', merge: 'weighted-mean', weight: 'n' },
            { name: 'n', merge: 'sum' },
          ],
          opts,
        ),
    ).not.toThrow();
    expect(() => new TimeSeries([], { ...opts, windowMs: 0 })).toThrow(RangeError);
    expect(() => new TimeSeries([], { ...opts, maxPoints: 1 })).toThrow(RangeError);
    expect(() => new TimeSeries([], { ...opts, recentCapacity: 0 })).toThrow(RangeError);
  });
});

describe('TimeSeries append order', () => {
  it('rejects windows that overlap the previous one, off-grid starts and bad values', () => {
    const ts = new TimeSeries([{ name: 'x', merge: 'sum' }], {
      windowMs: 1000,
      recentCapacity: 4,
      maxPoints: 4,
    });
    ts.append(10_000, [1]);
    ts.append(11_000, [1]);
    const before = ts.toJSON();
    expect(() => ts.append(11_000, [1])).toThrow(RangeError);
    expect(() => ts.append(10_000, [1])).toThrow(RangeError);
    expect(() => ts.append(11_500, [1])).toThrow(RangeError);
    expect(() => ts.append(12_500, [1])).toThrow(RangeError);
    expect(() => ts.append(12_000, [NaN])).toThrow(RangeError);
    expect(() => ts.append(12_000, [1, 2])).toThrow(RangeError);
    expect(ts.toJSON()).toEqual(before);
    ts.append(12_000, [1]);
    expect(ts.whole().fields.x).toEqual([1, 1, 1]);
  });
});

describe('TimeSeries JSON', () => {
  it('round-trips, and the restored series carries on identically', budget(100, 3), () => {
    fc.assert(
      fc.property(windowsArb, windowsArb, (first, second) => {
        const ts = new TimeSeries(FIELDS, { windowMs: 1000, recentCapacity: 7, maxPoints: 6 });
        let index = 0;
        for (const [skip, values] of first) ts.append((index += skip + 1) * 1000, values);
        const back = roundTrip(ts);
        expect(back.toJSON()).toEqual(ts.toJSON());
        expect(back.bytesUsed()).toBe(ts.bytesUsed());
        for (const [skip, values] of second) {
          index += skip + 1;
          ts.append(index * 1000, values);
          back.append(index * 1000, values);
        }
        expect(back.toJSON()).toEqual(ts.toJSON());
        expect(back.recent()).toEqual(ts.recent());
        expect(back.whole()).toEqual(ts.whole());
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips an empty series', () => {
    const ts = new TimeSeries(FIELDS, { windowMs: 250, recentCapacity: 3, maxPoints: 3 });
    const back = roundTrip(ts);
    expect(back.toJSON()).toEqual(ts.toJSON());
    back.append(
      750,
      row({ completed: 1, peakQueue: 1, inFlight: 1, utilisation: 1, latencyMeanMs: 1 }),
    );
    expect(back.whole().startMs).toEqual([750]);
  });

  it('rejects inconsistent data', () => {
    const ts = new TimeSeries([{ name: 'x', merge: 'sum' }], {
      windowMs: 1000,
      recentCapacity: 2,
      maxPoints: 4,
    });
    ts.append(0, [1]);
    ts.append(1000, [2]);
    const good = ts.toJSON();
    expect(() => TimeSeries.fromJSON({ ...good, windowsPerPoint: 3 })).toThrow(RangeError);
    expect(() => TimeSeries.fromJSON({ ...good, lastWindowIndex: 9 })).toThrow(RangeError);
    expect(() =>
      TimeSeries.fromJSON({ ...good, whole: { ...good.whole, fields: { x: [1] } } }),
    ).toThrow(RangeError);
  });
});
