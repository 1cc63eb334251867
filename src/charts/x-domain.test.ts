import { describe, expect, it } from 'vitest';
import type { ChartRow } from './chart-rows.ts';
import { xDomain } from './x-domain.ts';

const rowsTo = (lastSec: number): ChartRow[] => [
  {
    tSec: lastSec,
    throughputOk: 0,
    failedByCause: {},
    errorRate: 0,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    inFlight: 0,
    queueDepth: 0,
    kindMetrics: {},
  },
];

describe('xDomain', () => {
  it('trails the latest window over the recent span', () => {
    expect(xDomain(rowsTo(1000), 'recent', 3_600_000)).toEqual([700, 1000]);
    expect(xDomain(rowsTo(42), 'recent', 3_600_000)).toEqual([0, 42]);
  });

  it('is never empty', () => {
    expect(xDomain([], 'recent', 60_000)).toEqual([0, 1]);
  });

  it('covers the whole planned run, or the data if longer', () => {
    expect(xDomain(rowsTo(10), 'whole', 60_000)).toEqual([0, 60]);
    expect(xDomain(rowsTo(90), 'whole', 60_000)).toEqual([0, 90]);
  });
});
