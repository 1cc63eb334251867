import { startTransition, useEffect, useMemo, useState } from 'react';
import type { ScenarioWatch } from '../scenario/index.ts';
import { kindInfo, useApp, useStores, type SeriesView } from '../store/index.ts';
import type { ChartScope } from './chart-scope.ts';
import { pollOnFrames } from './frame-poller.ts';
import { buildWatchView, resolveWatchFigure, type WatchView } from './watch-view.ts';

interface WatchSeries {
  /** The watched nodes the answer is for (an answer for another watch is ignored). */
  key: string;
  /**
   * The document load it was asked under: after another document opens, the chart shows
   * nothing until that run answers, never the previous run's numbers under the new title.
   */
  loadSeq: number;
  /** The watched nodes' series, in the watch's order. */
  views: SeriesView[];
  clients: SeriesView | null;
}

/**
 * Polls the watched nodes' whole-run series (and the system's, when the figure reads the
 * clients' requests) like `useSeries` does for the panel's scope — ~4 Hz at most, nothing
 * while running to end, one forced fetch when the run settles — and turns them into the
 * "What to watch" chart's view. Null without a watch, or before the first answer.
 */
export function useWatchView(watch: ScenarioWatch | undefined, runEndMs: number): WatchView | null {
  const { app, telemetry, run } = useStores();
  const loadSeq = useApp((s) => s.loadSeq);
  const nodes = useApp((s) => s.scenario.nodes);
  const faults = useApp((s) => s.scenario.faults);
  const [series, setSeries] = useState<WatchSeries | null>(null);

  const figure = useMemo(
    () =>
      watch &&
      resolveWatchFigure(watch, (id) => {
        const kind = nodes.find((n) => n.id === id)?.kind;
        return kind === undefined ? undefined : kindInfo(kind)?.metrics;
      }),
    [watch, nodes],
  );
  const key = watch ? watch.nodes.join('\n') : '';
  const needsClients = figure?.needsClients === true;

  useEffect(() => {
    if (key === '') return undefined;
    const scopes: ChartScope[] = key.split('\n').map((nodeId) => ({ type: 'node', nodeId }));
    // Opening a document with a watch while the run is settled: the first ask fetches what
    // there is now.
    return pollOnFrames(telemetry, {
      fetch: async () => {
        // Asked a microtask after the frame that prompted it, once the load that may have
        // caused it has been sent (the run controller loads before clearing the telemetry).
        await Promise.resolve();
        const asked = app.getState().loadSeq;
        return Promise.all([
          ...scopes.map((scope) => run.series(scope, 'whole')),
          ...(needsClients ? [run.series({ type: 'system' }, 'whole')] : []),
        ]).then((answers) => ({ asked, answers }));
      },
      deliver: ({ asked, answers }) => {
        const views = answers.slice(0, scopes.length).map((a) => a.view);
        const clients = needsClients ? (answers[scopes.length]?.view ?? null) : null;
        startTransition(() => setSeries({ key, loadSeq: asked, views, clients }));
      },
    });
  }, [app, telemetry, run, key, needsClients]);

  return useMemo(() => {
    if (!watch || !figure || !series || series.key !== key || series.loadSeq !== loadSeq) {
      return null;
    }
    const labels = watch.nodes.map((id) => {
      const node = nodes.find((n) => n.id === id);
      return node?.label || id;
    });
    return buildWatchView({
      watch,
      figure,
      labels,
      views: series.views,
      clients: series.clients,
      faults,
      runEndMs,
    });
  }, [watch, figure, series, key, loadSeq, nodes, faults, runEndMs]);
}
