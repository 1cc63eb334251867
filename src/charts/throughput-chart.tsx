import { memo, useMemo } from 'react';
import type { ChartRow } from './chart-rows.ts';
import { causeColor } from './chart-parts.tsx';
import type { TimeChartProps } from './chart-props.ts';
import { throughputSummary } from './chart-summaries.ts';
import { formatCount } from './format.ts';
import { TimeChart, type AreaSeries, type YAxisSpec } from './time-chart.tsx';
import { rateTooltip } from './tooltip-format.ts';

const STACK = 'throughput';
const OK_SERIES: AreaSeries = {
  dataKey: (r: ChartRow) => r.throughputOk,
  name: 'succeeded',
  color: 'var(--chart-ok)',
  fillOpacity: 0.35,
  stackId: STACK,
};
const Y_AXIS: YAxisSpec = { tickFormatter: formatCount };

interface ThroughputChartProps extends TimeChartProps {
  /** Failure causes, sorted; one stacked area each. */
  causes: readonly string[];
}

/** Successes and failures per second, stacked: the failed part split by cause. */
export const ThroughputChart = memo(function ThroughputChart({
  causes,
  ...props
}: ThroughputChartProps) {
  // One accessor per cause, rebuilt only when the set of causes changes.
  const series = useMemo<readonly AreaSeries[]>(
    () => [
      OK_SERIES,
      ...causes.map((cause, i) => ({
        dataKey: (r: ChartRow) => r.failedByCause[cause] ?? 0,
        name: `failed: ${cause}`,
        color: causeColor(i),
        fillOpacity: 0.45,
        stackId: STACK,
      })),
    ],
    [causes],
  );
  return (
    <TimeChart
      {...props}
      figure="throughput"
      shape="area"
      series={series}
      yAxis={Y_AXIS}
      tooltipFormatter={rateTooltip}
      describe={throughputSummary}
    />
  );
});
