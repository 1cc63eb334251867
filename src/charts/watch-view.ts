import {
  faultSpans,
  METRIC_FIGURE_PREFIX,
  watchFigure,
  watchMean,
  watchRows,
  type MetricInfo,
  type ScenarioWatch,
  type SimFault,
  type WatchFigure,
  type WatchUnit,
} from '../scenario/index.ts';
import type { SeriesView } from '../store/index.ts';
import type { FaultBand } from './fault-bands.ts';
import { formatCount, formatMs, formatPercent, formatRate, formatSeconds } from './format.ts';

/** One point of the "What to watch" chart: the figure for the first and second node. */
export interface WatchPoint {
  tSec: number;
  v0: number | null;
  v1: number | null;
}

export interface WatchLine {
  nodeId: string;
  /** The node's label (or id), the legend's words. */
  name: string;
  /** Mean over the fault windows (or the run); null when no window had a value. */
  mean: number | null;
}

/** Everything the chart draws and says, computed from the watched nodes' series. */
export interface WatchView {
  caption: string;
  figure: WatchFigure;
  lines: WatchLine[];
  points: WatchPoint[];
  /** What the means cover. */
  over: 'faults' | 'run';
}

/** The figure a watch names; a kind counter's words come from the first node's kind. */
export function resolveWatchFigure(
  watch: ScenarioWatch,
  metricsOf: (nodeId: string) => readonly (MetricInfo & { name: string })[] | undefined,
): WatchFigure | undefined {
  if (!watch.figure.startsWith(METRIC_FIGURE_PREFIX)) return watchFigure(watch.figure);
  const name = watch.figure.slice(METRIC_FIGURE_PREFIX.length);
  const metric = metricsOf(watch.nodes[0] ?? '')?.find((m) => m.name === name);
  return metric ? watchFigure(watch.figure, metric) : undefined;
}

export interface WatchInputs {
  watch: ScenarioWatch;
  figure: WatchFigure;
  /** Labels of the watched nodes, in the watch's order. */
  labels: readonly string[];
  /** The watched nodes' whole-run series, in the watch's order. */
  views: readonly SeriesView[];
  /** The system series (the clients' requests), when the figure needs it. */
  clients: SeriesView | null;
  faults: readonly Pick<SimFault, 'startMs' | 'durationMs'>[];
  runEndMs: number;
}

/** The chart's points and each line's mean over the fault windows (or the whole run). */
export function buildWatchView(i: WatchInputs): WatchView {
  const rows = watchRows(i.views, i.clients, i.figure);
  const spans = i.watch.over === 'run' ? [] : faultSpans(i.faults, i.runEndMs);
  return {
    caption: i.watch.caption,
    figure: i.figure,
    lines: i.watch.nodes.map((nodeId, line) => ({
      nodeId,
      name: i.labels[line] ?? nodeId,
      mean: watchMean(rows, line, spans),
    })),
    points: rows.map((r) => ({ tSec: r.tSec, v0: r.values[0] ?? null, v1: r.values[1] ?? null })),
    over: spans.length > 0 ? 'faults' : 'run',
  };
}

const twoDecimals = (v: number) =>
  Math.abs(v) < 100 ? String(Number(v.toFixed(2))) : formatCount(v);

/** A value of the figure in its unit, as the summary and the tooltip write it. */
export function formatWatchValue(unit: WatchUnit, value: number | null): string {
  if (value === null) return 'none';
  switch (unit) {
    case 'per-sec':
      return formatRate(value);
    case 'ms':
      return formatMs(value);
    case 'percent':
      return formatPercent(value);
    case 'ratio':
      return `${twoDecimals(value)}×`;
    case 'count':
      return twoDecimals(value);
  }
}

/** The points inside the domain, at most `maxPoints` (adjacent points averaged). */
export function plottedWatchPoints(
  points: readonly WatchPoint[],
  [min, max]: [number, number],
  maxPoints: number,
): WatchPoint[] {
  const inside = points.filter((p) => p.tSec >= min && p.tSec <= max);
  const step = Math.ceil(inside.length / maxPoints);
  if (step <= 1) return inside;
  const mean = (xs: (number | null)[]) => {
    const vs = xs.filter((x): x is number => x !== null);
    return vs.length > 0 ? vs.reduce((a, b) => a + b, 0) / vs.length : null;
  };
  const out: WatchPoint[] = [];
  // Runs anchored at the newest point, so the latest one is always a whole run.
  for (let end = inside.length; end > 0; end -= step) {
    const run = inside.slice(Math.max(0, end - step), end);
    const last = run[run.length - 1] as WatchPoint;
    out.push({ tSec: last.tSec, v0: mean(run.map((p) => p.v0)), v1: mean(run.map((p) => p.v1)) });
  }
  return out.reverse();
}

/**
 * The chart in words: the caption, each line's mean over the fault windows (or the run), the
 * latest values and the fault windows — for screen readers and tests.
 */
export function watchSummary(view: WatchView, bands: readonly FaultBand[]): string {
  const unit = view.figure.unit;
  const over = view.over === 'faults' ? 'during the fault windows' : 'over the whole run';
  const means = view.lines.map((l) => `${l.name} ${formatWatchValue(unit, l.mean)}`).join(', ');
  const parts = [`${view.caption}`, `Mean ${view.figure.label} ${over}: ${means}.`];
  const last = view.points.at(-1);
  if (last) {
    const latest = view.lines
      .map((l, i) => `${l.name} ${formatWatchValue(unit, i === 0 ? last.v0 : last.v1)}`)
      .join(', ');
    parts.push(`At ${formatSeconds(last.tSec)}: ${latest}.`);
  }
  if (bands.length > 0) {
    const windows = bands.map(
      (b) => `${b.label} from ${formatSeconds(b.x1)} to ${formatSeconds(b.x2)}`,
    );
    parts.push(`Fault windows: ${windows.join('; ')}.`);
  }
  return parts.join(' ');
}

/**
 * A y-axis tick of the What-to-watch chart: the number alone (the chart's title names the
 * figure and its unit), short enough for the axis — "400", not "400.0 ms" clipped at its edge.
 */
export function formatWatchTick(unit: WatchUnit, value: number): string {
  if (unit === 'percent') return formatPercent(value);
  if (unit === 'ratio') return `${twoDecimals(value)}×`;
  return Math.abs(value) < 10 ? String(Number(value.toFixed(1))) : formatCount(value);
}
