import { useId, type ReactNode } from 'react';
import { frameDiagnosis, kindInfo, useApp, useTelemetry } from '../../store/index.ts';
import { MetricList } from './metric-list.tsx';
import { edgeMetricRows, nodeMetricRows, type MetricRow } from './metric-rows.ts';

interface LiveSectionProps {
  rows: readonly MetricRow[];
  /** The list's accessible name. */
  label: string;
  /** Shown between the title and the list (e.g. "no traffic yet"). */
  children?: ReactNode;
}

/** The "Live (last second)" section that nodes and edges share. */
function LiveSection({ rows, label, children }: LiveSectionProps) {
  const titleId = useId();
  return (
    <section className="insp-section" aria-labelledby={titleId}>
      <h3 className="insp-section__title" id={titleId}>
        Live <span className="insp-muted insp-small">(last second)</span>
      </h3>
      {children}
      <MetricList rows={rows} label={label} />
    </section>
  );
}

/** A node's live figures; re-renders only when this node's telemetry entry changes. */
export function NodeMetrics({ nodeId }: { nodeId: string }) {
  const frame = useTelemetry((s) => s.nodes[nodeId]);
  const node = useApp((s) => s.scenario.nodes.find((n) => n.id === nodeId));
  const info = node && kindInfo(node.kind);
  const declared = info?.metrics ?? [];
  // Waits that nothing will end, in the words the banner and the CLI use (some or all workers).
  const stuck = frameDiagnosis(frame, info?.isSource ? 'source' : 'node');
  return (
    <LiveSection rows={nodeMetricRows(frame, declared)} label="Live metrics">
      {stuck && (
        <p className="insp-diagnosis" data-testid="node-diagnosis">
          {node?.label ?? nodeId}: {stuck.text}
        </p>
      )}
      {frame ? null : (
        <p className="insp-muted insp-small" data-testid="metrics-idle">
          No traffic yet. Press Play to run the simulation.
        </p>
      )}
    </LiveSection>
  );
}

/** An edge's live traffic; re-renders only when this edge's telemetry entry changes. */
export function EdgeMetrics({ edgeId }: { edgeId: string }) {
  const frame = useTelemetry((s) => s.edges[edgeId]);
  return <LiveSection rows={edgeMetricRows(frame)} label="Live edge metrics" />;
}
