import { useId } from 'react';
import type { SimFault } from '../../scenario/index.ts';
import { faultSummary, useApp, useStores } from '../../store/index.ts';
import { fieldErrorText } from './field-errors.ts';
import { cleanNumber } from './field-units.ts';
import { faultWindow } from './live-faults.ts';
import { NumberInput } from './number-input.tsx';

function FaultRow({ fault, uid }: { fault: SimFault; uid: string }) {
  const stores = useStores();
  const summary = faultSummary(fault);
  const save = (change: Partial<Pick<SimFault, 'startMs' | 'durationMs'>>, path: string) => {
    const r = stores.app.getState().upsertFault({ ...fault, ...change });
    return r.ok ? null : (fieldErrorText(r.errors, path) ?? 'refused');
  };
  const id = `${uid}-${fault.id}`;
  return (
    <li className="insp-fault" data-testid={`fault-${fault.id}`}>
      <div className="insp-fault__head">
        <span className="insp-fault__summary">{summary}</span>
        <span className="insp-fault__window" data-testid={`fault-window-${fault.id}`}>
          {faultWindow(fault)}
        </span>
        <button
          type="button"
          className="insp-icon-button"
          aria-label={`Delete fault: ${summary}, ${faultWindow(fault)}`}
          title="Delete this fault"
          data-testid={`fault-delete-${fault.id}`}
          onClick={() => stores.app.getState().removeFault(fault.id)}
        >
          ×
        </button>
      </div>
      <div className="insp-fault__times">
        <NumberInput
          id={`${id}-start`}
          label="Start"
          labelContext={summary}
          value={cleanNumber(fault.startMs / 1000)}
          unit="s"
          testId={`fault-start-${fault.id}`}
          errorTestId={`fault-start-error-${fault.id}`}
          validate={(s) => (s < 0 ? `must be a number ≥ 0 (got ${s})` : null)}
          onCommit={(s) => save({ startMs: Math.round((s ?? 0) * 1000) }, 'startMs')}
        />
        <NumberInput
          id={`${id}-duration`}
          label="Duration"
          labelContext={summary}
          value={fault.durationMs === null ? null : cleanNumber(fault.durationMs / 1000)}
          unit="s"
          allowEmpty
          placeholder="until end"
          testId={`fault-duration-${fault.id}`}
          errorTestId={`fault-duration-error-${fault.id}`}
          validate={(s) => (s <= 0 ? `must be a number > 0 (got ${s})` : null)}
          onCommit={(s) =>
            save({ durationMs: s === null ? null : Math.round(s * 1000) }, 'durationMs')
          }
        />
      </div>
    </li>
  );
}

/** Every fault of the scenario aimed at `target` (scheduled and live), editable in place. */
export function FaultList({ target }: { target: string }) {
  const all = useApp((s) => s.scenario.faults);
  const uid = useId();
  const faults = all.filter((f) => f.target === target);
  if (faults.length === 0) {
    return (
      <p className="insp-muted" data-testid="fault-list-empty">
        No faults scheduled.
      </p>
    );
  }
  return (
    <ul className="insp-fault-list" data-testid="fault-list">
      {[...faults]
        .sort((a, b) => a.startMs - b.startMs)
        .map((f) => (
          <FaultRow key={f.id} fault={f} uid={uid} />
        ))}
    </ul>
  );
}
