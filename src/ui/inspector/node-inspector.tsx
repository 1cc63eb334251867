import { useId } from 'react';
import type { SimNode } from '../../scenario/index.ts';
import { configJsonSchema, kindInfo, useStores } from '../../store/index.ts';
import { fieldErrorText } from './field-errors.ts';
import { FaultsSection } from './faults-section.tsx';
import { NodeMetrics } from './live-metrics.tsx';
import { SchemaForm } from './schema-form.tsx';
import { TextInput } from './text-input.tsx';
import { nodeToggles, SOURCE_TOGGLES } from './toggle-specs.ts';

function schemaOf(kind: string): unknown {
  try {
    return configJsonSchema(kind);
  } catch {
    return null;
  }
}

/** One node: its name, kind, generated config form, live figures and faults. */
export function NodeInspector({ node }: { node: SimNode }) {
  const stores = useStores();
  const uid = useId();
  const info = kindInfo(node.kind);
  const schema = schemaOf(node.kind);
  const app = () => stores.app.getState();

  return (
    <div className="insp-view" data-testid="inspector-node">
      <header className="insp-header">
        <TextInput
          id={`${uid}-label`}
          label="Name"
          value={node.label ?? node.id}
          className="insp-input insp-input--title"
          testId="inspector-label"
          errorTestId="inspector-label-error"
          onCommit={(text) => {
            const r = app().renameNode(node.id, text.trim());
            return r.ok ? null : (fieldErrorText(r.errors, 'label') ?? 'refused');
          }}
        />
        <p className="insp-kind" data-testid="inspector-kind">
          {info?.label ?? node.kind}
          <span className="insp-muted"> · {node.id}</span>
        </p>
        {info ? <p className="insp-description">{info.description}</p> : null}
      </header>

      <section className="insp-section" aria-label="Configuration">
        <h3 className="insp-section__title">Configuration</h3>
        {schema ? (
          <SchemaForm
            schema={schema}
            value={node.config}
            label={`${node.label ?? node.id} configuration`}
            onChange={(name, value) => app().updateNodeConfig(node.id, { [name]: value })}
          />
        ) : (
          <p className="insp-muted">Unknown kind “{node.kind}”: nothing to configure.</p>
        )}
      </section>

      <NodeMetrics nodeId={node.id} />
      <FaultsSection
        target={node.id}
        specs={info?.isSource ? SOURCE_TOGGLES : nodeToggles(info?.kindFaults ?? [])}
        noun={info?.isSource ? 'client' : 'node'}
      />
    </div>
  );
}
