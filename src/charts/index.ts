// Public API of the charts folder. Other folders import from here only.
export { ChartsPanel } from './charts-panel.tsx';
export { loadChartGrid, type ChartGridComponent, type ChartGridProps } from './chart-grid-props.ts';
export { SummaryTable } from './summary-table.tsx';
