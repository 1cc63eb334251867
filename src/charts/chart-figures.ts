/** Plot height of every live chart, px; a chart still waiting for its rows or code keeps it. */
export const CHART_HEIGHT = 130;

/**
 * The four live charts' figures: test id and title, shared by the charts (loaded on demand
 * with Recharts) and the placeholder that keeps their place until then.
 */
export const CHART_FIGURES = {
  throughput: { testId: 'chart-throughput', title: 'Throughput (requests/s)' },
  latency: { testId: 'chart-latency', title: 'Latency (ms)' },
  errorRate: { testId: 'chart-error-rate', title: 'Error rate (%)' },
  queue: { testId: 'chart-queue', title: 'Queue and in flight' },
} as const;

export type ChartName = keyof typeof CHART_FIGURES;
export const CHART_NAMES = Object.keys(CHART_FIGURES) as ChartName[];

/** The "What to watch" chart's figure (shown when the document declares `meta.watch`). */
export const WATCH_FIGURE = { testId: 'chart-watch', title: 'What to watch' } as const;
