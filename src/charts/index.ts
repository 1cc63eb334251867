// Public API of the charts folder. Other folders import from here only.
export { ChartsPanel } from './charts-panel.tsx';
export { SummaryTable } from './summary-table.tsx';
