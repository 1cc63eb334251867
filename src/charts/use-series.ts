import { startTransition, useEffect, useState } from 'react';
import { useStores } from '../store/index.ts';
import { failureCauses, resolutionOf, toChartRows } from './chart-rows.ts';
import type { ChartRange, ChartScope } from './chart-scope.ts';
import { EMPTY_SERIES, nextSeriesState, type SeriesState } from './series-state.ts';
import { createSeriesPoller } from './series-poller.ts';
import { isSettled } from './throttle.ts';

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
    const poller = createSeriesPoller({
      fetch: () => run.series(requestScope, range),
      deliver: ({ view }) => {
        const rows = toChartRows(view);
        // A transition: React renders the charts in interruptible slices, so redrawing four
        // Recharts charts never blocks a frame of the canvas for long.
        startTransition(() =>
          setState((prev) => nextSeriesState(prev, rows, failureCauses(view), resolutionOf(view))),
        );
      },
      status: () => telemetry.getState().status,
      now: () => performance.now(),
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
    const unsubscribe = telemetry.subscribe((s, prev) => {
      if (s.frameSeq === prev.frameSeq) return;
      // Run to end goes flat out: the charts wait for its end (a forced fetch when it settles)
      // instead of taking the CPU from it; the progress bar shows how far it got.
      if (s.status === 'running-to-end') return;
      // Forced when the run just settled, or moved while settled (a step, a reset).
      poller.frame(isSettled(s.status) && (s.status !== prev.status || s.timeMs !== prev.timeMs));
    });
    return () => {
      poller.dispose();
      unsubscribe();
    };
  }, [telemetry, run, nodeId, range]);

  return state;
}
