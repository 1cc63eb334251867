/**
 * The figures a scenario's "What to watch" can chart, declared once: each says how one
 * metrics window of a node becomes a number. The document's `meta.watch.figure` names one of
 * them (or `metric:<name>`, a counter the watched node's kind declares); the charts iterate
 * this registry and never name a figure themselves.
 */

/** One metrics window of one node, as a figure reads it. */
export interface WatchWindow {
  /** The node's value of a series field in the window (0 when the node never recorded it). */
  field(name: string): number;
  /** Time the window covers, ms (> 0). */
  durationMs: number;
  /** Requests every client sent in the same window (the system's arrivals). */
  clientsSent: number;
}

export type WatchUnit = 'per-sec' | 'ms' | 'count' | 'ratio' | 'percent';

export interface WatchFigure {
  id: string;
  /** Legend and summary words, e.g. "calls arriving per second". */
  label: string;
  unit: WatchUnit;
  /** Its value in one window; null when the window has none (nothing answered: a gap). */
  value(w: WatchWindow): number | null;
  /** Reads `clientsSent`, so the chart fetches the system's series too. */
  needsClients?: boolean;
}

const perSecond = (count: number, w: WatchWindow) => (count * 1000) / w.durationMs;

const FIGURES: readonly WatchFigure[] = [
  {
    id: 'goodput',
    // A client's `ok` counts only answers that came back while it still waited (late ones are
    // counted apart), so at a client this is exactly goodput; at a service it is its
    // successful answers, whether or not someone still waited for them.
    label: 'successful answers per second',
    unit: 'per-sec',
    value: (w) => perSecond(w.field('ok'), w),
  },
  {
    id: 'arrivals',
    label: 'calls arriving per second',
    unit: 'per-sec',
    value: (w) => perSecond(w.field('arrivals'), w),
  },
  {
    id: 'amplification',
    label: 'calls arriving ÷ requests the clients sent',
    unit: 'ratio',
    needsClients: true,
    value: (w) => (w.clientsSent > 0 ? w.field('arrivals') / w.clientsSent : null),
  },
  {
    id: 'failures',
    label: 'failures per second',
    unit: 'per-sec',
    value: (w) => perSecond(w.field('failed'), w),
  },
  {
    id: 'error-rate',
    label: 'failed share of answers',
    unit: 'percent',
    value: (w) => {
      const completed = w.field('completed');
      return completed > 0 ? w.field('failed') / completed : null;
    },
  },
  {
    id: 'in-flight',
    label: 'calls in flight',
    unit: 'count',
    value: (w) => w.field('inFlight'),
  },
  {
    id: 'queue-depth',
    label: 'queue length (peak)',
    unit: 'count',
    value: (w) => w.field('queueDepth'),
  },
  {
    id: 'p99',
    label: 'p99 latency',
    unit: 'ms',
    value: (w) => (w.field('completed') > 0 ? w.field('p99Ms') : null),
  },
];

/** Figures named `metric:<name>` chart a counter the node's kind declares. */
export const METRIC_FIGURE_PREFIX = 'metric:';

export const WATCH_FIGURE_IDS: readonly string[] = FIGURES.map((f) => f.id);

/** What a kind says about one of its counters (a `MetricSpec`'s label and unit). */
export interface MetricInfo {
  label: string;
  unit: string;
}

/**
 * A kind counter's growth per window. A counter of milliseconds (time spent in a state,
 * instance-time) divided by the window's length is the time-average of what it counts — the
 * instances serving on average, the share of time OPEN; any other counter reads per second.
 */
function metricFigure(id: string, metric: MetricInfo): WatchFigure {
  if (metric.unit === 'ms' || metric.unit === 'state') {
    return {
      id,
      label: `${metric.label} ÷ time`,
      unit: 'count',
      value: (w) => w.field(id) / w.durationMs,
    };
  }
  return {
    id,
    label: `${metric.label} per second`,
    unit: 'per-sec',
    value: (w) => perSecond(w.field(id), w),
  };
}

/** True for ids that are shaped like a figure (a registered one, or `metric:<name>`). */
export function isWatchFigureId(id: string): boolean {
  return (
    WATCH_FIGURE_IDS.includes(id) ||
    (id.startsWith(METRIC_FIGURE_PREFIX) && id.length > METRIC_FIGURE_PREFIX.length)
  );
}

/**
 * The figure for an id; `metric` describes the counter when the id is `metric:<name>`.
 * Undefined for an unknown id (or a metric figure without its counter's description).
 */
export function watchFigure(id: string, metric?: MetricInfo): WatchFigure | undefined {
  if (id.startsWith(METRIC_FIGURE_PREFIX)) return metric ? metricFigure(id, metric) : undefined;
  return FIGURES.find((f) => f.id === id);
}
