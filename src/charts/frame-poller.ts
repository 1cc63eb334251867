import type { TelemetryStore } from '../store/index.ts';
import { createSeriesPoller, type PollerDeps } from './series-poller.ts';
import { isSettled } from './throttle.ts';

/**
 * A series poller driven by the run's telemetry frames, as every chart polls: nothing while
 * running to end (the charts wait for its end instead of taking the CPU from it), and one
 * forced fetch when the run settles or moves while settled (a step, a reset). Asks once at
 * once. Returns the function that stops it.
 */
export function pollOnFrames<T>(
  telemetry: TelemetryStore,
  deps: Pick<PollerDeps<T>, 'fetch' | 'deliver'>,
): () => void {
  const poller = createSeriesPoller({
    ...deps,
    status: () => telemetry.getState().status,
    now: () => performance.now(),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  const unsubscribe = telemetry.subscribe((s, prev) => {
    if (s.frameSeq === prev.frameSeq || s.status === 'running-to-end') return;
    poller.frame(isSettled(s.status) && (s.status !== prev.status || s.timeMs !== prev.timeMs));
  });
  return () => {
    poller.dispose();
    unsubscribe();
  };
}
