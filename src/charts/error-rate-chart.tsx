import { memo } from 'react';
import type { TimeChartProps } from './chart-props.ts';
import { errorRateSummary } from './chart-summaries.ts';
import { TimeChart, type AreaSeries, type YAxisSpec } from './time-chart.tsx';
import { percentTooltip } from './tooltip-format.ts';

const SERIES: readonly AreaSeries[] = [
  {
    dataKey: (r) => r.errorRate * 100,
    name: 'error rate',
    color: 'var(--chart-error)',
    fillOpacity: 0.3,
  },
];
const Y_AXIS: YAxisSpec = {
  tickFormatter: (v: number) => `${v}%`,
  /** Zooms in on small error rates (at least 0–1%) but never past 100%. */
  domain: ([, max]: readonly [number, number]): [number, number] => [
    0,
    Math.min(100, Math.max(1, Math.ceil(max))),
  ],
};

/** Failed ÷ completed per window, in percent. One series: no legend. */
export const ErrorRateChart = memo(function ErrorRateChart(props: TimeChartProps) {
  return (
    <TimeChart
      {...props}
      figure="errorRate"
      shape="area"
      series={SERIES}
      yAxis={Y_AXIS}
      tooltipFormatter={percentTooltip}
      describe={errorRateSummary}
      legend={false}
    />
  );
});
