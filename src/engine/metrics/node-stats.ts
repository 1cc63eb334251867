import { US_PER_MS } from '../kernel/time.ts';
import { LatencyHistogram } from './histogram.ts';
import { foldWindow } from './window-fold.ts';
import { TimeSeries, type FieldSpec, type TimeSeriesOptions } from './time-series.ts';

/** Per-window fields every node and client records (docs/architecture.md §3, Metrics). */
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
/** The histogram of a window whose latencies fit in the node's numbers, built at close. Shared. */
const windowScratch = new LatencyHistogram();

// A node's numbers, side by side in a Float64Array (`NODE_STRIDE` slots per node, every node
// of a run in one array, in index order): an event's node has its counters in three cache
// lines next to its neighbours', not in fields and boxed doubles spread over the heap.
const ARRIVALS = 0;
const OK = 1;
const FAILED = 2;
const BUSY = 3;
const CAPACITY = 4;
const QUEUE = 5;
const MAX_QUEUE = 6;
/** ∫ inFlight dt in µs·calls, for the time-average in flight (Little's law). */
const FLOW_AREA = 7;
const LAST_FLOW_US = 8;
const BUSY_AREA = 9;
const CAP_AREA = 10;
const LAST_GAUGE_US = 11;
const W_ARRIVALS = 12;
const W_OK = 13;
const W_FAILED = 14;
const W_MAX_QUEUE = 15;
const W_BUSY_AREA = 16;
const W_CAP_AREA = 17;
/** The open window [OPEN_START_US, OPEN_END_US). */
const OPEN_START_US = 18;
const OPEN_END_US = 19;
/**
 * The open window's latencies, kept as they come in the node's own numbers while there are at
 * most INLINE_LATENCIES of them (W_LATENCIES values from LATENCIES); past that, all of them go
 * to the window's histogram and W_LATENCIES reads SPILLED. A node of a large graph answers a
 * handful of calls a window: recording and closing them touch no memory beyond its numbers.
 */
const W_LATENCIES = 20;
const INLINE_LATENCIES = 16;
const SPILLED = INLINE_LATENCIES + 1;
const LATENCIES = 24;
/** Slots a node's numbers take (40 × 8 bytes = five cache lines). */
export const NODE_STRIDE = LATENCIES + INLINE_LATENCIES;

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
  /** This node's numbers: `n[o + FIELD]`. */
  private readonly n: Float64Array;
  private readonly o: number;
  /** Changed since the last telemetry frame. */
  dirty = true;
  lateResponses = 0;
  readonly failed: Record<string, number> = {};
  readonly custom: Record<string, number> = {};
  /** The open window's latencies once they outgrew the node's numbers (see W_LATENCIES). */
  private readonly wLatency = new LatencyHistogram();
  /** Latency of every closed window; the open window is merged in on demand (`latency`). */
  private readonly closedLatency = new LatencyHistogram();
  private readonly wFailedByCause: Record<string, number> = {};
  private readonly wCustom: Record<string, number> = {};
  /** Series fields beyond the fixed ones, in the order the series learnt them. */
  private readonly extraFields: { source: Record<string, number>; key: string }[] = [];
  private readonly knownExtra = new Set<string>();
  /** A failure cause or counter appeared in the open window for the first time. */
  private newKeys = false;

  private readonly series: TimeSeries;
  private readonly windowUs: number;

  /** Its numbers live in `numbers` from `offset` (by default, an array of its own). */
  constructor(options: SeriesOptions, numbers = new Float64Array(NODE_STRIDE), offset = 0) {
    if (!(Number.isInteger(offset) && offset >= 0 && offset + NODE_STRIDE <= numbers.length)) {
      throw new RangeError(`a node's numbers at ${offset} do not fit in ${numbers.length} slots`);
    }
    this.n = numbers;
    this.o = offset;
    this.series = new TimeSeries(NODE_SERIES_FIELDS, options);
    this.windowUs = Math.round(options.windowMs * US_PER_MS);
    numbers.fill(0, offset, offset + NODE_STRIDE);
    numbers[offset + OPEN_END_US] = this.windowUs;
  }

  get arrivals(): number {
    return this.n[this.o + ARRIVALS] as number;
  }

  get ok(): number {
    return this.n[this.o + OK] as number;
  }

  get failedTotal(): number {
    return this.n[this.o + FAILED] as number;
  }

  get busy(): number {
    return this.n[this.o + BUSY] as number;
  }

  get capacity(): number {
    return this.n[this.o + CAPACITY] as number;
  }

  get queueDepth(): number {
    return this.n[this.o + QUEUE] as number;
  }

  get maxQueueDepth(): number {
    return this.n[this.o + MAX_QUEUE] as number;
  }

  get inFlight(): number {
    const n = this.n;
    const o = this.o;
    return (n[o + ARRIVALS] as number) - (n[o + OK] as number) - (n[o + FAILED] as number);
  }

  recordArrival(nowUs: number): void {
    const n = this.n;
    const o = this.o;
    if (nowUs >= (n[o + OPEN_END_US] as number)) this.closeUpTo(nowUs);
    this.integrateFlow(nowUs);
    n[o + ARRIVALS] = (n[o + ARRIVALS] as number) + 1;
    n[o + W_ARRIVALS] = (n[o + W_ARRIVALS] as number) + 1;
    this.dirty = true;
  }

  recordOutcome(ok: boolean, cause: string, latencyUs: number, nowUs: number): void {
    const n = this.n;
    const o = this.o;
    if (nowUs >= (n[o + OPEN_END_US] as number)) this.closeUpTo(nowUs);
    this.integrateFlow(nowUs);
    if (ok) {
      n[o + OK] = (n[o + OK] as number) + 1;
      n[o + W_OK] = (n[o + W_OK] as number) + 1;
    } else {
      n[o + FAILED] = (n[o + FAILED] as number) + 1;
      n[o + W_FAILED] = (n[o + W_FAILED] as number) + 1;
      this.failed[cause] = (this.failed[cause] ?? 0) + 1;
      const before = this.wFailedByCause[cause];
      if (before === undefined) this.newKeys = true;
      this.wFailedByCause[cause] = (before ?? 0) + 1;
    }
    // One record per outcome (the hot path); windows fold into the run's histogram on close.
    this.recordLatency(latencyUs);
    this.dirty = true;
  }

  private recordLatency(latencyUs: number): void {
    const n = this.n;
    const o = this.o;
    const inline = n[o + W_LATENCIES] as number;
    if (inline < INLINE_LATENCIES) {
      if (!(latencyUs >= 0 && latencyUs < Infinity)) {
        throw new RangeError(
          `latency must be a finite non-negative number of µs, got ${latencyUs}`,
        );
      }
      n[o + LATENCIES + inline] = latencyUs;
      n[o + W_LATENCIES] = inline + 1;
      return;
    }
    if (inline === INLINE_LATENCIES) {
      for (let k = 0; k < INLINE_LATENCIES; k++)
        this.wLatency.record(n[o + LATENCIES + k] as number);
      n[o + W_LATENCIES] = SPILLED;
    }
    this.wLatency.record(latencyUs);
  }

  /** The open window's latencies: its own histogram, or the shared one filled from the numbers. */
  private windowLatency(): LatencyHistogram {
    const n = this.n;
    const o = this.o;
    const inline = n[o + W_LATENCIES] as number;
    if (inline === SPILLED) return this.wLatency;
    windowScratch.reset();
    for (let k = 0; k < inline; k++) windowScratch.record(n[o + LATENCIES + k] as number);
    return windowScratch;
  }

  setGauges(nowUs: number, busy: number, capacity: number, queueDepth: number): void {
    const n = this.n;
    const o = this.o;
    if (nowUs >= (n[o + OPEN_END_US] as number)) this.closeUpTo(nowUs);
    this.integrate(nowUs);
    n[o + BUSY] = busy;
    n[o + CAPACITY] = capacity;
    n[o + QUEUE] = queueDepth;
    if (queueDepth > (n[o + MAX_QUEUE] as number)) n[o + MAX_QUEUE] = queueDepth;
    if (queueDepth > (n[o + W_MAX_QUEUE] as number)) n[o + W_MAX_QUEUE] = queueDepth;
    this.dirty = true;
  }

  /** Latency of every answered request so far, the open window included. */
  get latency(): LatencyHistogram {
    if (this.n[this.o + W_LATENCIES] === 0) return this.closedLatency;
    const all = LatencyHistogram.fromJSON(this.closedLatency.toJSON());
    all.merge(this.windowLatency());
    return all;
  }

  /** Time-average number in flight over [0, nowUs]. */
  meanInFlight(nowUs: number): number {
    this.integrateFlow(nowUs);
    return nowUs > 0 ? (this.n[this.o + FLOW_AREA] as number) / nowUs : 0;
  }

  private integrateFlow(nowUs: number): void {
    const n = this.n;
    const o = this.o;
    n[o + FLOW_AREA] =
      (n[o + FLOW_AREA] as number) + this.inFlight * (nowUs - (n[o + LAST_FLOW_US] as number));
    n[o + LAST_FLOW_US] = nowUs;
  }

  /** Share of worker-time spent busy over the whole run so far. */
  utilization(nowUs: number): number {
    const n = this.n;
    const o = this.o;
    if (nowUs >= (n[o + OPEN_END_US] as number)) this.closeUpTo(nowUs);
    this.integrate(nowUs);
    const capArea = n[o + CAP_AREA] as number;
    return capArea > 0 ? (n[o + BUSY_AREA] as number) / capArea : 0;
  }

  count(nowUs: number, metric: string, amount: number): void {
    if (nowUs >= (this.n[this.o + OPEN_END_US] as number)) this.closeUpTo(nowUs);
    this.custom[metric] = (this.custom[metric] ?? 0) + amount;
    const before = this.wCustom[metric];
    if (before === undefined) this.newKeys = true;
    this.wCustom[metric] = (before ?? 0) + amount;
    this.dirty = true;
  }

  /** The series with every window that ended by `timeUs` closed. */
  seriesUpTo(timeUs: number): TimeSeries {
    if (timeUs >= (this.n[this.o + OPEN_END_US] as number)) this.closeUpTo(timeUs);
    return this.series;
  }

  /** Closes every window that ends at or before `timeUs`. */
  closeUpTo(timeUs: number): void {
    const n = this.n;
    const at = this.o + OPEN_END_US;
    while ((n[at] as number) <= timeUs) this.closeOpen(n[at] as number);
  }

  /** Closes the windows of a run that ends at `endUs`; the last one may be cut short. */
  closeRun(endUs: number): void {
    this.closeUpTo(endUs);
    if (endUs > (this.n[this.o + OPEN_START_US] as number)) this.closeOpen(endUs);
  }

  /** Closes the open window at `endUs` and appends its row to the series. */
  private closeOpen(endUs: number): void {
    const n = this.n;
    const o = this.o;
    const startMs = (n[o + OPEN_START_US] as number) / US_PER_MS;
    n[o + OPEN_START_US] = endUs;
    n[o + OPEN_END_US] = endUs + this.windowUs;
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
    const inline = n[o + W_LATENCIES] as number;
    if (inline === SPILLED) {
      this.wLatency.summaryInto(s);
      this.closedLatency.mergeLater(this.wLatency);
      this.wLatency.reset();
    } else foldWindow(n, o + LATENCIES, inline, this.closedLatency, s);
    const width = FIELD_COUNT + this.extraFields.length;
    const r = (rowScratch[width] ??= new Float64Array(width));
    const wOk = n[o + W_OK] as number;
    const wFailed = n[o + W_FAILED] as number;
    const queue = n[o + QUEUE] as number;
    const wCapArea = n[o + W_CAP_AREA] as number;
    r[0] = n[o + W_ARRIVALS] as number;
    r[1] = wOk;
    r[2] = wFailed;
    r[3] = wOk + wFailed;
    r[4] = s[0] as number;
    r[5] = s[1] as number;
    r[6] = s[2] as number;
    r[7] = s[3] as number;
    r[8] = this.inFlight;
    r[9] = Math.max(n[o + W_MAX_QUEUE] as number, queue);
    r[10] = wCapArea > 0 ? (n[o + W_BUSY_AREA] as number) / wCapArea : 0;
    for (let i = 0; i < this.extraFields.length; i++) {
      const f = this.extraFields[i] as { source: Record<string, number>; key: string };
      r[FIELD_COUNT + i] = f.source[f.key] ?? 0;
    }
    this.series.append(startMs, r);
    n[o + W_ARRIVALS] = 0;
    n[o + W_OK] = 0;
    n[o + W_FAILED] = 0;
    // Every key of both records is a learnt field by now.
    for (const f of this.extraFields) f.source[f.key] = 0;
    n[o + W_LATENCIES] = 0;
    n[o + W_MAX_QUEUE] = queue;
    n[o + W_BUSY_AREA] = 0;
    n[o + W_CAP_AREA] = 0;
  }

  private learn(prefix: string, key: string, source: Record<string, number>): void {
    const name = prefix + key;
    if (this.knownExtra.has(name)) return;
    this.knownExtra.add(name);
    this.series.ensureField({ name, merge: 'sum' });
    this.extraFields.push({ source, key });
  }

  private integrate(nowUs: number): void {
    const n = this.n;
    const o = this.o;
    const dt = nowUs - (n[o + LAST_GAUGE_US] as number);
    if (dt <= 0) return;
    const busyDt = (n[o + BUSY] as number) * dt;
    const capDt = (n[o + CAPACITY] as number) * dt;
    n[o + BUSY_AREA] = (n[o + BUSY_AREA] as number) + busyDt;
    n[o + CAP_AREA] = (n[o + CAP_AREA] as number) + capDt;
    n[o + W_BUSY_AREA] = (n[o + W_BUSY_AREA] as number) + busyDt;
    n[o + W_CAP_AREA] = (n[o + W_CAP_AREA] as number) + capDt;
    n[o + LAST_GAUGE_US] = nowUs;
  }
}
