import type { ComponentType } from 'react';
import type { TimeChartProps } from './chart-props.ts';

/** What one chart of the grid draws: its rows, the failure causes, domain and fault bands. */
export interface DrawnChart extends TimeChartProps {
  causes: readonly string[];
}

/** The grid's props: each chart's data, which reach the charts one frame apart. */
export interface ChartGridProps {
  throughput: DrawnChart;
  latency: DrawnChart;
  errorRate: DrawnChart;
  queue: DrawnChart;
}

/** The grid component, as the app hands it to `ChartsPanel` once it is loaded on demand. */
export type ChartGridComponent = ComponentType<ChartGridProps>;

/** Loads the Recharts side of the panel (a chunk of its own in the build). */
export const loadChartGrid = (): Promise<ChartGridComponent> =>
  import('./chart-grid.tsx').then((m) => m.ChartGrid);
