import type { FieldSpec, TimeSeriesOptions } from './time-series-types.ts';

export interface TimeSeriesData {
  fields: FieldSpec[];
  options: TimeSeriesOptions;
  /** Start of the first appended window; null before any. */
  originMs: number | null;
  /** Grid index (in base windows from the origin) of the last appended window; −1 before any. */
  lastWindowIndex: number;
  /** Base windows per whole-run point (a power of two). */
  windowsPerPoint: number;
  recent: { startMs: number[]; fields: Record<string, number[]> };
  whole: { durationMs: number[]; fields: Record<string, number[]> };
}

/**
 * Checks the shape of serialised series data (after the options and fields were validated by
 * constructing the series). Returns the recent-window and whole-run point counts.
 */
export function checkTimeSeriesData(data: TimeSeriesData): { recentSize: number; points: number } {
  const wpp = data.windowsPerPoint;
  if (!(Number.isInteger(wpp) && wpp >= 1 && Number.isInteger(Math.log2(wpp)))) {
    throw new RangeError(`windowsPerPoint must be a power of two, got ${wpp}`);
  }
  const started = data.originMs !== null;
  if (started && !Number.isFinite(data.originMs)) {
    throw new RangeError('time series data: originMs must be finite');
  }
  if (!(Number.isInteger(data.lastWindowIndex) && data.lastWindowIndex >= (started ? 0 : -1))) {
    throw new RangeError('time series data: bad lastWindowIndex');
  }
  if (!started && data.lastWindowIndex !== -1) {
    throw new RangeError('time series data: windows without an origin');
  }
  const recentSize = data.recent.startMs.length;
  const points = data.whole.durationMs.length;
  if (recentSize > data.options.recentCapacity || points > data.options.maxPoints) {
    throw new RangeError('time series data: more windows or points than the options allow');
  }
  const expectedPoints = started ? Math.floor(data.lastWindowIndex / wpp) + 1 : 0;
  if (started !== recentSize > 0 || points !== expectedPoints) {
    throw new RangeError('time series data: window counts are inconsistent');
  }
  return { recentSize, points };
}

/** One field's column of `length` finite values. */
export function dataColumn(
  source: Record<string, number[]>,
  name: string,
  length: number,
): number[] {
  const values = source[name];
  if (!values || values.length !== length || !values.every(Number.isFinite)) {
    throw new RangeError(`time series data: field '${name}' needs ${length} finite values`);
  }
  return values;
}
