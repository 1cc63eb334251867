import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, YAxis } from 'recharts';
import type { ChartRow } from './chart-rows.ts';
import { ChartFrame } from './chart-frame.tsx';
import {
  AXIS_TICK,
  CHART_HEIGHT,
  CHART_MARGIN,
  GRID_STROKE,
  LEGEND_STYLE,
  TOOLTIP_CONTENT_STYLE,
  Y_AXIS_WIDTH,
  causeColor,
  faultBandAreas,
  timeAxis,
  tooltipLabel,
} from './chart-parts.tsx';
import type { TimeChartProps } from './chart-props.ts';
import { bandsSummary, throughputSummary } from './chart-summaries.ts';
import { formatCount, formatRate } from './format.ts';

const STACK = 'throughput';
const okKey = (r: ChartRow) => r.throughputOk;
const rateTooltip = (v: unknown) => (typeof v === 'number' ? formatRate(v) : String(v));

interface ThroughputChartProps extends TimeChartProps {
  /** Failure causes, sorted; one stacked area each. */
  causes: readonly string[];
}

/** Successes and failures per second, stacked: the failed part split by cause. */
export const ThroughputChart = memo(function ThroughputChart({
  rows,
  domain,
  bands,
  causes,
}: ThroughputChartProps) {
  // One accessor per cause, rebuilt only when the set of causes changes.
  const causeAreas = useMemo(
    () => causes.map((cause) => ({ cause, value: (r: ChartRow) => r.failedByCause[cause] ?? 0 })),
    [causes],
  );
  const summary = `${throughputSummary(rows.at(-1))} ${bandsSummary(bands)}`.trim();
  return (
    <ChartFrame testId="chart-throughput" title="Throughput (requests/s)" summary={summary}>
      <AreaChart responsive width="100%" height={CHART_HEIGHT} data={rows} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
        {timeAxis(domain)}
        <YAxis
          width={Y_AXIS_WIDTH}
          tick={AXIS_TICK}
          tickFormatter={formatCount}
          stroke="var(--chart-axis)"
        />
        {faultBandAreas(bands)}
        <Area
          type="linear"
          dataKey={okKey}
          name="succeeded"
          stackId={STACK}
          stroke="var(--chart-ok)"
          fill="var(--chart-ok)"
          fillOpacity={0.35}
          isAnimationActive={false}
          dot={false}
        />
        {causeAreas.map(({ cause, value }, i) => (
          <Area
            key={cause}
            type="linear"
            dataKey={value}
            name={`failed: ${cause}`}
            stackId={STACK}
            stroke={causeColor(i)}
            fill={causeColor(i)}
            fillOpacity={0.45}
            isAnimationActive={false}
            dot={false}
          />
        ))}
        <Tooltip
          isAnimationActive={false}
          labelFormatter={tooltipLabel}
          formatter={rateTooltip}
          contentStyle={TOOLTIP_CONTENT_STYLE}
        />
        <Legend wrapperStyle={LEGEND_STYLE} iconSize={10} />
      </AreaChart>
    </ChartFrame>
  );
});
