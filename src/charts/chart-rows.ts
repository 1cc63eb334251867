import type { SeriesView } from '../store/index.ts';

/** Series fields named `failed:<cause>` count failures of one cause (engine node-stats). */
const FAILED_PREFIX = 'failed:';
/** Series fields named `metric:<name>` hold a kind counter's growth per window. */
const METRIC_PREFIX = 'metric:';

/** One metrics window as the charts plot it: rates per second, latencies in ms. */
export interface ChartRow {
  /** Window end, in seconds of virtual time. */
  tSec: number;
  /** Successful responses per second. */
  throughputOk: number;
  /** Failures per second, by cause. */
  failedByCause: Readonly<Record<string, number>>;
  /** Failed ÷ completed in the window, 0..1 (0 when nothing completed). */
  errorRate: number;
  /** Null when nothing completed in the window: no answers, so no latency to plot. */
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  inFlight: number;
  queueDepth: number;
  /** Kind counters' growth in the window (e.g. ms per breaker state), by series field. */
  kindMetrics: Readonly<Record<string, number>>;
}

function valueAt(view: SeriesView, field: string, index: number): number {
  return view.fields[field]?.[index] ?? 0;
}

/** Failure causes present in the view, sorted so colours and legend order stay put. */
export function failureCauses(view: SeriesView): string[] {
  return Object.keys(view.fields)
    .filter((name) => name.startsWith(FAILED_PREFIX) && name.length > FAILED_PREFIX.length)
    .map((name) => name.slice(FAILED_PREFIX.length))
    .sort();
}

/**
 * One row per window. Counts become per-second rates over the time the window actually
 * covers (`durationMs`), so down-sampled whole-run points, which span several windows, give
 * the same rates as the full-resolution ones. Windows covering no time are gaps: skipped.
 */
export function toChartRows(view: SeriesView): ChartRow[] {
  const causes = failureCauses(view);
  const metricFields = Object.keys(view.fields).filter((name) => name.startsWith(METRIC_PREFIX));
  const rows: ChartRow[] = [];
  view.startMs.forEach((startMs, i) => {
    const durationMs = view.durationMs[i] ?? 0;
    if (!(durationMs > 0)) return;
    const perSecond = 1000 / durationMs;
    const failedByCause: Record<string, number> = {};
    for (const cause of causes) {
      failedByCause[cause] = valueAt(view, FAILED_PREFIX + cause, i) * perSecond;
    }
    const kindMetrics: Record<string, number> = {};
    for (const field of metricFields) kindMetrics[field] = valueAt(view, field, i);
    const completed = valueAt(view, 'completed', i);
    const answered = completed > 0;
    rows.push({
      tSec: (startMs + durationMs) / 1000,
      throughputOk: valueAt(view, 'ok', i) * perSecond,
      failedByCause,
      errorRate: answered ? valueAt(view, 'failed', i) / completed : 0,
      p50Ms: answered ? valueAt(view, 'p50Ms', i) : null,
      p95Ms: answered ? valueAt(view, 'p95Ms', i) : null,
      p99Ms: answered ? valueAt(view, 'p99Ms', i) : null,
      inFlight: valueAt(view, 'inFlight', i),
      queueDepth: valueAt(view, 'queueDepth', i),
      kindMetrics,
    });
  });
  return rows;
}

/** Span of one point: the smallest step between starts, else the single point's duration. */
export function resolutionOf(view: SeriesView): number {
  let step = Infinity;
  for (let i = 1; i < view.startMs.length; i++) {
    const d = (view.startMs[i] ?? 0) - (view.startMs[i - 1] ?? 0);
    if (d > 0 && d < step) step = d;
  }
  return Number.isFinite(step) ? step : (view.durationMs[0] ?? 0);
}

function sameRecord(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function sameRow(a: ChartRow, b: ChartRow): boolean {
  return (
    a.tSec === b.tSec &&
    a.throughputOk === b.throughputOk &&
    a.errorRate === b.errorRate &&
    a.p50Ms === b.p50Ms &&
    a.p95Ms === b.p95Ms &&
    a.p99Ms === b.p99Ms &&
    a.inFlight === b.inFlight &&
    a.queueDepth === b.queueDepth &&
    sameRecord(a.failedByCause, b.failedByCause) &&
    sameRecord(a.kindMetrics, b.kindMetrics)
  );
}

/** Value equality, so a poll that brought nothing new keeps the old array (no re-render). */
export function sameRows(a: readonly ChartRow[], b: readonly ChartRow[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((row, i) => sameRow(row, b[i] as ChartRow));
}
