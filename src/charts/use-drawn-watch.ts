import { useMemo } from 'react';
import { useApp } from '../store/index.ts';
import type { DrawnWatch } from './chart-grid-props.ts';
import { SYSTEM_SCOPE } from './chart-scope.ts';
import { MAX_PLOTTED_POINTS } from './downsample-rows.ts';
import { clipBands, faultBands } from './fault-bands.ts';
import { useWatchView } from './use-watch-series.ts';
import { plottedWatchPoints, watchSummary } from './watch-view.ts';

/**
 * The "What to watch" chart's data for the panel's time domain: the document's watch, its
 * series polled on their own (whatever node the panel is scoped to), every fault's window as
 * a band (the means cover them all). Null when the document declares no watch.
 */
export function useDrawnWatch(domain: [number, number], runEndMs: number): DrawnWatch | null {
  const watch = useApp((s) => s.scenario.meta.watch);
  const faults = useApp((s) => s.scenario.faults);
  const edges = useApp((s) => s.scenario.edges);
  const view = useWatchView(watch, runEndMs);
  return useMemo(() => {
    if (!view || view.points.length === 0) return null;
    const bands = clipBands(faultBands(faults, edges, SYSTEM_SCOPE, runEndMs), domain);
    return {
      view,
      points: plottedWatchPoints(view.points, domain, MAX_PLOTTED_POINTS),
      domain,
      bands,
      // The summary tells every fault window, not only those in view.
      summary: watchSummary(view, faultBands(faults, edges, SYSTEM_SCOPE, runEndMs)),
    };
  }, [view, faults, edges, runEndMs, domain]);
}
