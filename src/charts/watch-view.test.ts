import { describe, expect, it } from 'vitest';
import { watchFigure, type ScenarioWatch, type WatchFigure } from '../scenario/index.ts';
import type { SeriesView } from '../store/index.ts';
import { formatCount, formatPercent } from './format.ts';
import {
  buildWatchView,
  formatWatchTick,
  formatWatchValue,
  plottedWatchPoints,
  resolveWatchFigure,
  watchSummary,
} from './watch-view.ts';

const WATCH: ScenarioWatch = {
  nodes: ['mobile', 'web'],
  figure: 'p99',
  caption: 'Mobile stays fast.',
  withPattern: 'lower',
};

function view(p99Ms: number[]): SeriesView {
  return {
    startMs: p99Ms.map((_, i) => i * 1000),
    durationMs: p99Ms.map(() => 1000),
    fields: { p99Ms, completed: p99Ms.map(() => 1) },
  };
}

describe('the What to watch view', () => {
  const built = buildWatchView({
    watch: WATCH,
    figure: watchFigure('p99') as WatchFigure,
    labels: ['Mobile app', 'Web app'],
    views: [view([10, 100, 100, 10]), view([20, 400, 400, 20])],
    clients: null,
    faults: [{ startMs: 1000, durationMs: 2000 }],
    runEndMs: 4000,
  });

  it('gives each watched node a line and its mean over the fault windows', () => {
    expect(built.lines).toEqual([
      { nodeId: 'mobile', name: 'Mobile app', mean: 100 },
      { nodeId: 'web', name: 'Web app', mean: 400 },
    ]);
    expect(built.over).toBe('faults');
    expect(built.points[1]).toEqual({ tSec: 2, v0: 100, v1: 400 });
  });

  it('says it in words: caption, means, latest values and fault windows', () => {
    const bands = [{ id: 'f', type: 'hang', label: 'Hang', target: 'x', x1: 1, x2: 3 }];
    expect(watchSummary(built, bands)).toBe(
      'Mobile stays fast. Mean p99 latency during the fault windows: Mobile app 100.0 ms, Web app 400.0 ms. At 4 s: Mobile app 10.0 ms, Web app 20.0 ms. Fault windows: Hang from 1 s to 3 s.',
    );
  });

  it('averages over the whole run when told to, or when there is no fault', () => {
    const whole = buildWatchView({
      watch: { ...WATCH, over: 'run' },
      figure: watchFigure('p99') as WatchFigure,
      labels: ['M', 'W'],
      views: [view([10, 30]), view([20, 40])],
      clients: null,
      faults: [{ startMs: 0, durationMs: 1000 }],
      runEndMs: 2000,
    });
    expect(whole.over).toBe('run');
    expect(whole.lines.map((l) => l.mean)).toEqual([20, 30]);
  });

  it('resolves kind counters through the node kind, and writes each unit in words', () => {
    const metricsOf = () => [{ name: 'instanceMs', label: 'Instance-time', unit: 'ms' }];
    const watch = { ...WATCH, figure: 'metric:instanceMs' };
    expect(resolveWatchFigure(watch, metricsOf)?.label).toBe('Instance-time ÷ time');
    expect(resolveWatchFigure({ ...watch, figure: 'metric:nope' }, metricsOf)).toBeUndefined();
    expect(formatWatchValue('ratio', 2.994)).toBe('2.99×');
    expect(formatWatchValue('count', 5.444)).toBe('5.44');
    expect(formatWatchValue('per-sec', 0.2)).toBe('0.2/s');
    expect(formatWatchValue('percent', 1)).toBe('100%');
    expect(formatWatchValue('ms', null)).toBe('none');
  });

  it('plots only the points in the domain, averaging runs when there are too many', () => {
    const points = [1, 2, 3, 4, 5].map((t) => ({ tSec: t, v0: t, v1: null }));
    expect(plottedWatchPoints(points, [2, 4], 10).map((p) => p.tSec)).toEqual([2, 3, 4]);
    expect(plottedWatchPoints(points, [0, 10], 2)).toEqual([
      { tSec: 2, v0: 1.5, v1: null },
      { tSec: 5, v0: 4, v1: null },
    ]);
  });
});

describe('What-to-watch axis ticks', () => {
  it('are short numbers that fit the axis, the unit being in the title', () => {
    expect(formatWatchTick('ms', 400)).toBe('400');
    expect(formatWatchTick('ms', 2.5)).toBe('2.5');
    expect(formatWatchTick('per-sec', 1500)).toBe(formatCount(1500));
    expect(formatWatchTick('ratio', 2.994)).toBe('2.99×');
    expect(formatWatchTick('percent', 0.25)).toBe(formatPercent(0.25));
  });
});
