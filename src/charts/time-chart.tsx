import { Area, AreaChart, CartesianGrid, Curve, Tooltip, YAxis } from 'recharts';
import type { CurveProps, YAxisProps } from 'recharts';
import type { ChartRow } from './chart-rows.ts';
import { CHART_FIGURES, CHART_HEIGHT, type ChartName } from './chart-figures.ts';
import { ChartFrame, PendingChart } from './chart-frame.tsx';
import { ChartLegend, type LegendItem } from './chart-legend.tsx';
import {
  ALL_TICKS,
  axisTickLabel,
  CHART_MARGIN,
  GRID_STROKE,
  TOOLTIP_CONTENT_STYLE,
  Y_AXIS_WIDTH,
  faultBandAreas,
  timeAxis,
  tooltipLabel,
} from './chart-parts.tsx';
import type { TimeChartProps } from './chart-props.ts';
import { bandsSummary } from './chart-summaries.ts';
import { useOnDemand } from './use-on-demand.ts';

/** Row fields a line can plot (latencies are null where nothing completed: a gap). */
type PlottableField = 'p50Ms' | 'p95Ms' | 'p99Ms' | 'queueDepth' | 'inFlight';

interface SeriesBase {
  /** Legend and tooltip name; also the React key, so unique within a chart. */
  name: string;
  /** A CSS colour (variables from charts.css). */
  color: string;
}

export interface LineSeries extends SeriesBase {
  dataKey: PlottableField;
  /** A dash pattern, so lines differ by more than colour. */
  dash?: string;
}

export interface AreaSeries extends SeriesBase {
  /** A stable accessor: Recharts compares it by identity. */
  dataKey: (row: ChartRow) => number;
  fillOpacity: number;
  /** Areas with the same id stack. */
  stackId?: string;
}

/** What differs between the charts' y axes (a module constant per chart). */
export type YAxisSpec = Pick<YAxisProps, 'tickFormatter' | 'allowDecimals' | 'domain'>;

/** Series lists are module constants or memoised, so every prop keeps its identity. */
type Plot =
  | { shape: 'line'; series: readonly LineSeries[] }
  | { shape: 'area'; series: readonly AreaSeries[] };

type Props = TimeChartProps &
  Plot & {
    /** Which of the four figures (its title and test id). */
    figure: ChartName;
    yAxis: YAxisSpec;
    tooltipFormatter: (value: unknown) => string;
    /** The latest row in words, for the visually-hidden summary. */
    describe: (latest: ChartRow | undefined) => string;
    /** Off for a single, self-explanatory series. */
    legend?: boolean;
  };

/**
 * A line series is drawn as an Area with only its stroke: Recharts' `Line` reads its path's
 * `getTotalLength()` on every render, for an animation that is off here — a forced layout of
 * the whole page per line per redraw (~10 % of the main thread with 300 nodes playing).
 */
export function strokeOnly(props: CurveProps) {
  return (
    <Curve
      className="recharts-line-curve"
      type="linear"
      layout="horizontal"
      points={props.points}
      connectNulls={false}
      fill="none"
      stroke={props.stroke}
      strokeWidth={props.strokeWidth}
      strokeDasharray={props.strokeDasharray}
    />
  );
}

/** A stroke-only line per series (the live charts' p50/p95/p99, the What-to-watch lines). */
export function lineAreas(
  series: readonly { name: string; dataKey: string; color: string; dash?: string | undefined }[],
  strokeWidthPx = 1.5,
) {
  return series.map((s) => (
    <Area
      key={s.dataKey}
      type="linear"
      dataKey={s.dataKey}
      name={s.name}
      stroke={s.color}
      strokeWidth={strokeWidthPx}
      {...(s.dash === undefined ? {} : { strokeDasharray: s.dash })}
      fill="none"
      shape={strokeOnly}
      dot={false}
      isAnimationActive={false}
    />
  ));
}

function areas(series: readonly AreaSeries[]) {
  return series.map((s) => (
    <Area
      key={s.name}
      type="linear"
      dataKey={s.dataKey}
      name={s.name}
      {...(s.stackId === undefined ? {} : { stackId: s.stackId })}
      stroke={s.color}
      fill={s.color}
      fillOpacity={s.fillOpacity}
      dot={false}
      isAnimationActive={false}
    />
  ));
}

/** The plot and its legend share the chart's height: a legend that wraps takes it from the plot. */
export const PLOT_STYLE = { height: CHART_HEIGHT } as const;

function legendItems(plot: Plot): LegendItem[] {
  return plot.shape === 'line'
    ? plot.series.map((s) => ({ name: s.name, color: s.color, dash: s.dash, shape: 'line' }))
    : plot.series.map((s) => ({ name: s.name, color: s.color, shape: 'area' }));
}

type PlotProps = Pick<TimeChartProps, 'rows' | 'domain' | 'bands'> &
  Plot &
  Pick<Props, 'yAxis' | 'tooltipFormatter' | 'legend'>;

/**
 * The Recharts part of every live chart: grid, time axis, fault bands, series and tooltip (on
 * demand), with its legend below. Series are built by functions, not components, so they stay direct children of the
 * Recharts chart. Animation is off: the data moves on its own. (The charts' warm-up draws it
 * too: chart-warm-up.tsx.)
 */
export function TimeChartPlot(props: PlotProps) {
  const tooltip = useOnDemand();
  return (
    <div className="chart__plot" style={PLOT_STYLE} {...tooltip.handlers}>
      <div className="chart__area">
        <AreaChart responsive width="100%" height="100%" data={props.rows} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
          {timeAxis(props.domain)}
          <YAxis
            width={Y_AXIS_WIDTH}
            tick={axisTickLabel}
            interval={ALL_TICKS}
            {...props.yAxis}
            stroke="var(--chart-axis)"
          />
          {faultBandAreas(props.bands)}
          {props.shape === 'line' ? lineAreas(props.series) : areas(props.series)}
          {tooltip.wanted && (
            <Tooltip
              isAnimationActive={false}
              labelFormatter={tooltipLabel}
              formatter={props.tooltipFormatter}
              contentStyle={TOOLTIP_CONTENT_STYLE}
            />
          )}
        </AreaChart>
      </div>
      {props.legend === false ? null : <ChartLegend items={legendItems(props)} />}
    </div>
  );
}

/**
 * The frame every live chart shares: figure with title and hidden summary around the plot.
 */
export function TimeChart(props: Props) {
  const { rows, bands } = props;
  const summary = `${props.describe(rows.at(-1))} ${bandsSummary(bands)}`.trim();
  const { testId, title } = CHART_FIGURES[props.figure];
  if (rows.length === 0) {
    // Rows reach the charts one at a time (use-staggered.ts), and so does their first,
    // costliest render: until its turn, a chart keeps its place with an empty plot.
    return <PendingChart testId={testId} title={title} summary={summary} />;
  }
  return (
    <ChartFrame testId={testId} title={title} summary={summary}>
      <TimeChartPlot {...props} />
    </ChartFrame>
  );
}
