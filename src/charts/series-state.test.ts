import { describe, expect, it } from 'vitest';
import type { ChartRow } from './chart-rows.ts';
import { EMPTY_SERIES, nextSeriesState } from './series-state.ts';

const row = (tSec: number): ChartRow => ({
  tSec,
  throughputOk: 1,
  failedByCause: {},
  errorRate: 0,
  p50Ms: 1,
  p95Ms: 2,
  p99Ms: 3,
  inFlight: 0,
  queueDepth: 0,
  kindMetrics: {},
});

describe('nextSeriesState', () => {
  it('keeps the previous state when nothing changed', () => {
    const first = nextSeriesState(EMPTY_SERIES, [row(1)], ['error'], 1000);
    expect(first).not.toBe(EMPTY_SERIES);
    expect(nextSeriesState(first, [row(1)], ['error'], 1000)).toBe(first);
  });

  it('keeps unchanged parts by identity', () => {
    const first = nextSeriesState(EMPTY_SERIES, [row(1)], ['error'], 1000);
    const more = nextSeriesState(first, [row(1), row(2)], ['error'], 1000);
    expect(more.rows).toHaveLength(2);
    expect(more.causes).toBe(first.causes);
    const coarser = nextSeriesState(more, [row(1), row(2)], ['error'], 2000);
    expect(coarser.rows).toBe(more.rows);
    expect(coarser.resolutionMs).toBe(2000);
  });
});
