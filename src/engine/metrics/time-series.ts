/**
 * Per-window metric series whose memory is bounded, whatever the run length.
 *
 * Two tiers over the same base windows (each `windowMs` long):
 * - recent: a ring of the last `recentCapacity` windows at full resolution;
 * - whole run: at most `maxPoints` points on a grid anchored at the first window's start.
 *   A point spans `resolutionMs` = windowMs·2^k. When a window would land past the last
 *   point, adjacent pairs merge (per each field's rule) and the resolution doubles.
 * Each tier is one column table (`Columns`) that starts at 64 rows and doubles up to those
 * bounds: a simulation of a thousand nodes should not zero 70 kB per node before its first
 * window, nor allocate a dozen arrays per node each time a series grows.
 */

import { Columns } from './columns.ts';
import { combine, MERGE_RULES } from './time-series-merge.ts';
import { checkTimeSeriesData, dataColumn, type TimeSeriesData } from './time-series-json.ts';
import type { FieldSpec, SeriesView, TimeSeriesOptions } from './time-series-types.ts';

export type { MergeRule } from './time-series-merge.ts';
export type { TimeSeriesData } from './time-series-json.ts';
export type { FieldSpec, SeriesView, TimeSeriesOptions } from './time-series-types.ts';

/** Rows per column before the first growth (a minute of one-second windows). */
const INITIAL_ROWS = 64;

/** Rows allocated for `used` rows in use: a power of two ≥ INITIAL_ROWS, capped at `cap`. */
function rowsFor(used: number, cap: number): number {
  let n = INITIAL_ROWS;
  while (n < used) n *= 2;
  return Math.min(cap, n);
}

/** Column 0 of each tier's table: the window start (recent) or the covered time (whole). */
const TIME = 0;

/** Relative tolerance when checking that a window start sits on the base-window grid. */
const GRID_TOLERANCE = 1e-9;

function checkInteger(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
}

export class TimeSeries {
  private readonly specs: FieldSpec[] = [];
  private readonly indexByName = new Map<string, number>();
  /** Per field: index of its weight field, or −1. */
  private weightIndex: number[] = [];
  private readonly windowMs: number;
  private readonly recentCapacity: number;
  private readonly maxPoints: number;

  /**
   * The ring: column 0 the window starts, column f+1 field f. Its rows grow with the windows
   * held; the ring wraps only once it has all `recentCapacity` rows.
   */
  private readonly recentTable: Columns;
  /** Next ring slot to write. */
  private recentHead = 0;
  private recentSize = 0;

  /** Whole-run points: column 0 the time each covers, column f+1 field f. */
  private readonly wholeTable: Columns;
  /** Points in use; every point at or beyond this index is all zeros. */
  private points = 0;
  private windowsPerPoint = 1;

  private originMs = 0;
  private lastWindowIndex = -1;
  /** Merge results for one point, so a rule reading a weight sees the pre-merge value. */
  private scratch: Float64Array;

  constructor(fields: readonly FieldSpec[], options: TimeSeriesOptions) {
    if (!(options.windowMs > 0 && Number.isFinite(options.windowMs))) {
      throw new RangeError(`windowMs must be a positive number, got ${options.windowMs}`);
    }
    checkInteger('recentCapacity', options.recentCapacity, 1);
    checkInteger('maxPoints', options.maxPoints, 2);
    this.windowMs = options.windowMs;
    this.recentCapacity = options.recentCapacity;
    this.maxPoints = options.maxPoints;
    // Weights may name a field declared later in the same list.
    for (const spec of fields) this.addField(spec, fields);
    const columns = 1 + this.specs.length;
    this.recentTable = new Columns(columns, rowsFor(0, this.recentCapacity));
    this.wholeTable = new Columns(columns, rowsFor(0, this.maxPoints));
    this.scratch = new Float64Array(this.specs.length);
  }

  /** Adds a field if absent (earlier windows read as 0); a no-op if it exists with this spec. */
  ensureField(spec: FieldSpec): void {
    const existing = this.fieldIndex(spec.name);
    if (existing >= 0) {
      const current = this.specs[existing] as FieldSpec;
      if (current.merge !== spec.merge || current.weight !== spec.weight) {
        throw new Error(`field '${spec.name}' already exists with a different merge rule`);
      }
      return;
    }
    this.addField(spec, this.specs);
    this.recentTable.addColumn();
    this.wholeTable.addColumn();
    this.scratch = new Float64Array(this.specs.length);
  }

  /** Index of a field in the `values` order of `append`, or −1. */
  fieldIndex(name: string): number {
    return this.indexByName.get(name) ?? -1;
  }

  get fieldSpecs(): readonly FieldSpec[] {
    return this.specs;
  }

  /** Span of one whole-run point. */
  get resolutionMs(): number {
    return this.windowsPerPoint * this.windowMs;
  }

  /** Whole-run points in use (≤ maxPoints), the partially filled last point included. */
  get pointCount(): number {
    return this.points;
  }

  /**
   * Appends one completed base window. `startMs` must not precede the previous window's end and
   * must sit on the grid of `windowMs` steps from the first window; skipped windows are gaps.
   */
  append(startMs: number, values: ArrayLike<number>): void {
    const n = this.specs.length;
    if (values.length !== n) {
      throw new RangeError(`expected ${n} values (one per field), got ${values.length}`);
    }
    for (let f = 0; f < n; f++) {
      if (!Number.isFinite(values[f])) {
        throw new RangeError(`value for field '${this.specs[f]?.name}' must be finite`);
      }
    }
    if (!Number.isFinite(startMs)) throw new RangeError('window start must be finite');
    let windowIndex = 0;
    if (this.lastWindowIndex >= 0) {
      const steps = (startMs - this.originMs) / this.windowMs;
      windowIndex = Math.round(steps);
      const previousEndMs = this.originMs + (this.lastWindowIndex + 1) * this.windowMs;
      if (windowIndex <= this.lastWindowIndex) {
        throw new RangeError(
          `window at ${startMs} ms starts before the previous window ends (${previousEndMs} ms)`,
        );
      }
      if (Math.abs(steps - windowIndex) > GRID_TOLERANCE * Math.max(1, steps)) {
        throw new RangeError(
          `window at ${startMs} ms is not on the ${this.windowMs} ms grid from ${this.originMs} ms`,
        );
      }
    } else {
      this.originMs = startMs;
    }
    this.lastWindowIndex = windowIndex;

    // Recent tier: overwrite the oldest slot.
    const recent = this.recentTable;
    const slot = this.recentHead;
    if (slot === recent.rows) recent.growRows(rowsFor(slot + 1, this.recentCapacity));
    recent.set(TIME, slot, startMs);
    for (let f = 0; f < n; f++) recent.set(f + 1, slot, values[f] as number);
    this.recentHead = slot + 1 === this.recentCapacity ? 0 : slot + 1;
    if (this.recentSize < this.recentCapacity) this.recentSize++;

    // Whole-run tier: halve the resolution until the window's point fits.
    const whole = this.wholeTable;
    let point = Math.floor(windowIndex / this.windowsPerPoint);
    while (point >= this.maxPoints) {
      this.halve();
      point = Math.floor(windowIndex / this.windowsPerPoint);
    }
    if (point >= whole.rows) whole.growRows(rowsFor(point + 1, this.maxPoints));
    const pointDurationMs = whole.get(TIME, point);
    for (let f = 0; f < n; f++) {
      const w = this.weightIndex[f] as number;
      this.scratch[f] = combine(
        (this.specs[f] as FieldSpec).merge,
        whole.get(f + 1, point),
        pointDurationMs,
        w >= 0 ? whole.get(w + 1, point) : 0,
        values[f] as number,
        this.windowMs,
        w >= 0 ? (values[w] as number) : 0,
      );
    }
    for (let f = 0; f < n; f++) whole.set(f + 1, point, this.scratch[f] as number);
    whole.set(TIME, point, pointDurationMs + this.windowMs);
    if (point + 1 > this.points) this.points = point + 1;
  }

  /** The last `recentCapacity` base windows at full resolution, oldest first. */
  recent(): SeriesView {
    const view = this.emptyView();
    const first = (this.recentHead - this.recentSize + this.recentCapacity) % this.recentCapacity;
    for (let i = 0; i < this.recentSize; i++) {
      const slot = (first + i) % this.recentCapacity;
      view.startMs.push(this.recentTable.get(TIME, slot));
      view.durationMs.push(this.windowMs);
      this.specs.forEach((spec, f) => {
        view.fields[spec.name]?.push(this.recentTable.get(f + 1, slot));
      });
    }
    return view;
  }

  /** The whole run from the first window, at most `maxPoints` points, oldest first. */
  whole(): SeriesView {
    const view = this.emptyView();
    const spanMs = this.resolutionMs;
    for (let p = 0; p < this.points; p++) {
      view.startMs.push(this.originMs + p * spanMs);
      view.durationMs.push(this.wholeTable.get(TIME, p));
      this.specs.forEach((spec, f) => {
        view.fields[spec.name]?.push(this.wholeTable.get(f + 1, p));
      });
    }
    return view;
  }

  latestWindow(): { startMs: number; values: Record<string, number> } | undefined {
    if (this.recentSize === 0) return undefined;
    const slot = (this.recentHead - 1 + this.recentCapacity) % this.recentCapacity;
    const values: Record<string, number> = {};
    this.specs.forEach((spec, f) => {
      values[spec.name] = this.recentTable.get(f + 1, slot);
    });
    return { startMs: this.recentTable.get(TIME, slot), values };
  }

  /**
   * Bytes held in typed arrays. They grow with the windows held and stop growing once both
   * tiers are full (`recentCapacity` windows, `maxPoints` points), whatever the run length.
   */
  bytesUsed(): number {
    return this.recentTable.byteLength + this.wholeTable.byteLength + this.scratch.byteLength;
  }

  toJSON(): TimeSeriesData {
    const recent = this.recent();
    const whole = this.whole();
    return {
      fields: this.specs.map((s) => ({ ...s })),
      options: {
        windowMs: this.windowMs,
        recentCapacity: this.recentCapacity,
        maxPoints: this.maxPoints,
      },
      originMs: this.lastWindowIndex >= 0 ? this.originMs : null,
      lastWindowIndex: this.lastWindowIndex,
      windowsPerPoint: this.windowsPerPoint,
      recent: { startMs: recent.startMs, fields: recent.fields },
      whole: { durationMs: whole.durationMs, fields: whole.fields },
    };
  }

  static fromJSON(data: TimeSeriesData): TimeSeries {
    const ts = new TimeSeries(data.fields, data.options);
    const { recentSize, points } = checkTimeSeriesData(data);
    // The same allocation as the series that was saved: sized by what it held.
    ts.recentTable.growRows(rowsFor(recentSize, ts.recentCapacity));
    ts.wholeTable.growRows(data.windowsPerPoint > 1 ? ts.maxPoints : rowsFor(points, ts.maxPoints));
    ts.originMs = data.originMs ?? 0;
    ts.lastWindowIndex = data.lastWindowIndex;
    ts.windowsPerPoint = data.windowsPerPoint;
    ts.recentTable.setColumn(TIME, data.recent.startMs);
    ts.recentSize = recentSize;
    ts.recentHead = recentSize % ts.recentCapacity;
    ts.wholeTable.setColumn(TIME, data.whole.durationMs);
    ts.points = points;
    ts.specs.forEach((spec, f) => {
      ts.recentTable.setColumn(f + 1, dataColumn(data.recent.fields, spec.name, recentSize));
      ts.wholeTable.setColumn(f + 1, dataColumn(data.whole.fields, spec.name, points));
    });
    return ts;
  }

  /** Merges adjacent point pairs in place; the resolution doubles. */
  private halve(): void {
    // Once the run outgrows the whole-run tier, it stays full (and `fromJSON` knows its size).
    const whole = this.wholeTable;
    whole.growRows(this.maxPoints);
    const n = this.specs.length;
    const kept = Math.ceil(this.points / 2);
    for (let k = 0; k < kept; k++) {
      const a = 2 * k;
      const b = a + 1;
      const hasB = b < this.points;
      const da = whole.get(TIME, a);
      const db = hasB ? whole.get(TIME, b) : 0;
      for (let f = 0; f < n; f++) {
        const w = this.weightIndex[f] as number;
        this.scratch[f] = combine(
          (this.specs[f] as FieldSpec).merge,
          whole.get(f + 1, a),
          da,
          w >= 0 ? whole.get(w + 1, a) : 0,
          hasB ? whole.get(f + 1, b) : 0,
          db,
          w >= 0 && hasB ? whole.get(w + 1, b) : 0,
        );
      }
      for (let f = 0; f < n; f++) whole.set(f + 1, k, this.scratch[f] as number);
      whole.set(TIME, k, da + db);
    }
    // Keep the invariant that unused points are zero.
    whole.clearRows(kept, this.points);
    this.points = kept;
    this.windowsPerPoint *= 2;
  }

  private addField(spec: FieldSpec, declared: readonly FieldSpec[]): void {
    // '__proto__' would corrupt the plain-object records of the views.
    if (typeof spec.name !== 'string' || spec.name === '' || spec.name === '__proto__') {
      throw new Error(`invalid field name '${String(spec.name)}'`);
    }
    if (this.indexByName.has(spec.name)) throw new Error(`duplicate field '${spec.name}'`);
    if (!MERGE_RULES.includes(spec.merge)) {
      throw new Error(`field '${spec.name}': unknown merge rule '${String(spec.merge)}'`);
    }
    if (spec.merge === 'weighted-mean') {
      const weightSpec = declared.find((d) => d.name === spec.weight);
      if (weightSpec?.merge !== 'sum') {
        throw new Error(`field '${spec.name}': weight must name a 'sum' field`);
      }
    } else if (spec.weight !== undefined) {
      throw new Error(`field '${spec.name}': only 'weighted-mean' fields take a weight`);
    }
    const f = this.specs.length;
    this.specs.push(
      spec.weight === undefined ? { name: spec.name, merge: spec.merge } : { ...spec },
    );
    this.indexByName.set(spec.name, f);
    this.resolveWeights();
  }

  /** Weight indices are resolved after each addition, as weights may be declared later. */
  private resolveWeights(): void {
    this.weightIndex = this.specs.map((s) =>
      s.weight === undefined ? -1 : (this.indexByName.get(s.weight) ?? -1),
    );
  }

  private emptyView(): SeriesView {
    const fields: Record<string, number[]> = {};
    for (const spec of this.specs) fields[spec.name] = [];
    return { startMs: [], durationMs: [], fields };
  }
}
