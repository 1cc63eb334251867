import { useCallback, useSyncExternalStore } from 'react';
import { useCanvasStats } from '../canvas/index.ts';
import { useRun, useStores, useTelemetry } from '../store/index.ts';

/**
 * 75889 → "75,889". Not `toLocaleString`: its first call loads ICU data, measured at ~50 ms
 * on the main thread right when a run finishes.
 */
export function groupThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Where the simulation runs. The host can fall back from the worker to the main thread after
 * start-up (once the fallback's code has loaded); its frames then reach the telemetry store,
 * so the kind is re-read on each store change, and a render happens only when it differs.
 */
function useHostKind() {
  const run = useRun();
  const { telemetry } = useStores();
  const kind = useCallback(() => run.hostKind, [run]);
  return useSyncExternalStore(telemetry.subscribe, kind);
}

export function StatusBar() {
  const { nodeCount, edgeCount, zoomPercent } = useCanvasStats();
  const hostKind = useHostKind();
  const events = useTelemetry((s) => s.summary?.events ?? null);
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-counts">
        {plural(nodeCount, 'node')} · {plural(edgeCount, 'edge')}
      </span>
      {events !== null && (
        <span data-testid="status-events">{groupThousands(events)} events simulated</span>
      )}
      <span className="status-bar__spacer" />
      <span data-testid="status-host" title="Where the simulation runs">
        Engine: {hostKind === 'worker' ? 'Web Worker' : 'main thread'}
      </span>
      <span data-testid="status-zoom" aria-label="Zoom level">
        Zoom {zoomPercent}%
      </span>
    </footer>
  );
}
