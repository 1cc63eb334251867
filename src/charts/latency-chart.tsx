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
import { bandsSummary, latencySummary } from './chart-summaries.ts';
import { formatCount, formatMs } from './format.ts';

const msTooltip = (v: unknown) => (typeof v === 'number' ? formatMs(v) : String(v));

/** p50 / p95 / p99 per window. Dash patterns tell the lines apart without colour. */
export const LatencyChart = memo(function LatencyChart({ rows, domain, bands }: TimeChartProps) {
  const summary = `${latencySummary(rows.at(-1))} ${bandsSummary(bands)}`.trim();
  return (
    <ChartFrame testId="chart-latency" title="Latency (ms)" summary={summary}>
      <LineChart responsive width="100%" height={CHART_HEIGHT} data={rows} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
        {timeAxis(domain)}
        <YAxis
          width={Y_AXIS_WIDTH}
          tick={AXIS_TICK}
          tickFormatter={formatCount}
          stroke="var(--chart-axis)"
        />
        {faultBandAreas(bands)}
        <Line
          type="linear"
          dataKey="p50Ms"
          name="p50"
          stroke="var(--chart-p50)"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="p95Ms"
          name="p95"
          stroke="var(--chart-p95)"
          strokeWidth={1.5}
          strokeDasharray="6 3"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="p99Ms"
          name="p99"
          stroke="var(--chart-p99)"
          strokeWidth={1.5}
          strokeDasharray="2 2"
          dot={false}
          isAnimationActive={false}
        />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={tooltipLabel}
          formatter={msTooltip}
          contentStyle={TOOLTIP_CONTENT_STYLE}
        />
        <Legend wrapperStyle={LEGEND_STYLE} iconSize={10} />
      </LineChart>
    </ChartFrame>
  );
});
