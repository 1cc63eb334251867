import type { ReactNode } from 'react';
import { CHART_HEIGHT } from './chart-figures.ts';

interface ChartFrameProps {
  testId: string;
  title: string;
  /** Latest values (and fault windows) in words, read by screen readers. */
  summary: string;
  children: ReactNode;
}

/** A chart's figure: visible title, the plot, and a visually-hidden text summary. */
export function ChartFrame({ testId, title, summary, children }: ChartFrameProps) {
  return (
    <figure className="chart" data-testid={testId} aria-label={title}>
      <figcaption className="chart__title">{title}</figcaption>
      {children}
      <p className="charts-visually-hidden">{summary}</p>
    </figure>
  );
}

const PENDING_STYLE = { height: CHART_HEIGHT } as const;

/** A chart's figure with an empty plot of the chart's height: it keeps the chart's place. */
export function PendingChart({ testId, title, summary }: Omit<ChartFrameProps, 'children'>) {
  return (
    <ChartFrame testId={testId} title={title} summary={summary}>
      <div className="chart__pending" style={PENDING_STYLE} />
    </ChartFrame>
  );
}
