import { memo } from 'react';
import type { TimeChartProps } from './chart-props.ts';
import { queueSummary } from './chart-summaries.ts';
import { formatCount } from './format.ts';
import { TimeChart, type LineSeries, type YAxisSpec } from './time-chart.tsx';
import { countTooltip } from './tooltip-format.ts';

const SERIES: readonly LineSeries[] = [
  { dataKey: 'queueDepth', name: 'queue depth', color: 'var(--chart-queue)' },
  { dataKey: 'inFlight', name: 'in flight', color: 'var(--chart-inflight)', dash: '6 3' },
];
const Y_AXIS: YAxisSpec = { tickFormatter: formatCount, allowDecimals: false };

/** Queue depth (peak per window) and requests in flight (at window end). */
export const QueueChart = memo(function QueueChart(props: TimeChartProps) {
  return (
    <TimeChart
      {...props}
      figure="queue"
      shape="line"
      series={SERIES}
      yAxis={Y_AXIS}
      tooltipFormatter={countTooltip}
      describe={queueSummary}
    />
  );
});
