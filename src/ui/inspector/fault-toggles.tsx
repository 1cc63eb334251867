import { useId, useState } from 'react';
import type { SimFault } from '../../scenario/index.ts';
import { useApp, useStores } from '../../store/index.ts';
import { fieldErrorText } from './field-errors.ts';
import { boundsError, fromDisplay, scaleBounds, toDisplay } from './field-units.ts';
import { liveFault, liveFaultId, withParam } from './live-faults.ts';
import { NumberInput } from './number-input.tsx';
import type { ToggleSpec } from './toggle-specs.ts';

function paramOf(fault: SimFault, key: string): number | null {
  const v = (fault as unknown as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : null;
}

/**
 * Buttons that switch faults on now (at the current virtual time, until switched off) and
 * off again. On, a fault is in the document like any other, so it is undoable, saved and
 * applied live to a running simulation.
 */
export function FaultToggles({ target, specs }: { target: string; specs: readonly ToggleSpec[] }) {
  const stores = useStores();
  const faults = useApp((s) => s.scenario.faults);
  const uid = useId();
  // The value each toggle's parameter will be switched on with, by fault type (stored units).
  const [params, setParams] = useState<Readonly<Record<string, number>>>(() =>
    Object.fromEntries(specs.flatMap((s) => (s.initial === null ? [] : [[s.type, s.initial]]))),
  );
  const [error, setError] = useState<string | null>(null);

  const toggle = (spec: ToggleSpec, on: SimFault | undefined) => {
    const app = stores.app.getState();
    if (on) {
      app.removeFault(on.id);
      setError(null);
      return;
    }
    const now = stores.telemetry.getState().timeMs;
    const value = params[spec.type];
    const param = spec.param && value !== undefined ? { key: spec.param.name, value } : undefined;
    const r = app.upsertFault(liveFault(spec.type, target, now, param));
    setError(r.ok ? null : `${spec.label}: ${fieldErrorText(r.errors, '') ?? 'refused'}`);
  };

  return (
    <div className="insp-toggles">
      {specs.map((spec) => {
        const id = liveFaultId(spec.type, target);
        const on = faults.find((f) => f.id === id);
        const p = spec.param;
        const stored = p ? ((on && paramOf(on, p.name)) ?? params[spec.type] ?? null) : null;
        return (
          <div className="insp-toggle" key={spec.type}>
            <button
              type="button"
              className="insp-toggle__button"
              aria-pressed={on ? true : false}
              title={spec.title}
              data-testid={`toggle-${spec.type}`}
              onClick={() => toggle(spec, on)}
            >
              <span className="insp-toggle__state" aria-hidden="true">
                {on ? 'On' : 'Off'}
              </span>
              {spec.label}
            </button>
            {p && stored !== null ? (
              <NumberInput
                id={`${uid}-${spec.type}`}
                label={p.label}
                labelHidden
                value={toDisplay(stored, p.scale)}
                unit={p.unit ?? undefined}
                testId={`toggle-param-${spec.type}`}
                errorTestId={`toggle-param-error-${spec.type}`}
                validate={(v) => boundsError(v, scaleBounds(p, p.scale))}
                onCommit={(v) => {
                  if (v === null) return 'must be a number';
                  const value = fromDisplay(v, p.scale);
                  if (!on) {
                    setParams((prev) => ({ ...prev, [spec.type]: value }));
                    return null;
                  }
                  const r = stores.app.getState().upsertFault(withParam(on, p.name, value));
                  return r.ok ? null : (fieldErrorText(r.errors, p.name) ?? 'refused');
                }}
              />
            ) : null}
          </div>
        );
      })}
      {error ? (
        <div className="insp-error" role="alert" data-testid="toggle-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
