import { describe, expect, it } from 'vitest';
import type { SeriesView } from '../store/index.ts';
import { failureCauses, resolutionOf, sameRows, toChartRows } from './chart-rows.ts';

function view(
  startMs: number[],
  durationMs: number[],
  fields: Record<string, number[]>,
): SeriesView {
  return { startMs, durationMs, fields };
}

const base = (n: number, value: number) => Array.from({ length: n }, () => value);

describe('toChartRows', () => {
  it('turns 1 s window counts into per-second rates at the window end', () => {
    const rows = toChartRows(
      view([0, 1000], [1000, 1000], {
        ok: [90, 50],
        failed: [10, 0],
        completed: [100, 50],
        p50Ms: [5, 6],
        p95Ms: [20, 21],
        p99Ms: [40, 41],
        inFlight: [3, 4],
        queueDepth: [7, 8],
        'failed:timeout': [6, 0],
        'failed:error': [4, 0],
        'metric:state.openMs': [250, 1000],
      }),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      tSec: 1,
      throughputOk: 90,
      failedByCause: { error: 4, timeout: 6 },
      errorRate: 0.1,
      p50Ms: 5,
      p95Ms: 20,
      p99Ms: 40,
      inFlight: 3,
      queueDepth: 7,
      kindMetrics: { 'metric:state.openMs': 250 },
    });
    expect(rows[1]?.kindMetrics).toEqual({ 'metric:state.openMs': 1000 });
    expect(rows[1]?.tSec).toBe(2);
    expect(rows[1]?.errorRate).toBe(0);
  });

  it('gives down-sampled whole-run points the same per-second rates', () => {
    // A 4 s point holding 400 ok and 40 timeouts, and a partial last point covering 2 s.
    const rows = toChartRows(
      view([0, 4000], [4000, 2000], {
        ok: [400, 100],
        failed: [40, 0],
        completed: [440, 100],
        'failed:timeout': [40, 0],
      }),
    );
    expect(rows.map((r) => r.throughputOk)).toEqual([100, 50]);
    expect(rows[0]?.failedByCause).toEqual({ timeout: 10 });
    expect(rows.map((r) => r.tSec)).toEqual([4, 6]);
    expect(rows[0]?.errorRate).toBeCloseTo(40 / 440);
  });

  it('skips windows that cover no time', () => {
    const rows = toChartRows(
      view([0, 1000, 2000], [1000, 0, 1000], { ok: [1, 99, 3], completed: [1, 99, 3] }),
    );
    expect(rows.map((r) => r.tSec)).toEqual([1, 3]);
    expect(rows.map((r) => r.throughputOk)).toEqual([1, 3]);
  });

  it('has no latency and a zero error rate when nothing completed', () => {
    const [row] = toChartRows(
      view([0], [1000], { completed: [0], p50Ms: [0], p95Ms: [0], p99Ms: [0], inFlight: [5] }),
    );
    expect(row).toMatchObject({ p50Ms: null, p95Ms: null, p99Ms: null, errorRate: 0, inFlight: 5 });
  });

  it('reads missing fields as zero', () => {
    expect(toChartRows(view([0], [1000], {}))[0]).toMatchObject({
      throughputOk: 0,
      failedByCause: {},
      queueDepth: 0,
    });
  });
});

describe('failureCauses', () => {
  it('lists failed:<cause> fields, sorted, ignoring the total', () => {
    const v = view([], [], { failed: [], 'failed:timeout': [], 'failed:error': [], ok: [] });
    expect(failureCauses(v)).toEqual(['error', 'timeout']);
  });
});

describe('resolutionOf', () => {
  it('is the step between starts, or the only duration', () => {
    expect(resolutionOf(view([0, 4000, 8000], base(3, 4000), {}))).toBe(4000);
    expect(resolutionOf(view([0], [1000], {}))).toBe(1000);
    expect(resolutionOf(view([], [], {}))).toBe(0);
  });
});

describe('sameRows', () => {
  const make = () =>
    toChartRows(
      view([0, 1000], [1000, 1000], { ok: [1, 2], completed: [1, 2], 'failed:error': [0, 1] }),
    );

  it('compares by value', () => {
    expect(sameRows(make(), make())).toBe(true);
    const changed = make();
    changed[1] = { ...(changed[1] as (typeof changed)[number]), failedByCause: { error: 2 } };
    expect(sameRows(make(), changed)).toBe(false);
    expect(sameRows(make(), make().slice(1))).toBe(false);
  });
});
