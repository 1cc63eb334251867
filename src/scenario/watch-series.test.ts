import { describe, expect, it } from 'vitest';
import type { SeriesView } from '../engine/index.ts';
import { watchFigure, type WatchFigure } from './watch-figures.ts';
import { faultSpans, watchMean, watchRows } from './watch-series.ts';

const figure = (id: string) => watchFigure(id) as WatchFigure;

/** 1 s windows starting at 0, 1000, … with these fields. */
function view(fields: Record<string, number[]>): SeriesView {
  const n = Object.values(fields)[0]?.length ?? 0;
  return {
    startMs: Array.from({ length: n }, (_, i) => i * 1000),
    durationMs: Array.from({ length: n }, () => 1000),
    fields,
  };
}

describe('watch rows and means', () => {
  it('computes the figure per window for each node, aligned by window start', () => {
    const a = view({ arrivals: [10, 20, 30] });
    const b: SeriesView = {
      startMs: [1000, 2000],
      durationMs: [1000, 1000],
      fields: { arrivals: [5, 6] },
    };
    const rows = watchRows([a, b], null, figure('arrivals'));
    expect(rows.map((r) => r.values)).toEqual([
      [10, null],
      [20, 5],
      [30, 6],
    ]);
    expect(rows.map((r) => r.tSec)).toEqual([1, 2, 3]);
  });

  it('reads the clients from the system series for amplification', () => {
    const service = view({ arrivals: [300, 110] });
    const clients = view({ arrivals: [100, 100] });
    const rows = watchRows([service], clients, figure('amplification'));
    expect(rows.map((r) => r.values[0])).toEqual([3, 1.1]);
  });

  it('merges overlapping fault windows and cuts them at the run end; open-ended ones last', () => {
    expect(
      faultSpans(
        [
          { startMs: 30_000, durationMs: 20_000 },
          { startMs: 40_000, durationMs: 20_000 },
          { startMs: 90_000, durationMs: null },
          { startMs: 200_000, durationMs: 1000 },
        ],
        120_000,
      ),
    ).toEqual([
      { startMs: 30_000, endMs: 60_000 },
      { startMs: 90_000, endMs: 120_000 },
    ]);
    expect(faultSpans([], 120_000)).toEqual([]);
  });

  it('averages a line over the windows in the spans (the whole run without), leaving gaps out', () => {
    const rows = watchRows(
      [view({ completed: [1, 1, 0, 1], p99Ms: [10, 20, 99, 40] })],
      null,
      figure('p99'),
    );
    expect(watchMean(rows, 0, [])).toBeCloseTo(70 / 3);
    expect(watchMean(rows, 0, [{ startMs: 1000, endMs: 3000 }])).toBe(20);
    expect(watchMean(rows, 0, [{ startMs: 2000, endMs: 3000 }])).toBeNull();
    expect(watchMean(rows, 1, [])).toBeNull();
  });
});
