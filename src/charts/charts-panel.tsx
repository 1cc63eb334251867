import { Suspense, useMemo, useState } from 'react';
import { kindInfo, useApp, useTelemetry } from '../store/index.ts';
import { CHART_FIGURES, CHART_NAMES, WATCH_FIGURE } from './chart-figures.ts';
import { PendingChart } from './chart-frame.tsx';
import type { ChartGridComponent, DrawnChart } from './chart-grid-props.ts';
import { SYSTEM_SCOPE, scopeNodeId, type ChartRange, type ChartScope } from './chart-scope.ts';
import { downsampleRows, MAX_PLOTTED_POINTS } from './downsample-rows.ts';
import { clipBands, faultBands } from './fault-bands.ts';
import { formatSeconds } from './format.ts';
import { NodeStateStrip, StateStrip } from './state-strip.tsx';
import { useSeries } from './use-series.ts';
import { useDrawnWatch } from './use-drawn-watch.ts';
import { useStaggered } from './use-staggered.ts';
import { xDomain } from './x-domain.ts';
import './charts.css';

const RANGES: readonly { range: ChartRange; label: string }[] = [
  { range: 'recent', label: 'Last 5 min' },
  { range: 'whole', label: 'Whole run' },
];

/** Scope header: the first selected node's label, else "System". */
function useScope(): { scope: ChartScope; label: string } {
  const nodeId = useApp((s) => scopeNodeId(s.selectedNodes, s.scenario.nodes));
  const nodeLabel = useApp((s) => {
    const node = nodeId === null ? undefined : s.scenario.nodes.find((n) => n.id === nodeId);
    return node ? node.label || node.id : null;
  });
  const scope = useMemo<ChartScope>(
    () => (nodeId === null ? SYSTEM_SCOPE : { type: 'node', nodeId }),
    [nodeId],
  );
  return { scope, label: nodeLabel ?? 'System' };
}

/** System scope shows at most this many stateful nodes' strips (each polls its own series). */
const MAX_SYSTEM_STRIPS = 4;

interface StatefulNode {
  id: string;
  label: string;
  states: NonNullable<ReturnType<typeof kindInfo>>['states'];
}

function useStatefulNodes(): StatefulNode[] {
  const nodes = useApp((s) => s.scenario.nodes);
  return useMemo(
    () =>
      nodes.flatMap((n) => {
        const states = kindInfo(n.kind)?.states ?? [];
        return states.length > 0 ? [{ id: n.id, label: n.label || n.id, states }] : [];
      }),
    [nodes],
  );
}

/** The grid's place while its code loads: the same figures with empty plots. */
function PendingGrid({ watch }: { watch: boolean }) {
  return (
    <>
      {watch && <PendingChart {...WATCH_FIGURE} summary="Loading the chart." />}
      <div className="charts-panel__grid" aria-busy="true" data-testid="charts-loading">
        {CHART_NAMES.map((name) => (
          <PendingChart key={name} {...CHART_FIGURES[name]} summary="Loading the chart." />
        ))}
      </div>
    </>
  );
}

interface ChartsPanelProps {
  /**
   * The four charts. The app passes the grid that `loadChartGrid` loads on demand, so
   * Recharts stays out of the first screen's code; while it loads, the figures keep their
   * place, and a failed load throws to the caller's error boundary.
   */
  Grid: ChartGridComponent;
}

/**
 * Live charts for the system or the selected node: throughput by outcome, latency
 * percentiles, error rate, queue and in flight, with fault windows as bands. Fills its
 * container's width; each chart is ~140 px tall.
 */
export function ChartsPanel({ Grid }: ChartsPanelProps) {
  const [range, setRange] = useState<ChartRange>('recent');
  const { scope, label } = useScope();
  const { rows, causes, resolutionMs } = useSeries(scope, range);
  // The charts draw at most ~150 points; the state strip keeps every window.
  const plotted = useMemo(() => downsampleRows(rows), [rows]);
  const pointMs = resolutionMs * Math.max(1, Math.ceil(rows.length / MAX_PLOTTED_POINTS));
  const faults = useApp((s) => s.scenario.faults);
  const edges = useApp((s) => s.scenario.edges);
  const scenarioDurationMs = useApp((s) => s.scenario.durationMs);
  const liveDurationMs = useTelemetry((s) => s.durationMs);
  const runEndMs = liveDurationMs > 0 ? liveDurationMs : scenarioDurationMs;

  const [d0, d1] = xDomain(rows, range, runEndMs);
  // Rebuilt from the numbers, so an unchanged domain keeps its identity across polls.
  const domain = useMemo<[number, number]>(() => [d0, d1], [d0, d1]);
  const allBands = useMemo(
    () => faultBands(faults, edges, scope, runEndMs),
    [faults, edges, scope, runEndMs],
  );
  const bands = useMemo(() => clipBands(allBands, domain), [allBands, domain]);
  const drawn = useMemo<DrawnChart>(
    () => ({ rows: plotted, causes, domain, bands }),
    [plotted, causes, domain, bands],
  );
  const watch = useDrawnWatch(domain, runEndMs);
  // The five charts take their new data one at a time (each redraw is a task of its own).
  const latest = useMemo(() => [watch, drawn, drawn, drawn, drawn] as const, [watch, drawn]);
  const [shownWatch, throughput, latency, errorRate, queue] = useStaggered(latest);
  const stateful = useStatefulNodes();
  const scopedStateful =
    scope.type === 'node' ? stateful.find((n) => n.id === scope.nodeId) : undefined;

  return (
    <section className="charts-panel" data-testid="charts-panel" aria-label="Live charts">
      <header className="charts-panel__header">
        <h2 className="charts-panel__scope" data-testid="charts-scope">
          {label}
        </h2>
        {range === 'whole' && pointMs > 1000 && (
          <span className="charts-panel__note">1 point = {formatSeconds(pointMs / 1000)}</span>
        )}
        <div className="charts-panel__ranges" role="group" aria-label="Time range">
          {RANGES.map((r) => (
            <button
              key={r.range}
              type="button"
              className="charts-panel__range"
              aria-pressed={range === r.range}
              data-testid={`range-${r.range}`}
              onClick={() => setRange(r.range)}
            >
              {r.label}
            </button>
          ))}
        </div>
      </header>
      {rows.length === 0 ? (
        <p className="charts-panel__empty" data-testid="charts-empty">
          Press Play to see live charts
        </p>
      ) : (
        <>
          {scope.type === 'node' && scopedStateful && (
            <div className="state-strips" data-testid="state-strips">
              <StateStrip
                nodeId={scopedStateful.id}
                label={scopedStateful.label}
                states={scopedStateful.states}
                rows={rows}
                resolutionMs={resolutionMs}
                domain={domain}
              />
            </div>
          )}
          {scope.type === 'system' && stateful.length > 0 && (
            <div className="state-strips" data-testid="state-strips">
              {stateful.slice(0, MAX_SYSTEM_STRIPS).map((n) => (
                <NodeStateStrip
                  key={n.id}
                  nodeId={n.id}
                  label={n.label}
                  states={n.states}
                  range={range}
                  domain={domain}
                />
              ))}
            </div>
          )}
          <Suspense fallback={<PendingGrid watch={watch !== null} />}>
            <Grid
              watch={shownWatch}
              watchExpected={watch !== null}
              throughput={throughput}
              latency={latency}
              errorRate={errorRate}
              queue={queue}
            />
          </Suspense>
        </>
      )}
    </section>
  );
}
