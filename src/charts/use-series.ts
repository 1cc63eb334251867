import { startTransition, useEffect, useState } from 'react';
import { useStores } from '../store/index.ts';
import { failureCauses, resolutionOf, toChartRows } from './chart-rows.ts';
import type { ChartRange, ChartScope } from './chart-scope.ts';
import { EMPTY_SERIES, nextSeriesState, type SeriesState } from './series-state.ts';
import { isSettled, shouldFetch } from './throttle.ts';

/**
 * Polls the run's windowed series for a scope, at most ~10 Hz whatever the speed. Frames
 * drive it through a store subscription (no React re-render per frame, no timer of our own):
 * a frame inside the 100 ms gap, or while a request is out, leaves a fetch pending, which the
 * next frame serves; when the run settles (paused, done, reset) one more fetch is forced so
 * the final state shows. The state changes only when the rows did.
 */
export function useSeries(scope: ChartScope, range: ChartRange): SeriesState {
  const { telemetry, run } = useStores();
  const [state, setState] = useState<SeriesState>(EMPTY_SERIES);
  const nodeId = scope.type === 'node' ? scope.nodeId : null;

  useEffect(() => {
    const requestScope: ChartScope =
      nodeId === null ? { type: 'system' } : { type: 'node', nodeId };
    let disposed = false;
    let inFlight = false;
    let pending = false;
    let lastFetchMs = -Infinity;

    const fetchNow = () => {
      inFlight = true;
      pending = false;
      lastFetchMs = performance.now();
      const done = () => {
        inFlight = false;
        // No frame may come to serve what was missed while settled: fetch it now.
        if (pending) trigger(isSettled(telemetry.getState().status));
      };
      run.series(requestScope, range).then(
        ({ view }) => {
          if (disposed) return;
          const rows = toChartRows(view);
          // A transition: React renders the charts in interruptible slices, so redrawing four
          // Recharts charts never blocks a frame of the canvas for long.
          startTransition(() =>
            setState((prev) =>
              nextSeriesState(prev, rows, failureCauses(view), resolutionOf(view)),
            ),
          );
          done();
        },
        () => {
          // A run reloading under us rejects; the next frame asks again.
          if (!disposed) done();
        },
      );
    };

    const trigger = (force: boolean) => {
      if (!inFlight && (force || shouldFetch(performance.now(), lastFetchMs, inFlight))) {
        fetchNow();
      } else {
        pending = true;
      }
    };

    trigger(true);
    const unsubscribe = telemetry.subscribe((s, prev) => {
      if (s.frameSeq === prev.frameSeq) return;
      // Run to end goes flat out: the charts wait for its end (a forced fetch when it settles)
      // instead of taking the CPU from it; the progress bar shows how far it got.
      if (s.status === 'running-to-end') return;
      // Forced when the run just settled, or moved while settled (a step, a reset).
      const force = isSettled(s.status) && (s.status !== prev.status || s.timeMs !== prev.timeMs);
      trigger(force);
    });
    return () => {
      disposed = true;
      unsubscribe();
    };
  }, [telemetry, run, nodeId, range]);

  return state;
}
