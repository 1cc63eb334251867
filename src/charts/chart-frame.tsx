import type { ReactNode } from 'react';

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
