import { startTransition, useEffect, useState } from 'react';
import { useStores } from '../store/index.ts';
import { failureCauses, resolutionOf, toChartRows } from './chart-rows.ts';
import type { ChartRange, ChartScope } from './chart-scope.ts';
import { EMPTY_SERIES, nextSeriesState, type SeriesState } from './series-state.ts';
import { pollOnFrames } from './frame-poller.ts';

/**
 * Polls the run's windowed series for a scope, at most ~4 Hz whatever the speed (see
 * series-poller.ts). Frames drive it through a store subscription (no React re-render per
 * frame); when the run settles (paused, done, reset) one more fetch is forced so the final
 * state shows. The state changes only when the rows did.
 */
export function useSeries(scope: ChartScope, range: ChartRange): SeriesState {
  const { telemetry, run } = useStores();
  const [state, setState] = useState<SeriesState>(EMPTY_SERIES);
  const nodeId = scope.type === 'node' ? scope.nodeId : null;

  useEffect(() => {
    const requestScope: ChartScope =
      nodeId === null ? { type: 'system' } : { type: 'node', nodeId };
    return pollOnFrames(telemetry, {
      fetch: () => run.series(requestScope, range),
      deliver: ({ view }) => {
        const rows = toChartRows(view);
        // A transition: React renders the charts in interruptible slices, so redrawing four
        // Recharts charts never blocks a frame of the canvas for long.
        startTransition(() =>
          setState((prev) => nextSeriesState(prev, rows, failureCauses(view), resolutionOf(view))),
        );
      },
    });
  }, [telemetry, run, nodeId, range]);

  return state;
}
