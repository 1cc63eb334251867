import { useId } from 'react';
import { useTelemetry } from '../../store/index.ts';
import { MetricList } from './metric-list.tsx';
import { nodeMetricRows } from './metric-rows.ts';

/** A node's live figures; re-renders only when this node's telemetry entry changes. */
export function NodeMetrics({ nodeId }: { nodeId: string }) {
  const frame = useTelemetry((s) => s.nodes[nodeId]);
  const titleId = useId();
  return (
    <section className="insp-section" aria-labelledby={titleId}>
      <h3 className="insp-section__title" id={titleId}>
        Live <span className="insp-muted insp-small">(last second)</span>
      </h3>
      {frame ? null : (
        <p className="insp-muted insp-small" data-testid="metrics-idle">
          No traffic yet. Press Play to run the simulation.
        </p>
      )}
      <MetricList rows={nodeMetricRows(frame)} label="Live metrics" />
    </section>
  );
}
