import { describe, expect, it } from 'vitest';
import type { ChartRow } from './chart-rows.ts';
import { downsampleRows } from './downsample-rows.ts';

function row(tSec: number, v: number): ChartRow {
  return {
    tSec,
    throughputOk: v,
    failedByCause: { error: v / 10 },
    errorRate: v / 100,
    p50Ms: v,
    p95Ms: v * 2,
    p99Ms: tSec === 4 ? null : v * 3,
    inFlight: v,
    queueDepth: v,
    kindMetrics: { 'metric:state.openMs': 1000 },
  };
}

describe('downsampleRows', () => {
  it('returns small inputs unchanged (same array)', () => {
    const rows = [row(1, 1), row(2, 2)];
    expect(downsampleRows(rows, 5)).toBe(rows);
  });

  it('merges runs anchored at the newest row: means for rates, worst tails, last in-flight', () => {
    const rows = [1, 2, 3, 4, 5].map((t) => row(t, t * 10));
    const out = downsampleRows(rows, 2);
    // size 3 from the end: [3,4,5] and [1,2].
    expect(out.map((r) => r.tSec)).toEqual([2, 5]);
    const newest = out[1] as ChartRow;
    expect(newest.throughputOk).toBe(40);
    expect(newest.failedByCause['error']).toBe(4);
    expect(newest.p50Ms).toBe(40);
    expect(newest.p95Ms).toBe(100);
    expect(newest.p99Ms).toBe(150); // the null window is a gap, not a zero
    expect(newest.inFlight).toBe(50);
    expect(newest.queueDepth).toBe(50);
    expect(newest.kindMetrics['metric:state.openMs']).toBe(3000);
  });

  it('never draws more than the cap', () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(i + 1, i));
    expect(downsampleRows(rows, 150)).toHaveLength(150);
    expect(downsampleRows(rows, 120).length).toBeLessThanOrEqual(120);
    expect(downsampleRows(rows, 150).at(-1)?.tSec).toBe(300);
  });
});
