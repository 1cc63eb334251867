import { sameRows, type ChartRow } from './chart-rows.ts';

/** What `useSeries` hands to the charts. Arrays are replaced only when their data changed. */
export interface SeriesState {
  rows: readonly ChartRow[];
  causes: readonly string[];
  /** Span of one point, ms (1 window for 'recent'; grows as the whole run down-samples). */
  resolutionMs: number;
}

export const EMPTY_SERIES: SeriesState = { rows: [], causes: [], resolutionMs: 0 };

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The previous state (same identity) when nothing changed; unchanged parts keep identity too. */
export function nextSeriesState(
  prev: SeriesState,
  rows: readonly ChartRow[],
  causes: readonly string[],
  resolutionMs: number,
): SeriesState {
  const keepRows = sameRows(prev.rows, rows);
  const keepCauses = sameStrings(prev.causes, causes);
  if (keepRows && keepCauses && prev.resolutionMs === resolutionMs) return prev;
  return {
    rows: keepRows ? prev.rows : rows,
    causes: keepCauses ? prev.causes : causes,
    resolutionMs,
  };
}
