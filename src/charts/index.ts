// Public API of the charts folder. Other folders import from here only.
export { ChartsPanel } from './charts-panel.tsx';
export { loadChartGrid, type ChartGridComponent, type ChartGridProps } from './chart-grid-props.ts';
export { SummaryTable } from './summary-table.tsx';
export { useSeries } from './use-series.ts';
export { failureCauses, resolutionOf, sameRows, toChartRows, type ChartRow } from './chart-rows.ts';
export { SYSTEM_SCOPE, scopeNodeId, type ChartRange, type ChartScope } from './chart-scope.ts';
export { clipBands, faultBands, faultLabel, type FaultBand } from './fault-bands.ts';
export {
  formatCauses,
  formatCount,
  formatMs,
  formatPercent,
  formatRate,
  formatSeconds,
} from './format.ts';
export { EMPTY_SERIES, nextSeriesState, type SeriesState } from './series-state.ts';
export { MIN_FETCH_INTERVAL_MS, isSettled, shouldFetch } from './throttle.ts';
export { RECENT_SPAN_SEC, xDomain } from './x-domain.ts';
