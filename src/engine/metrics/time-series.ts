/**
 * Per-window metric series whose memory is bounded, whatever the run length.
 *
 * Two tiers over the same base windows (each `windowMs` long):
 * - recent: a ring of the last `recentCapacity` windows at full resolution;
 * - whole run: at most `maxPoints` points on a grid anchored at the first window's start.
 *   A point spans `resolutionMs` = windowMs·2^k. When a window would land past the last
 *   point, adjacent pairs merge (per each field's rule) and the resolution doubles.
 *
 * Storage is one `RowTable` per tier, allocated at the first window and doubled up to those
 * bounds. Until the ring first wraps or the resolution first halves, the whole-run tier holds
 * exactly the ring's windows, one per point: it is read from the ring and only built then —
 * most runs never pay for a second table, nor for a second write per window. A simulation of
 * a thousand nodes holds one series per node.
 */

import { RowTable } from './row-table.ts';
import { FieldLayout } from './time-series-fields.ts';
import { combine } from './time-series-merge.ts';
import { checkTimeSeriesData, dataColumn, type TimeSeriesData } from './time-series-json.ts';
import type { FieldSpec, SeriesView, TimeSeriesOptions } from './time-series-types.ts';

export type { MergeRule } from './time-series-merge.ts';
export type { TimeSeriesData } from './time-series-json.ts';
export type { FieldSpec, SeriesView, TimeSeriesOptions } from './time-series-types.ts';

/** Rows of a table before its first growth (a minute of one-second windows). */
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

/** Merge results for one point, so a rule reading a weight sees the pre-merge value. Shared. */
let scratch = new Float64Array(16);

function checkInteger(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
}

export class TimeSeries {
  private layout: FieldLayout;
  private readonly windowMs: number;
  private readonly recentCapacity: number;
  private readonly maxPoints: number;

  /** The ring: column 0 the window starts, column f+1 field f; null before the first window. */
  private recentTable: RowTable | null = null;
  /** Next ring slot to write. */
  private recentHead = 0;
  private recentSize = 0;

  /** Whole-run points: column 0 the time each covers, column f+1 field f; null while read from the ring. */
  private wholeTable: RowTable | null = null;
  /** Points in use; every point at or beyond this index is all zeros. */
  private points = 0;
  private windowsPerPoint = 1;

  private originMs = 0;
  private lastWindowIndex = -1;
  /** `latestWindow()`'s answer until the next window (frames ask for it many times a window). */
  private latest: { startMs: number; values: Record<string, number> } | undefined;

  constructor(fields: readonly FieldSpec[], options: TimeSeriesOptions) {
    if (!(options.windowMs > 0 && Number.isFinite(options.windowMs))) {
      throw new RangeError(`windowMs must be a positive number, got ${options.windowMs}`);
    }
    checkInteger('recentCapacity', options.recentCapacity, 1);
    checkInteger('maxPoints', options.maxPoints, 2);
    this.windowMs = options.windowMs;
    this.recentCapacity = options.recentCapacity;
    this.maxPoints = options.maxPoints;
    this.layout = FieldLayout.of(fields);
  }

  /** Adds a field if absent (earlier windows read as 0); a no-op if it exists with this spec. */
  ensureField(spec: FieldSpec): void {
    const existing = this.layout.index(spec.name);
    if (existing >= 0) {
      const current = this.layout.specs[existing] as FieldSpec;
      if (current.merge !== spec.merge || current.weight !== spec.weight) {
        throw new Error(`field '${spec.name}' already exists with a different merge rule`);
      }
      return;
    }
    this.layout = this.layout.with(spec);
    this.latest = undefined;
    this.recentTable?.addColumn();
    this.wholeTable?.addColumn();
  }

  /** Index of a field in the `values` order of `append`, or −1. */
  fieldIndex(name: string): number {
    return this.layout.index(name);
  }

  get fieldSpecs(): readonly FieldSpec[] {
    return this.layout.specs;
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
    const { specs } = this.layout;
    const n = specs.length;
    if (values.length !== n) {
      throw new RangeError(`expected ${n} values (one per field), got ${values.length}`);
    }
    for (let f = 0; f < n; f++) {
      if (!Number.isFinite(values[f])) {
        throw new RangeError(`value for field '${specs[f]?.name}' must be finite`);
      }
    }
    const windowIndex = this.windowIndexOf(startMs);
    let point = Math.floor(windowIndex / this.windowsPerPoint);
    // The ring is about to drop a window, or the run outgrows the points: build the tier.
    if (!this.wholeTable && (this.recentSize === this.recentCapacity || point >= this.maxPoints))
      this.buildWhole();
    if (this.lastWindowIndex < 0) this.originMs = startMs;
    this.lastWindowIndex = windowIndex;
    this.latest = undefined;

    // Recent tier: overwrite the oldest slot.
    this.recentTable ??= new RowTable(1 + n, rowsFor(1, this.recentCapacity));
    const recent = this.recentTable;
    const slot = this.recentHead;
    if (slot === recent.rows) recent.growRows(rowsFor(slot + 1, this.recentCapacity));
    recent.set(slot, TIME, startMs);
    recent.setRow(slot, 1, values);
    this.recentHead = slot + 1 === this.recentCapacity ? 0 : slot + 1;
    if (this.recentSize < this.recentCapacity) this.recentSize++;

    const whole = this.wholeTable;
    if (!whole) {
      // Read from the ring: one window per point, gaps are empty points.
      this.points = windowIndex + 1;
      return;
    }
    // Whole-run tier: halve the resolution until the window's point fits.
    while (point >= this.maxPoints) {
      this.halve(whole);
      point = Math.floor(windowIndex / this.windowsPerPoint);
    }
    if (point >= whole.rows) whole.growRows(rowsFor(point + 1, this.maxPoints));
    const pointDurationMs = whole.get(point, TIME);
    const weights = this.layout.weightIndex;
    if (scratch.length < n) scratch = new Float64Array(n);
    for (let f = 0; f < n; f++) {
      const w = weights[f] as number;
      scratch[f] = combine(
        (specs[f] as FieldSpec).merge,
        whole.get(point, f + 1),
        pointDurationMs,
        w >= 0 ? whole.get(point, w + 1) : 0,
        values[f] as number,
        this.windowMs,
        w >= 0 ? (values[w] as number) : 0,
      );
    }
    for (let f = 0; f < n; f++) whole.set(point, f + 1, scratch[f] as number);
    whole.set(point, TIME, pointDurationMs + this.windowMs);
    if (point + 1 > this.points) this.points = point + 1;
  }

  /** The last `recentCapacity` base windows at full resolution, oldest first. */
  recent(): SeriesView {
    const view = this.emptyView();
    this.forEachRecent((slot) => {
      const table = this.recentTable as RowTable;
      view.startMs.push(table.get(slot, TIME));
      view.durationMs.push(this.windowMs);
      this.layout.specs.forEach((spec, f) => {
        view.fields[spec.name]?.push(table.get(slot, f + 1));
      });
    });
    return view;
  }

  /** The whole run from the first window, at most `maxPoints` points, oldest first. */
  whole(): SeriesView {
    const view = this.emptyView();
    const spanMs = this.resolutionMs;
    const table = this.wholeTable ?? this.wholeFromRing();
    for (let p = 0; p < this.points; p++) {
      view.startMs.push(this.originMs + p * spanMs);
      view.durationMs.push(table ? table.get(p, TIME) : 0);
      this.layout.specs.forEach((spec, f) => {
        view.fields[spec.name]?.push(table ? table.get(p, f + 1) : 0);
      });
    }
    return view;
  }

  /** The last window appended: read-only (the same object until the next window). */
  latestWindow(): { startMs: number; values: Record<string, number> } | undefined {
    const table = this.recentTable;
    if (!table || this.recentSize === 0) return undefined;
    if (this.latest) return this.latest;
    const slot = (this.recentHead - 1 + this.recentCapacity) % this.recentCapacity;
    const values: Record<string, number> = {};
    this.layout.specs.forEach((spec, f) => {
      values[spec.name] = table.get(slot, f + 1);
    });
    return (this.latest = { startMs: table.get(slot, TIME), values });
  }

  /**
   * Bytes held in typed arrays. They grow with the windows held and stop growing once both
   * tiers are full (`recentCapacity` windows, `maxPoints` points), whatever the run length.
   */
  bytesUsed(): number {
    return (this.recentTable?.byteLength ?? 0) + (this.wholeTable?.byteLength ?? 0);
  }

  toJSON(): TimeSeriesData {
    const recent = this.recent();
    const whole = this.whole();
    return {
      fields: this.layout.specs.map((s) => ({ ...s })),
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
    const specs = ts.layout.specs;
    ts.originMs = data.originMs ?? 0;
    ts.lastWindowIndex = data.lastWindowIndex;
    ts.windowsPerPoint = data.windowsPerPoint;
    ts.points = points;
    if (recentSize > 0) {
      ts.recentTable = new RowTable(1 + specs.length, rowsFor(recentSize, ts.recentCapacity));
      ts.recentTable.setColumn(TIME, data.recent.startMs);
      specs.forEach((spec, f) => {
        const column = dataColumn(data.recent.fields, spec.name, recentSize);
        ts.recentTable?.setColumn(f + 1, column);
      });
    }
    ts.recentSize = recentSize;
    ts.recentHead = recentSize % ts.recentCapacity;
    // The same storage as the series that was saved: the whole-run tier is read from the
    // ring if that is what the saved points are.
    const whole = new RowTable(
      1 + specs.length,
      data.windowsPerPoint > 1 ? ts.maxPoints : rowsFor(points, ts.maxPoints),
    );
    whole.setColumn(TIME, data.whole.durationMs);
    specs.forEach((spec, f) => {
      whole.setColumn(f + 1, dataColumn(data.whole.fields, spec.name, points));
    });
    const fromRing = data.windowsPerPoint === 1 ? ts.whole() : null;
    const same =
      fromRing !== null &&
      sameNumbers(fromRing.durationMs, data.whole.durationMs) &&
      specs.every((s) =>
        sameNumbers(fromRing.fields[s.name] ?? [], data.whole.fields[s.name] ?? []),
      );
    if (!same) ts.wholeTable = whole;
    return ts;
  }

  /** The window's index on the grid from the first window (checked). */
  private windowIndexOf(startMs: number): number {
    if (!Number.isFinite(startMs)) throw new RangeError('window start must be finite');
    if (this.lastWindowIndex < 0) return 0;
    const steps = (startMs - this.originMs) / this.windowMs;
    const windowIndex = Math.round(steps);
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
    return windowIndex;
  }

  /** Ring slots oldest first. */
  private forEachRecent(visit: (slot: number) => void): void {
    const first = (this.recentHead - this.recentSize + this.recentCapacity) % this.recentCapacity;
    for (let i = 0; i < this.recentSize; i++) visit((first + i) % this.recentCapacity);
  }

  /**
   * The whole-run points the ring's windows make at one window per point, as appends would
   * have built them: a window's values as they are, its time covered, gaps all zeros.
   */
  private wholeFromRing(): RowTable | null {
    const ring = this.recentTable;
    if (!ring) return null;
    const width = 1 + this.layout.size;
    const table = new RowTable(width, rowsFor(this.points, this.maxPoints));
    this.forEachRecent((slot) => {
      const point = Math.round((ring.get(slot, TIME) - this.originMs) / this.windowMs);
      table.set(point, TIME, this.windowMs);
      for (let c = 1; c < width; c++) table.set(point, c, ring.get(slot, c));
    });
    return table;
  }

  private buildWhole(): void {
    this.wholeTable = this.wholeFromRing() ?? new RowTable(1 + this.layout.size, INITIAL_ROWS);
  }

  /** Merges adjacent point pairs in place; the resolution doubles. */
  private halve(whole: RowTable): void {
    // Once the run outgrows the whole-run tier, it stays full (and `fromJSON` knows its size).
    whole.growRows(this.maxPoints);
    const { specs, weightIndex } = this.layout;
    const n = specs.length;
    if (scratch.length < n) scratch = new Float64Array(n);
    const kept = Math.ceil(this.points / 2);
    for (let k = 0; k < kept; k++) {
      const a = 2 * k;
      const b = a + 1;
      const hasB = b < this.points;
      const da = whole.get(a, TIME);
      const db = hasB ? whole.get(b, TIME) : 0;
      for (let f = 0; f < n; f++) {
        const w = weightIndex[f] as number;
        scratch[f] = combine(
          (specs[f] as FieldSpec).merge,
          whole.get(a, f + 1),
          da,
          w >= 0 ? whole.get(a, w + 1) : 0,
          hasB ? whole.get(b, f + 1) : 0,
          db,
          w >= 0 && hasB ? whole.get(b, w + 1) : 0,
        );
      }
      for (let f = 0; f < n; f++) whole.set(k, f + 1, scratch[f] as number);
      whole.set(k, TIME, da + db);
    }
    // Keep the invariant that unused points are zero.
    whole.clearRows(kept, this.points);
    this.points = kept;
    this.windowsPerPoint *= 2;
  }

  private emptyView(): SeriesView {
    const fields: Record<string, number[]> = {};
    for (const spec of this.layout.specs) fields[spec.name] = [];
    return { startMs: [], durationMs: [], fields };
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
