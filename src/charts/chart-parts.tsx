import { ReferenceArea, XAxis, type XAxisTickContentProps } from 'recharts';
import type { FaultBand } from './fault-bands.ts';
import { formatSeconds } from './format.ts';

/** Everything here is a module constant so charts get the same props object every render. */
export const CHART_MARGIN = { top: 6, right: 10, bottom: 0, left: 0 } as const;

/** Recharts' own vertical anchoring of one-line text (its `Text` with the default cap height). */
const ANCHOR_DY = { start: '0.71em', middle: '0.355em', end: '0' } as const;

/**
 * An axis tick label as plain SVG text. Recharts' `Text` measures each new label's words in
 * the DOM to wrap them (a forced layout of the whole page whenever the time axis slides or
 * the y scale changes); these short labels never wrap.
 */
export function axisTickLabel(props: Omit<XAxisTickContentProps, 'orientation' | 'padding'>) {
  const { x, y, payload, index, tickFormatter, textAnchor, verticalAnchor, className } = props;
  const value: unknown = payload.value;
  return (
    <text
      x={x}
      y={y}
      dy={ANCHOR_DY[verticalAnchor]}
      textAnchor={textAnchor}
      fontSize={11}
      fill="var(--chart-axis)"
      className={className}
    >
      {tickFormatter ? tickFormatter(value, index) : String(value)}
    </text>
  );
}
export const Y_AXIS_WIDTH = 44;
/**
 * Every tick of the axes' ~5 is drawn (`interval={0}`): Recharts' default thinning measures
 * each label in the DOM on every redraw, a forced layout of the whole page mid-script
 * (~20 ms/s with 100 nodes playing). Five short labels always fit these charts.
 */
export const ALL_TICKS = 0;
export const GRID_STROKE = 'var(--chart-grid)';
export const TOOLTIP_CONTENT_STYLE = {
  background: 'var(--chart-tooltip-bg)',
  border: '1px solid var(--chart-tooltip-border)',
  color: 'var(--chart-tooltip-text)',
  fontSize: 12,
} as const;
const BAND_LABEL = {
  position: 'insideTopLeft',
  fontSize: 10,
  fill: 'var(--chart-fault-label)',
} as const;

export const tooltipLabel = (t: unknown) => (typeof t === 'number' ? formatSeconds(t) : '');

/** Failure-cause colour slots (charts.css defines --chart-fail-1..6). */
export function causeColor(index: number): string {
  return `var(--chart-fail-${(index % 6) + 1})`;
}

/**
 * The shared time axis: virtual seconds over the panel's domain. Every row and band lies
 * inside the domain already (`xDomain`, `clipBands`), so nothing is clipped: an SVG clip-path
 * on the plotted series made each redraw re-layerize the whole page, canvas included (~14 ms
 * per chart update with 300 nodes).
 */
export function timeAxis(domain: [number, number]) {
  return (
    <XAxis
      dataKey="tSec"
      type="number"
      domain={domain}
      tick={axisTickLabel}
      interval={ALL_TICKS}
      tickFormatter={formatSeconds}
      stroke="var(--chart-axis)"
    />
  );
}

/**
 * Fault windows as shaded bands with the fault type as label. Called as a function (not a
 * component) so the ReferenceAreas are direct children of the chart.
 */
export function faultBandAreas(bands: readonly FaultBand[]) {
  return bands.map((b) => (
    <ReferenceArea
      key={b.id}
      x1={b.x1}
      x2={b.x2}
      ifOverflow="visible"
      fill="var(--chart-fault-band)"
      fillOpacity={1}
      stroke="var(--chart-fault-edge)"
      strokeOpacity={1}
      label={{ ...BAND_LABEL, value: b.label }}
    />
  ));
}
