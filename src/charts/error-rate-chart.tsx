import { memo } from 'react';
import { Area, AreaChart, CartesianGrid, Tooltip, YAxis } from 'recharts';
import type { ChartRow } from './chart-rows.ts';
import { ChartFrame } from './chart-frame.tsx';
import {
  AXIS_TICK,
  CHART_HEIGHT,
  CHART_MARGIN,
  GRID_STROKE,
  TOOLTIP_CONTENT_STYLE,
  Y_AXIS_WIDTH,
  faultBandAreas,
  timeAxis,
  tooltipLabel,
} from './chart-parts.tsx';
import type { TimeChartProps } from './chart-props.ts';
import { bandsSummary, errorRateSummary } from './chart-summaries.ts';

const percentKey = (r: ChartRow) => r.errorRate * 100;
const percentTick = (v: number) => `${v}%`;
const percentTooltip = (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : String(v));
/** Zooms in on small error rates (at least 0–1%) but never past 100%. */
const percentDomain = ([, max]: readonly [number, number]): [number, number] => [
  0,
  Math.min(100, Math.max(1, Math.ceil(max))),
];

/** Failed ÷ completed per window, in percent. */
export const ErrorRateChart = memo(function ErrorRateChart({
  rows,
  domain,
  bands,
}: TimeChartProps) {
  const summary = `${errorRateSummary(rows.at(-1))} ${bandsSummary(bands)}`.trim();
  return (
    <ChartFrame testId="chart-error-rate" title="Error rate (%)" summary={summary}>
      <AreaChart responsive width="100%" height={CHART_HEIGHT} data={rows} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
        {timeAxis(domain)}
        <YAxis
          width={Y_AXIS_WIDTH}
          tick={AXIS_TICK}
          tickFormatter={percentTick}
          domain={percentDomain}
          stroke="var(--chart-axis)"
        />
        {faultBandAreas(bands)}
        <Area
          type="linear"
          dataKey={percentKey}
          name="error rate"
          stroke="var(--chart-error)"
          fill="var(--chart-error)"
          fillOpacity={0.3}
          dot={false}
          isAnimationActive={false}
        />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={tooltipLabel}
          formatter={percentTooltip}
          contentStyle={TOOLTIP_CONTENT_STYLE}
        />
      </AreaChart>
    </ChartFrame>
  );
});
