/** One entry of a chart's legend: a series' name, colour and how it is drawn. */
export interface LegendItem {
  name: string;
  /** A CSS colour (variables from charts.css). */
  color: string;
  /** A line's dash pattern (lines differ by dash as well as colour). */
  dash?: string | undefined;
  shape: 'line' | 'area';
}

const SWATCH = { width: 10, height: 10 } as const;

/**
 * A chart's legend as plain HTML under the plot, not Recharts' `Legend`: that one measured its
 * own box in the DOM on every draw (a forced layout of the page) and fed the size back into
 * the chart's store, which drew the chart a second time (with the tooltip on demand: a third
 * off a chart's mount). The words are in the theme's text colour (≥ 4.5 : 1); the swatch keeps
 * the series colour and, for lines, their dash. Entries wrap; the plot above gives up the room
 * they take.
 */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.name} className="chart-legend__item">
          <svg className="chart-legend__swatch" {...SWATCH} aria-hidden="true">
            {item.shape === 'area' ? (
              <rect
                x={1}
                y={1}
                width={SWATCH.width - 2}
                height={SWATCH.height - 2}
                fill={item.color}
                fillOpacity={0.45}
                stroke={item.color}
              />
            ) : (
              <line
                x1={0}
                y1={SWATCH.height / 2}
                x2={SWATCH.width}
                y2={SWATCH.height / 2}
                stroke={item.color}
                strokeWidth={2}
                strokeDasharray={item.dash}
              />
            )}
          </svg>
          <span className="chart-legend__text">{item.name}</span>
        </li>
      ))}
    </ul>
  );
}
