import { describe, expect, it } from 'vitest';
import type { ChartRow } from './chart-rows.ts';
import {
  bandsSummary,
  errorRateSummary,
  latencySummary,
  queueSummary,
  throughputSummary,
} from './chart-summaries.ts';

const row: ChartRow = {
  tSec: 42,
  throughputOk: 120,
  failedByCause: { refused: 0, timeout: 3 },
  errorRate: 0.024,
  p50Ms: 12.34,
  p95Ms: 40.1,
  p99Ms: 88,
  inFlight: 12,
  queueDepth: 4,
  kindMetrics: {},
};

describe('chart summaries', () => {
  it('say the latest values in words', () => {
    expect(throughputSummary(row)).toBe('At 42 s: 120/s succeeded, 3/s failed (timeout 3/s).');
    expect(latencySummary(row)).toBe('At 42 s: p50 12.3 ms, p95 40.1 ms, p99 88.0 ms.');
    expect(errorRateSummary(row)).toBe('At 42 s: error rate 2.4%.');
    expect(queueSummary(row)).toBe('At 42 s: queue depth 4, in flight 12.');
  });

  it('handle no data and no responses', () => {
    expect(throughputSummary(undefined)).toBe('No data yet.');
    expect(latencySummary({ ...row, p50Ms: null })).toBe('At 42 s: no responses in this window.');
  });

  it('describe fault windows', () => {
    const band = { id: 'f', type: 'crash', label: 'crash', target: 'api', x1: 10, x2: 40 } as const;
    expect(bandsSummary([band])).toBe('Fault windows: crash on api from 10 s to 40 s.');
    expect(bandsSummary([])).toBe('');
  });
});
