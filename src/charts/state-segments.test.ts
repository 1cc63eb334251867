import { describe, expect, it } from 'vitest';
import type { ChartRow } from './chart-rows.ts';
import { describeSegments, stateSegments, type StripState } from './state-segments.ts';

const STATES: StripState[] = [
  { field: 'metric:state.closedMs', text: 'CLOSED', tone: 'ok' },
  { field: 'metric:state.openMs', text: 'OPEN', tone: 'bad' },
  { field: 'metric:state.halfOpenMs', text: 'HALF-OPEN', tone: 'warn' },
];

function row(tSec: number, closed: number, open: number, half = 0): ChartRow {
  return {
    tSec,
    throughputOk: 0,
    failedByCause: {},
    errorRate: 0,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    inFlight: 0,
    queueDepth: 0,
    kindMetrics: {
      'metric:state.closedMs': closed,
      'metric:state.openMs': open,
      'metric:state.halfOpenMs': half,
    },
  };
}

describe('stateSegments', () => {
  it('merges adjacent windows of the same dominant state', () => {
    const rows = [
      row(1, 1000, 0),
      row(2, 1000, 0),
      row(3, 200, 800),
      row(4, 0, 1000),
      row(5, 0, 0, 1000),
    ];
    expect(stateSegments(rows, STATES, 1)).toEqual([
      { startSec: 0, endSec: 2, text: 'CLOSED', tone: 'ok' },
      { startSec: 2, endSec: 4, text: 'OPEN', tone: 'bad' },
      { startSec: 4, endSec: 5, text: 'HALF-OPEN', tone: 'warn' },
    ]);
  });

  it('breaks ties towards the worse state and skips windows without state time', () => {
    const rows = [row(1, 0, 0), row(2, 500, 500), row(3, 1000, 0)];
    expect(stateSegments(rows, STATES, 1)).toEqual([
      { startSec: 1, endSec: 2, text: 'OPEN', tone: 'bad' },
      { startSec: 2, endSec: 3, text: 'CLOSED', tone: 'ok' },
    ]);
  });

  it('does not merge across a gap', () => {
    const rows = [row(1, 1000, 0), row(5, 1000, 0)];
    expect(stateSegments(rows, STATES, 1)).toHaveLength(2);
  });

  it('describes segments in words', () => {
    expect(describeSegments(stateSegments([row(1, 1000, 0), row(2, 0, 1000)], STATES, 1))).toBe(
      'CLOSED 0–1 s, OPEN 1–2 s',
    );
    expect(describeSegments([])).toBe('no state recorded yet');
  });
});
