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
  it('merges adjacent windows of the same state', () => {
    const rows = [
      row(1, 1000, 0),
      row(2, 1000, 0),
      row(3, 200, 800),
      row(4, 0, 1000),
      row(5, 0, 0, 1000),
    ];
    const segs = stateSegments(rows, STATES, 1);
    expect(segs.map((s) => [s.text, s.tone])).toEqual([
      ['CLOSED', 'ok'],
      ['OPEN', 'bad'],
      ['HALF-OPEN', 'warn'],
    ]);
    expect(segs[0]).toMatchObject({ startSec: 0 });
    expect(segs[0]?.endSec).toBeCloseTo(2.2, 9);
    expect(segs[1]?.endSec).toBeCloseTo(4, 9);
    expect(segs[2]).toMatchObject({ startSec: 4, endSec: 5 });
  });

  it('splits a window between its states, carried-over state first, next state last', () => {
    // OPEN, then a 10 ms HALF-OPEN and CLOSED for the rest of the window, then CLOSED.
    const rows = [row(1, 0, 1000), row(2, 490, 500, 10), row(3, 1000, 0)];
    const segs = stateSegments(rows, STATES, 1);
    expect(segs.map((s) => s.text)).toEqual(['OPEN', 'HALF-OPEN', 'CLOSED']);
    expect(segs[0]?.endSec).toBeCloseTo(1.5, 9);
    expect(segs[1]?.endSec).toBeCloseTo(1.51, 9);
    expect(segs[2]).toMatchObject({ startSec: 1.51, endSec: 3 });
  });

  it('skips windows without state time', () => {
    const rows = [row(1, 0, 0), row(2, 1000, 0)];
    expect(stateSegments(rows, STATES, 1)).toEqual([
      { startSec: 1, endSec: 2, text: 'CLOSED', tone: 'ok' },
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
