import type { SimEdge } from '../../scenario/index.ts';
import { edgeConfigJsonSchema, useApp, useStores } from '../../store/index.ts';
import { FaultsSection } from './faults-section.tsx';
import { EdgeMetrics } from './live-metrics.tsx';
import { SchemaForm } from './schema-form.tsx';
import { EDGE_TOGGLES } from './toggle-specs.ts';

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

      <FaultsSection target={edge.id} specs={EDGE_TOGGLES} noun="edge" />
    </div>
  );
}
