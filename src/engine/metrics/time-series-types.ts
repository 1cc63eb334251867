import type { MergeRule } from './time-series-merge.ts';

// The shapes shared by the series and its JSON form (their own module, so neither imports
// the other's types back).

export interface FieldSpec {
  name: string;
  merge: MergeRule;
  /** For 'weighted-mean': the name of a 'sum' field used as weight. */
  weight?: string;
}

export interface TimeSeriesOptions {
  windowMs: number;
  recentCapacity: number;
  maxPoints: number;
}

/** Plain arrays, oldest first. */
export interface SeriesView {
  startMs: number[];
  /** Time actually covered by appended windows (less than the span for a partial or gap point). */
  durationMs: number[];
  fields: Record<string, number[]>;
}
