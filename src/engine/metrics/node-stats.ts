import { US_PER_MS } from '../kernel/time.ts';
import { LatencyHistogram } from './histogram.ts';
import { TimeSeries, type FieldSpec, type TimeSeriesOptions } from './time-series.ts';

/** Per-window fields every node and client records (DESIGN.md §3 "Metrics"). */
export const NODE_SERIES_FIELDS: readonly FieldSpec[] = [
  { name: 'arrivals', merge: 'sum' },
  { name: 'ok', merge: 'sum' },
  { name: 'failed', merge: 'sum' },
  { name: 'completed', merge: 'sum' },
  { name: 'meanMs', merge: 'weighted-mean', weight: 'completed' },
  { name: 'p50Ms', merge: 'weighted-mean', weight: 'completed' },
  // Down-sampled tails keep the worst window: a merged p99 cannot be recomputed exactly.
  { name: 'p95Ms', merge: 'max' },
  { name: 'p99Ms', merge: 'max' },
  { name: 'inFlight', merge: 'last' },
  { name: 'queueDepth', merge: 'max' },
  { name: 'utilization', merge: 'mean' },
];
const FIELD_COUNT = NODE_SERIES_FIELDS.length;
export const FAILED_FIELD_PREFIX = 'failed:';
/** Series fields named `metric:<name>` hold a kind-declared counter's growth per window. */
export const METRIC_FIELD_PREFIX = 'metric:';

export type SeriesOptions = TimeSeriesOptions;

/**
 * One window's row by row width (fixed fields plus the causes and counters a node learnt),
 * filled at close and copied by the series at once: shared by every node.
 */
const rowScratch: Float64Array[] = [];
/** A window's latency summary (mean, p50, p95, p99, p99.9, max), shared likewise. */
const latencyScratch = new Float64Array(6);

/**
 * Counters, gauges and the latency histogram of one node (or client), plus its windowed
 * time series. Everything is aggregated here as events happen; nobody recomputes from raw
 * events. For a client, "arrivals" are the requests it sent.
 *
 * Windows close lazily: the node closes the windows that have ended when it is next touched
 * (any record, any gauge) or read (`seriesUpTo`, `closeRun`) — while its data is in the
 * cache anyway, and never for a thousand nodes at every second boundary. The rows are the
 * same as if every window had closed on time: nothing that goes into a row changes while the
 * node is not touched, and each window still closes on its own, in order.
 */
export class NodeStats {
  arrivals = 0;
  ok = 0;
  failedTotal = 0;
  readonly failed: Record<string, number> = {};
  lateResponses = 0;
  readonly custom: Record<string, number> = {};
  /** Latency of every closed window; the open window is merged in on demand (`latency`). */
  private readonly closedLatency = new LatencyHistogram();

  busy = 0;
  capacity = 0;
  queueDepth = 0;
  maxQueueDepth = 0;
  /** ∫ inFlight dt in µs·calls, for the time-average in flight (Little's law). */
  private inFlightArea = 0;
  private lastFlowUs = 0;
  private busyArea = 0;
  private capArea = 0;
  private lastGaugeUs = 0;

  private wArrivals = 0;
  private wOk = 0;
  private wFailed = 0;
  private readonly wFailedByCause: Record<string, number> = {};
  private readonly wCustom: Record<string, number> = {};
  /** Series fields beyond the fixed ones, in the order the series learnt them. */
  private readonly extraFields: { source: Record<string, number>; key: string }[] = [];
  private readonly knownExtra = new Set<string>();
  /** A failure cause or counter appeared in the open window for the first time. */
  private newKeys = false;
  private readonly wLatency = new LatencyHistogram();
  private wMaxQueue = 0;
  private wBusyArea = 0;
  private wCapArea = 0;

  private readonly series: TimeSeries;
  private readonly windowUs: number;
  /** The open window [openStartUs, openEndUs). */
  private openStartUs = 0;
  private openEndUs: number;
  /** Changed since the last telemetry frame. */
  dirty = true;

  constructor(options: SeriesOptions) {
    this.series = new TimeSeries(NODE_SERIES_FIELDS, options);
    this.windowUs = Math.round(options.windowMs * US_PER_MS);
    this.openEndUs = this.windowUs;
  }

  get inFlight(): number {
    return this.arrivals - this.ok - this.failedTotal;
  }

  recordArrival(nowUs: number): void {
    if (nowUs >= this.openEndUs) this.closeUpTo(nowUs);
    this.integrateFlow(nowUs);
    this.arrivals++;
    this.wArrivals++;
    this.dirty = true;
  }

  recordOutcome(ok: boolean, cause: string, latencyUs: number, nowUs: number): void {
    if (nowUs >= this.openEndUs) this.closeUpTo(nowUs);
    this.integrateFlow(nowUs);
    if (ok) {
      this.ok++;
      this.wOk++;
    } else {
      this.failedTotal++;
      this.wFailed++;
      this.failed[cause] = (this.failed[cause] ?? 0) + 1;
      const before = this.wFailedByCause[cause];
      if (before === undefined) this.newKeys = true;
      this.wFailedByCause[cause] = (before ?? 0) + 1;
    }
    // One record per outcome (the hot path); windows fold into the run's histogram on close.
    this.wLatency.record(latencyUs);
    this.dirty = true;
  }

  setGauges(nowUs: number, busy: number, capacity: number, queueDepth: number): void {
    if (nowUs >= this.openEndUs) this.closeUpTo(nowUs);
    this.integrate(nowUs);
    this.busy = busy;
    this.capacity = capacity;
    this.queueDepth = queueDepth;
    if (queueDepth > this.maxQueueDepth) this.maxQueueDepth = queueDepth;
    if (queueDepth > this.wMaxQueue) this.wMaxQueue = queueDepth;
    this.dirty = true;
  }

  /** Latency of every answered request so far, the open window included. */
  get latency(): LatencyHistogram {
    if (this.wLatency.count === 0) return this.closedLatency;
    const all = LatencyHistogram.fromJSON(this.closedLatency.toJSON());
    all.merge(this.wLatency);
    return all;
  }

  /** Time-average number in flight over [0, nowUs]. */
  meanInFlight(nowUs: number): number {
    this.integrateFlow(nowUs);
    return nowUs > 0 ? this.inFlightArea / nowUs : 0;
  }

  private integrateFlow(nowUs: number): void {
    this.inFlightArea += this.inFlight * (nowUs - this.lastFlowUs);
    this.lastFlowUs = nowUs;
  }

  /** Share of worker-time spent busy over the whole run so far. */
  utilization(nowUs: number): number {
    if (nowUs >= this.openEndUs) this.closeUpTo(nowUs);
    this.integrate(nowUs);
    return this.capArea > 0 ? this.busyArea / this.capArea : 0;
  }

  count(nowUs: number, metric: string, amount: number): void {
    if (nowUs >= this.openEndUs) this.closeUpTo(nowUs);
    this.custom[metric] = (this.custom[metric] ?? 0) + amount;
    const before = this.wCustom[metric];
    if (before === undefined) this.newKeys = true;
    this.wCustom[metric] = (before ?? 0) + amount;
    this.dirty = true;
  }

  /** The series with every window that ended by `timeUs` closed. */
  seriesUpTo(timeUs: number): TimeSeries {
    if (timeUs >= this.openEndUs) this.closeUpTo(timeUs);
    return this.series;
  }

  /** Closes every window that ends at or before `timeUs`. */
  closeUpTo(timeUs: number): void {
    while (this.openEndUs <= timeUs) this.closeOpen(this.openEndUs);
  }

  /** Closes the windows of a run that ends at `endUs`; the last one may be cut short. */
  closeRun(endUs: number): void {
    this.closeUpTo(endUs);
    if (endUs > this.openStartUs) this.closeOpen(endUs);
  }

  /** Closes the open window at `endUs` and appends its row to the series. */
  private closeOpen(endUs: number): void {
    const startMs = this.openStartUs / US_PER_MS;
    this.openStartUs = endUs;
    this.openEndUs = endUs + this.windowUs;
    this.integrate(endUs);
    // Failure causes and kind counters become fields the first time they are seen (rare),
    // then stay (the order of first sight within a window: causes, then counters).
    if (this.newKeys) {
      for (const cause in this.wFailedByCause)
        this.learn(FAILED_FIELD_PREFIX, cause, this.wFailedByCause);
      for (const metric in this.wCustom) this.learn(METRIC_FIELD_PREFIX, metric, this.wCustom);
      this.newKeys = false;
    }
    const s = latencyScratch;
    this.wLatency.summaryInto(s);
    const width = FIELD_COUNT + this.extraFields.length;
    const r = (rowScratch[width] ??= new Float64Array(width));
    r[0] = this.wArrivals;
    r[1] = this.wOk;
    r[2] = this.wFailed;
    r[3] = this.wOk + this.wFailed;
    r[4] = s[0] as number;
    r[5] = s[1] as number;
    r[6] = s[2] as number;
    r[7] = s[3] as number;
    r[8] = this.inFlight;
    r[9] = Math.max(this.wMaxQueue, this.queueDepth);
    r[10] = this.wCapArea > 0 ? this.wBusyArea / this.wCapArea : 0;
    for (let i = 0; i < this.extraFields.length; i++) {
      const f = this.extraFields[i] as { source: Record<string, number>; key: string };
      r[FIELD_COUNT + i] = f.source[f.key] ?? 0;
    }
    this.series.append(startMs, r);
    this.closedLatency.mergeLater(this.wLatency);
    this.wArrivals = 0;
    this.wOk = 0;
    this.wFailed = 0;
    // Every key of both records is a learnt field by now.
    for (const f of this.extraFields) f.source[f.key] = 0;
    this.wLatency.reset();
    this.wMaxQueue = this.queueDepth;
    this.wBusyArea = 0;
    this.wCapArea = 0;
  }

  private learn(prefix: string, key: string, source: Record<string, number>): void {
    const name = prefix + key;
    if (this.knownExtra.has(name)) return;
    this.knownExtra.add(name);
    this.series.ensureField({ name, merge: 'sum' });
    this.extraFields.push({ source, key });
  }

  private integrate(nowUs: number): void {
    const dt = nowUs - this.lastGaugeUs;
    if (dt <= 0) return;
    const busyDt = this.busy * dt;
    const capDt = this.capacity * dt;
    this.busyArea += busyDt;
    this.capArea += capDt;
    this.wBusyArea += busyDt;
    this.wCapArea += capDt;
    this.lastGaugeUs = nowUs;
  }
}
