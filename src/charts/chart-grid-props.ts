import type { ComponentType } from 'react';
import type { TimeChartProps } from './chart-props.ts';
import type { FaultBand } from './fault-bands.ts';
import type { WatchPoint, WatchView } from './watch-view.ts';

/** What one chart of the grid draws: its rows, the failure causes, domain and fault bands. */
export interface DrawnChart extends TimeChartProps {
  causes: readonly string[];
}

/** What the "What to watch" chart draws: the view, its plotted points, domain and bands. */
export interface DrawnWatch {
  view: WatchView;
  points: readonly WatchPoint[];
  domain: [number, number];
  bands: readonly FaultBand[];
  /** The chart in words (`watchSummary`). */
  summary: string;
}

/** The grid's props: each chart's data, which reach the charts one at a time (stagger.ts). */
export interface ChartGridProps {
  /** The document's "What to watch" chart, drawn above the four; null when it declares none. */
  watch: DrawnWatch | null;
  /** A watch chart is on its way (its data waits for its turn): keep its place meanwhile. */
  watchExpected: boolean;
  throughput: DrawnChart;
  latency: DrawnChart;
  errorRate: DrawnChart;
  queue: DrawnChart;
}

/** The grid component, as the app hands it to `ChartsPanel` once it is loaded on demand. */
export type ChartGridComponent = ComponentType<ChartGridProps>;

/**
 * Loads the Recharts side of the panel (a chunk of its own in the build), and warms it up
 * off-screen once the page is idle (chart-warm-up.tsx).
 */
export const loadChartGrid = (): Promise<ChartGridComponent> =>
  import('./chart-grid.tsx').then((m) => {
    m.warmUpChartsOnce();
    return m.ChartGrid;
  });
