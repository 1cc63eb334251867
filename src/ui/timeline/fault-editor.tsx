import { useId, useState } from 'react';
import type { SimFault } from '../../scenario/index.ts';
import { FaultNumberField } from './fault-number-field.tsx';
import { FaultParamFields } from './fault-param-fields.tsx';
import {
  DEFAULT_FAULT_MS,
  FAULT_TYPES,
  faultTypeSpec,
  retypeFault,
  targetOptions,
  type FaultGraph,
} from './fault-spec.ts';
import { MIN_FAULT_MS, snapMs } from './timeline-geometry.ts';

interface Props {
  fault: SimFault;
  /** `add`: a draft not yet in the scenario; `edit`: every change is committed at once. */
  mode: 'add' | 'edit';
  graph: FaultGraph;
  runMs: number;
  /** Returns a problem in words, or null when the change was taken. */
  onChange(next: SimFault): string | null;
  onAdd(): string | null;
  onDelete(): void;
  onClose(): void;
}

/** A closed window for a fault that lasted until the end: 20 s, or up to the run's end. */
function closedDurationMs(startMs: number, runMs: number): number {
  return Math.max(MIN_FAULT_MS, snapMs(Math.min(DEFAULT_FAULT_MS, runMs - startMs)));
}

/** The editor row under the strip: window, type, target and the type's own fields. */
export function FaultEditor({ fault, mode, graph, runMs, onChange, ...actions }: Props) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const targets = targetOptions(graph, fault.type);
  // Number fields show their own refusal; selects and the checkbox report theirs below.
  const pick = (next: SimFault | null) =>
    setProblem(next ? onChange(next) : 'no valid target for that fault type in this scenario');

  return (
    <div
      className="fault-editor"
      data-testid="fault-editor"
      role="group"
      aria-label={mode === 'add' ? 'New fault' : `Fault ${fault.id}`}
    >
      <span className="fault-editor__title">{mode === 'add' ? 'New fault' : fault.id}</span>
      <span className="fault-field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select
          id={`${id}-type`}
          value={fault.type}
          data-testid="fault-type"
          onChange={(e) => pick(retypeFault(fault, e.target.value, graph))}
        >
          {FAULT_TYPES.map((t) => (
            <option key={t} value={t}>
              {faultTypeSpec(t).label}
            </option>
          ))}
        </select>
      </span>
      <span className="fault-field">
        <label htmlFor={`${id}-target`}>Target</label>
        <select
          id={`${id}-target`}
          value={fault.target}
          data-testid="fault-target"
          onChange={(e) => pick({ ...fault, target: e.target.value })}
        >
          {!targets.some((t) => t.id === fault.target) && (
            <option value={fault.target}>{fault.target} (invalid)</option>
          )}
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </span>
      <FaultNumberField
        label="Start"
        unit="s"
        min={0}
        max={runMs / 1000}
        value={fault.startMs / 1000}
        testId="fault-start"
        onCommit={(v) => onChange({ ...fault, startMs: snapMs((v ?? 0) * 1000) })}
      />
      <FaultNumberField
        label="Duration"
        unit="s"
        min={MIN_FAULT_MS / 1000}
        value={fault.durationMs === null ? null : fault.durationMs / 1000}
        placeholder="until end"
        disabled={fault.durationMs === null}
        testId="fault-duration"
        onCommit={(v) =>
          onChange({ ...fault, durationMs: Math.max(MIN_FAULT_MS, snapMs((v ?? 0) * 1000)) })
        }
      />
      <label className="fault-field fault-field--check">
        <input
          type="checkbox"
          checked={fault.durationMs === null}
          data-testid="fault-until-end"
          onChange={(e) =>
            pick({
              ...fault,
              durationMs: e.target.checked ? null : closedDurationMs(fault.startMs, runMs),
            })
          }
        />
        until end
      </label>
      {/* Keyed by type: a refused draft of one type must not reappear in another type's field. */}
      <FaultParamFields key={fault.type} fault={fault} onChange={onChange} />
      <span className="fault-editor__actions">
        {mode === 'add' ? (
          <button
            type="button"
            className="fault-editor__primary"
            data-testid="fault-add-confirm"
            onClick={() => setProblem(actions.onAdd())}
          >
            Add
          </button>
        ) : (
          <button
            type="button"
            className="fault-editor__danger"
            data-testid="fault-delete"
            onClick={actions.onDelete}
          >
            Delete
          </button>
        )}
        <button type="button" data-testid="fault-editor-close" onClick={actions.onClose}>
          {mode === 'add' ? 'Cancel' : 'Close'}
        </button>
      </span>
      {problem && (
        <span className="fault-editor__problem" role="alert" data-testid="fault-editor-problem">
          {problem}
        </span>
      )}
    </div>
  );
}
