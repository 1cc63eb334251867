import { useEffect, useRef, useState } from 'react';
import { useStores, useTelemetry } from '../store/index.ts';
import { anyStale, initialStagger, serveNext, type StaggerState } from './stagger.ts';
import { isSettled } from './throttle.ts';

/**
 * What each chart shows of `latest` (one value per chart, memoised by the caller): the charts
 * catch up one at a time (see stagger.ts). While the run moves, one per telemetry frame. Once
 * it has settled (paused, done, reset) no frame will come, so each catches up in a task of its
 * own, started after the previous one's commit: the end of a run is then five short tasks, one
 * per chart, instead of one long one.
 */
export function useStaggered<T extends readonly unknown[]>(latest: T): T {
  const { telemetry } = useStores();
  const settled = useTelemetry((s) => isSettled(s.status));
  const [state, setState] = useState<StaggerState<T>>(() => initialStagger(latest));
  const latestRef = useRef(latest);

  useEffect(() => {
    latestRef.current = latest;
  }, [latest]);

  useEffect(
    () =>
      telemetry.subscribe((s, prev) => {
        if (s.frameSeq === prev.frameSeq || isSettled(s.status)) return;
        setState((st) => serveNext(st, latestRef.current));
      }),
    [telemetry],
  );

  useEffect(() => {
    if (!settled || !anyStale(state.shown, latest)) return undefined;
    // A timer, not a microtask: the previous chart's commit and paint finish first.
    const timer = setTimeout(() => setState((st) => serveNext(st, latest)), 0);
    return () => clearTimeout(timer);
  }, [settled, state, latest]);

  return state.shown;
}
