import { memo, useMemo } from 'react';
import { AreaChart, CartesianGrid, Tooltip, YAxis } from 'recharts';
import { WATCH_FIGURE } from './chart-figures.ts';
import { ChartLegend } from './chart-legend.tsx';
import {
  ALL_TICKS,
  axisTickLabel,
  CHART_MARGIN,
  faultBandAreas,
  GRID_STROKE,
  timeAxis,
  TOOLTIP_CONTENT_STYLE,
  tooltipLabel,
  Y_AXIS_WIDTH,
} from './chart-parts.tsx';
import type { DrawnWatch } from './chart-grid-props.ts';
import { lineAreas, PLOT_STYLE } from './time-chart.tsx';
import { useOnDemand } from './use-on-demand.ts';
import { formatWatchTick, formatWatchValue } from './watch-view.ts';

// The first node's line is solid, the second dashed: they differ by more than colour.
const LINE_STYLE = [
  { dataKey: 'v0', color: 'var(--chart-watch-1)', dash: undefined },
  { dataKey: 'v1', color: 'var(--chart-watch-2)', dash: '6 3' },
] as const;

/** A number for a data attribute: '' when there is none. */
const attr = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * "What to watch": the figure a scenario declares (`meta.watch`) for its watched node(s),
 * over the whole run, with its caption above, fault windows as bands, a legend naming the
 * nodes and a hidden summary with each line's mean over the fault windows. The means are
 * also data attributes (`data-mean`, `data-mean-2`; `data-last-sec`, the newest window's end)
 * for tests.
 */
export const WatchChart = memo(function WatchChart({ watch }: { watch: DrawnWatch }) {
  const { view, points, domain, bands, summary } = watch;
  const unit = view.figure.unit;
  const yAxis = useMemo(() => ({ tickFormatter: (v: number) => formatWatchTick(unit, v) }), [unit]);
  const formatTooltip = useMemo(
    () => (v: unknown) => (typeof v === 'number' ? formatWatchValue(unit, v) : String(v)),
    [unit],
  );
  const tooltip = useOnDemand();
  const lines = useMemo(
    () =>
      view.lines.flatMap((line, i) => {
        const style = LINE_STYLE[i];
        return style ? [{ ...style, name: line.name }] : [];
      }),
    [view.lines],
  );
  const title = `${WATCH_FIGURE.title}: ${view.figure.label}`;
  return (
    <figure
      className="chart chart--watch"
      data-testid={WATCH_FIGURE.testId}
      aria-label={title}
      data-figure={view.figure.id}
      data-nodes={view.lines.map((l) => l.nodeId).join(' ')}
      data-over={view.over}
      data-mean={attr(view.lines[0]?.mean)}
      data-mean-2={attr(view.lines[1]?.mean)}
      data-last-sec={attr(view.points.at(-1)?.tSec)}
    >
      <figcaption className="chart__title">{title}</figcaption>
      <p className="chart__caption" data-testid="watch-caption">
        {view.caption}
      </p>
      <div className="chart__plot" style={PLOT_STYLE} {...tooltip.handlers}>
        <div className="chart__area">
          <AreaChart responsive width="100%" height="100%" data={points} margin={CHART_MARGIN}>
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
            {timeAxis(domain)}
            <YAxis
              width={Y_AXIS_WIDTH}
              tick={axisTickLabel}
              interval={ALL_TICKS}
              {...yAxis}
              stroke="var(--chart-axis)"
            />
            {faultBandAreas(bands)}
            {lineAreas(lines, 2)}
            {tooltip.wanted && (
              <Tooltip
                isAnimationActive={false}
                labelFormatter={tooltipLabel}
                formatter={formatTooltip}
                contentStyle={TOOLTIP_CONTENT_STYLE}
              />
            )}
          </AreaChart>
        </div>
        <ChartLegend items={lines.map((l) => ({ ...l, shape: 'line' }))} />
      </div>
      <p className="charts-visually-hidden" data-testid="watch-summary">
        {summary}
      </p>
    </figure>
  );
});
