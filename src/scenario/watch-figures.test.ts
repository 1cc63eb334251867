import { describe, expect, it } from 'vitest';
import {
  isWatchFigureId,
  WATCH_FIGURE_IDS,
  watchFigure,
  type WatchFigure,
  type WatchWindow,
} from './watch-figures.ts';

/** A 500 ms window of one node with these series fields, while the clients sent `sent`. */
function windowOf(fields: Record<string, number>, sent = 0, durationMs = 500): WatchWindow {
  return { field: (name) => fields[name] ?? 0, durationMs, clientsSent: sent };
}

function figure(id: string): WatchFigure {
  const f = watchFigure(id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
}

describe('the watch figure registry', () => {
  it('lists the figures the built-ins chart, each with words and a unit', () => {
    for (const id of ['goodput', 'arrivals', 'amplification', 'in-flight', 'p99']) {
      expect(WATCH_FIGURE_IDS).toContain(id);
    }
    for (const id of WATCH_FIGURE_IDS) {
      expect(figure(id).label.length).toBeGreaterThan(3);
      expect(isWatchFigureId(id)).toBe(true);
    }
  });

  it('turns counts into rates over the time the window covers', () => {
    const w = windowOf({ ok: 40, arrivals: 60, failed: 20, completed: 60 });
    expect(figure('goodput').value(w)).toBe(80);
    expect(figure('arrivals').value(w)).toBe(120);
    expect(figure('failures').value(w)).toBe(40);
    expect(figure('error-rate').value(w)).toBeCloseTo(1 / 3);
  });

  it('divides the calls arriving by the requests the clients sent, and reads it only then', () => {
    const amplification = figure('amplification');
    expect(amplification.needsClients).toBe(true);
    expect(amplification.value(windowOf({ arrivals: 299 }, 100))).toBeCloseTo(2.99);
    expect(amplification.value(windowOf({ arrivals: 5 }, 0))).toBeNull();
    expect(figure('goodput').needsClients).toBeUndefined();
  });

  it('reads gauges as they are, and has no latency where nothing completed', () => {
    const w = windowOf({ inFlight: 12, queueDepth: 7, p99Ms: 250, completed: 3 });
    expect(figure('in-flight').value(w)).toBe(12);
    expect(figure('queue-depth').value(w)).toBe(7);
    expect(figure('p99').value(w)).toBe(250);
    expect(figure('p99').value(windowOf({ p99Ms: 250 }))).toBeNull();
  });

  it('charts a kind counter of ms as its time average, any other counter per second', () => {
    const instances = watchFigure('metric:instanceMs', { label: 'Instance-time', unit: 'ms' });
    expect(instances?.value(windowOf({ 'metric:instanceMs': 2500 }, 0, 500))).toBe(5);
    const retries = watchFigure('metric:retries', { label: 'Retries', unit: 'count' });
    expect(retries?.value(windowOf({ 'metric:retries': 30 }))).toBe(60);
    expect(retries?.label).toBe('Retries per second');
    // Without its counter's description a metric figure is unknown.
    expect(watchFigure('metric:retries')).toBeUndefined();
  });

  it('knows only registered ids and metric:<name>', () => {
    expect(isWatchFigureId('metric:instances')).toBe(true);
    expect(isWatchFigureId('metric:')).toBe(false);
    expect(isWatchFigureId('throughput')).toBe(false);
    expect(watchFigure('throughput')).toBeUndefined();
  });
});
