import { useId } from 'react';
import type { SimGroup } from '../../scenario/index.ts';
import { nodesInGroup, useApp, useStores } from '../../store/index.ts';
import { fieldErrorText } from './field-errors.ts';
import { TextInput } from './text-input.tsx';

/** A bounded context: its name, what it holds, and how to remove it. */
export function GroupInspector({ group }: { group: SimGroup }) {
  const { app } = useStores();
  const uid = useId();
  const members = useApp((s) => nodesInGroup(s.scenario, group.id).join(', '));
  return (
    <div className="insp-view" data-testid="inspector-group">
      <section className="insp-section" aria-label="Bounded context">
        <h3 className="insp-section__title">Bounded context</h3>
        <TextInput
          id={`${uid}-label`}
          label="Name"
          value={group.label}
          testId="group-label"
          errorTestId="group-label-error"
          onCommit={(label) => {
            const r = app.getState().updateGroup(group.id, { label: label.trim() });
            return r.ok ? null : (fieldErrorText(r.errors, 'label') ?? r.errors[0] ?? 'refused');
          }}
        />
        <p className="insp-hint" data-testid="group-members">
          {members ? `Holds: ${members}.` : 'No component inside yet: drag components into it.'}{' '}
          Dragging the context moves the components inside it; its corners resize it when selected.
        </p>
        <button
          type="button"
          className="btn"
          onClick={() => app.getState().removeElements([group.id], [])}
          data-testid="group-delete"
        >
          Delete context (keeps its components)
        </button>
      </section>
    </div>
  );
}
