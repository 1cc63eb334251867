import { describe, expect, it } from 'vitest';
import type { EdgeFrame, NodeFrame } from '../../store/index.ts';
import { edgeMetricRows, failuresText, metricText, nodeMetricRows } from './metric-rows.ts';
import { selectionText } from './multi-selection.tsx';

function values(rows: { name: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

const frame: NodeFrame = {
  id: 'orders',
  arrivals: 500,
  ok: 480,
  failed: { error: 3, timeout: 12 },
  inFlight: 7,
  queueDepth: 2,
  busy: 4,
  capacity: 4,
  window: {
    arrivals: 60,
    ok: 57,
    failed: 3,
    completed: 60,
    meanMs: 12,
    p50Ms: 9.5,
    p95Ms: 31,
    p99Ms: 140,
    inFlight: 7,
    queueDepth: 3,
    utilization: 0.92,
  },
  metrics: { cacheHits: 4 },
  faults: ['slow'],
  crashed: false,
  hung: false,
  state: null,
};

describe('nodeMetricRows', () => {
  it('reads the last window, the current gauges and run totals', () => {
    const declared = [{ name: 'cacheHits', label: 'Cache hits', unit: 'count' as const }];
    expect(nodeMetricRows(frame, declared).at(-1)).toEqual({
      name: 'custom-cacheHits',
      label: 'Cache hits',
      value: '4',
    });
    expect(values(nodeMetricRows(frame, declared))).toEqual({
      throughput: '60/s',
      success: '95%',
      failures: 'timeout 12 · error 3',
      p50: '9.50 ms',
      p95: '31.0 ms',
      p99: '140.0 ms',
      'in-flight': '7',
      queue: '2',
      busy: '4 / 4',
      utilization: '92%',
      faults: 'slow',
      'custom-cacheHits': '4',
    });
  });

  it('rounds fractional gauges and latencies to their precision', () => {
    const limiter = {
      ...frame,
      busy: 92.263466,
      capacity: 150,
      inFlight: 0.5,
      queueDepth: 2.75,
      window: { ...frame.window, p99Ms: 12.3456789 },
    };
    expect(values(nodeMetricRows(limiter))).toMatchObject({
      busy: '92.3 / 150',
      'in-flight': '0.5',
      queue: '2.8',
      p99: '12.3 ms',
    });
  });

  it('shows dashes before any traffic', () => {
    const v = values(nodeMetricRows(undefined));
    expect(v['throughput']).toBe('—');
    expect(v['p99']).toBe('—');
    expect(v['busy']).toBe('—');
    expect(v['faults']).toBeUndefined();
  });

  it('has no percentiles for a window without answers', () => {
    const idle = { ...frame, window: { ...frame.window, completed: 0, ok: 0 } };
    expect(values(nodeMetricRows(idle))).toMatchObject({
      success: '—',
      p50: '—',
      throughput: '0/s',
    });
  });

  it('formats each declared counter in its unit', () => {
    expect(metricText(1500, 'ms')).toBe('1.50 s');
    expect(metricText(0.25, 'ratio')).toBe('25%');
    expect(metricText(12, 'per-sec')).toBe('12/s');
    expect(metricText(2.25, 'count')).toBe('2.3');
  });

  it('words failures by cause', () => {
    expect(failuresText({})).toBe('none');
    expect(failuresText({ refused: 0 })).toBe('none');
  });
});

describe('edgeMetricRows', () => {
  it('shows calls per second and the failed share', () => {
    const e: EdgeFrame = {
      id: 'a-b',
      calls: 900,
      ok: 850,
      failed: 50,
      dropped: 0,
      windowCalls: 40,
      windowFailed: 10,
      faults: ['partition'],
      partitioned: true,
    };
    expect(values(edgeMetricRows(e))).toEqual({
      calls: '40/s',
      'failed-share': '25%',
      'total-calls': '900',
      'total-failed': '50',
      faults: 'partition',
    });
    expect(values(edgeMetricRows(undefined))['failed-share']).toBe('—');
  });
});

describe('selectionText', () => {
  it('counts nodes and edges', () => {
    expect(selectionText(3, 0)).toBe('3 nodes selected');
    expect(selectionText(2, 1)).toBe('2 nodes and 1 edge selected');
    expect(selectionText(0, 2)).toBe('2 edges selected');
  });
});
