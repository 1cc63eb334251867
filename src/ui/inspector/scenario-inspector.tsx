import { useId } from 'react';
import type { ScenarioMeta } from '../../scenario/index.ts';
import { useApp, useStores } from '../../store/index.ts';
import { fieldErrorText } from './field-errors.ts';
import { TextInput } from './text-input.tsx';

/** Nothing selected: the scenario's title and description, and how to edit the rest. */
export function ScenarioInspector() {
  const stores = useStores();
  const meta = useApp((s) => s.scenario.meta);
  const uid = useId();
  const save = (change: Partial<ScenarioMeta>, path: string) => {
    const scenario = stores.app.getState().scenario;
    const r = stores.app.getState().apply({ ...scenario, meta: { ...scenario.meta, ...change } });
    return r.ok ? null : (fieldErrorText(r.errors, `meta.${path}`) ?? 'refused');
  };

  return (
    <div className="insp-view" data-testid="inspector-scenario">
      <p className="insp-empty" data-testid="inspector-empty">
        <strong>Nothing selected.</strong> Select a node or an edge to edit it.
      </p>
      <section className="insp-section" aria-label="Scenario">
        <h3 className="insp-section__title">Scenario</h3>
        <TextInput
          id={`${uid}-title`}
          label="Title"
          value={meta.title}
          testId="scenario-title"
          errorTestId="scenario-title-error"
          onCommit={(title) => save({ title: title.trim() }, 'title')}
        />
        <TextInput
          id={`${uid}-description`}
          label="Description"
          value={meta.description}
          multiline
          className="insp-input insp-textarea"
          testId="scenario-description"
          errorTestId="scenario-description-error"
          onCommit={(description) => save({ description }, 'description')}
        />
      </section>
    </div>
  );
}
