import { memo } from 'react';
import type { TimeChartProps } from './chart-props.ts';
import { latencySummary } from './chart-summaries.ts';
import { formatCount } from './format.ts';
import { TimeChart, type LineSeries, type YAxisSpec } from './time-chart.tsx';
import { msTooltip } from './tooltip-format.ts';

// Dash patterns tell the lines apart without colour.
const SERIES: readonly LineSeries[] = [
  { dataKey: 'p50Ms', name: 'p50', color: 'var(--chart-p50)' },
  { dataKey: 'p95Ms', name: 'p95', color: 'var(--chart-p95)', dash: '6 3' },
  { dataKey: 'p99Ms', name: 'p99', color: 'var(--chart-p99)', dash: '2 2' },
];
const Y_AXIS: YAxisSpec = { tickFormatter: formatCount };

/** p50 / p95 / p99 per window. */
export const LatencyChart = memo(function LatencyChart(props: TimeChartProps) {
  return (
    <TimeChart
      {...props}
      figure="latency"
      shape="line"
      series={SERIES}
      yAxis={Y_AXIS}
      tooltipFormatter={msTooltip}
      describe={latencySummary}
    />
  );
});
