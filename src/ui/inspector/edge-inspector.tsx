import { useId } from 'react';
import type { SimEdge } from '../../engine/index.ts';
import { edgeConfigJsonSchema, useApp, useStores, useTelemetry } from '../../store/index.ts';
import { FaultList } from './fault-list.tsx';
import { FaultToggles } from './fault-toggles.tsx';
import { MetricList } from './metric-list.tsx';
import { edgeMetricRows } from './metric-rows.ts';
import { SchemaForm } from './schema-form.tsx';
import { EDGE_TOGGLES } from './toggle-specs.ts';

function EdgeMetrics({ edgeId }: { edgeId: string }) {
  const frame = useTelemetry((s) => s.edges[edgeId]);
  const titleId = useId();
  return (
    <section className="insp-section" aria-labelledby={titleId}>
      <h3 className="insp-section__title" id={titleId}>
        Live <span className="insp-muted insp-small">(last second)</span>
      </h3>
      <MetricList rows={edgeMetricRows(frame)} label="Live edge metrics" />
    </section>
  );
}

/** One edge: who calls whom, the call's config, live traffic and network faults. */
export function EdgeInspector({ edge }: { edge: SimEdge }) {
  const stores = useStores();
  // Subscribed so that renaming either end shows at once.
  const from = useApp(
    (s) => s.scenario.nodes.find((n) => n.id === edge.source)?.label ?? edge.source,
  );
  const to = useApp(
    (s) => s.scenario.nodes.find((n) => n.id === edge.target)?.label ?? edge.target,
  );
  const faultsTitle = useId();

  return (
    <div className="insp-view" data-testid="inspector-edge">
      <header className="insp-header">
        <h3 className="insp-edge-title" data-testid="inspector-edge-title">
          Calls from <strong>{from}</strong> to <strong>{to}</strong>
        </h3>
        <p className="insp-description">
          Network latency applies to the call and again to its response.
        </p>
      </header>

      <section className="insp-section" aria-label="Call configuration">
        <h3 className="insp-section__title">Configuration</h3>
        <SchemaForm
          schema={edgeConfigJsonSchema()}
          value={edge.config as unknown as Record<string, unknown>}
          label={`Calls from ${from} to ${to}`}
          onChange={(name, value) =>
            stores.app.getState().updateEdgeConfig(edge.id, { [name]: value })
          }
        />
      </section>

      <EdgeMetrics edgeId={edge.id} />

      <section className="insp-section" aria-labelledby={faultsTitle}>
        <h3 className="insp-section__title" id={faultsTitle}>
          Faults
        </h3>
        <p className="insp-muted insp-small">
          Toggles take effect now, at the current simulated time.
        </p>
        <FaultToggles target={edge.id} specs={EDGE_TOGGLES} />
        <h4 className="insp-subtitle">All faults on this edge</h4>
        <FaultList target={edge.id} />
      </section>
    </div>
  );
}
