// The Recharts side of the charts panel, loaded on demand (see `loadChartGrid` in index.ts):
// Recharts and its dependencies are about a third of the app's code, and the first screen
// shows no chart until a run has produced rows.
import { useEffect } from 'react';
import { WATCH_FIGURE } from './chart-figures.ts';
import { PendingChart } from './chart-frame.tsx';
import type { ChartGridProps } from './chart-grid-props.ts';
import { noteChartsDrawn } from './chart-warm-up.tsx';
import { ErrorRateChart } from './error-rate-chart.tsx';
import { LatencyChart } from './latency-chart.tsx';
import { QueueChart } from './queue-chart.tsx';
import { ThroughputChart } from './throughput-chart.tsx';
import { WatchChart } from './watch-chart.tsx';

export { warmUpChartsOnce } from './chart-warm-up.tsx';

/** The four live charts, each with its own (staggered) rows; the watch chart above them. */
export function ChartGrid(props: ChartGridProps) {
  const { watch, watchExpected, throughput, latency, errorRate, queue } = props;
  // The grid shows only once there are rows: its charts compile Recharts themselves.
  useEffect(noteChartsDrawn, []);
  return (
    <>
      {watch ? (
        <WatchChart watch={watch} />
      ) : (
        watchExpected && <PendingChart {...WATCH_FIGURE} summary="Loading the chart." />
      )}
      <div className="charts-panel__grid">
        <ThroughputChart
          rows={throughput.rows}
          causes={throughput.causes}
          domain={throughput.domain}
          bands={throughput.bands}
        />
        <LatencyChart rows={latency.rows} domain={latency.domain} bands={latency.bands} />
        <ErrorRateChart rows={errorRate.rows} domain={errorRate.domain} bands={errorRate.bands} />
        <QueueChart rows={queue.rows} domain={queue.domain} bands={queue.bands} />
      </div>
    </>
  );
}
