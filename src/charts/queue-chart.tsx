import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame.tsx';
import {
  AXIS_TICK,
  CHART_HEIGHT,
  CHART_MARGIN,
  GRID_STROKE,
  LEGEND_STYLE,
  TOOLTIP_CONTENT_STYLE,
  Y_AXIS_WIDTH,
  faultBandAreas,
  timeAxis,
  tooltipLabel,
} from './chart-parts.tsx';
import type { TimeChartProps } from './chart-props.ts';
import { bandsSummary, queueSummary } from './chart-summaries.ts';
import { formatCount } from './format.ts';

const countTooltip = (v: unknown) => (typeof v === 'number' ? formatCount(v) : String(v));

/** Queue depth (peak per window) and requests in flight (at window end). */
export const QueueChart = memo(function QueueChart({ rows, domain, bands }: TimeChartProps) {
  const summary = `${queueSummary(rows.at(-1))} ${bandsSummary(bands)}`.trim();
  return (
    <ChartFrame testId="chart-queue" title="Queue and in flight" summary={summary}>
      <LineChart responsive width="100%" height={CHART_HEIGHT} data={rows} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
        {timeAxis(domain)}
        <YAxis
          width={Y_AXIS_WIDTH}
          tick={AXIS_TICK}
          tickFormatter={formatCount}
          allowDecimals={false}
          stroke="var(--chart-axis)"
        />
        {faultBandAreas(bands)}
        <Line
          type="linear"
          dataKey="queueDepth"
          name="queue depth"
          stroke="var(--chart-queue)"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="inFlight"
          name="in flight"
          stroke="var(--chart-inflight)"
          strokeWidth={1.5}
          strokeDasharray="6 3"
          dot={false}
          isAnimationActive={false}
        />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={tooltipLabel}
          formatter={countTooltip}
          contentStyle={TOOLTIP_CONTENT_STYLE}
        />
        <Legend wrapperStyle={LEGEND_STYLE} iconSize={10} />
      </LineChart>
    </ChartFrame>
  );
});
