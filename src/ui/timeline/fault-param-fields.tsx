import type { SimFault } from '../../engine/index.ts';
import { FaultNumberField } from './fault-number-field.tsx';

interface Props {
  fault: SimFault;
  /** Returns a problem in words, or null when the change was taken. */
  onChange(next: SimFault): string | null;
}

// Fields more than one fault type has. Called as functions, not components, so a field keeps
// its place (and its draft) in the tree exactly as if written out in each case.

function addMsField(fault: Extract<SimFault, { addMs: number }>, onChange: Props['onChange']) {
  return (
    <FaultNumberField
      label="Add"
      unit="ms"
      min={0}
      value={fault.addMs}
      testId="fault-add-ms"
      onCommit={(v) => onChange({ ...fault, addMs: v ?? 0 })}
    />
  );
}

/** Latency may only slow down (min 1); a traffic spike may also thin traffic (min 0). */
function multiplierField(
  fault: Extract<SimFault, { multiplier: number }>,
  min: number,
  onChange: Props['onChange'],
) {
  return (
    <FaultNumberField
      label="Multiplier"
      unit="×"
      min={min}
      value={fault.multiplier}
      testId="fault-multiplier"
      onCommit={(v) => onChange({ ...fault, multiplier: v ?? 1 })}
    />
  );
}

/** The fields only some fault types have: rates, added latency, multiplier, capacity. */
export function FaultParamFields({ fault, onChange }: Props) {
  switch (fault.type) {
    case 'error-rate':
      return (
        <FaultNumberField
          label="Error rate"
          unit="%"
          min={0}
          max={100}
          value={fault.rate * 100}
          testId="fault-rate"
          onCommit={(v) => onChange({ ...fault, rate: (v ?? 0) / 100 })}
        />
      );
    case 'latency':
      return (
        <>
          {addMsField(fault, onChange)}
          {multiplierField(fault, 1, onChange)}
        </>
      );
    case 'capacity':
      return (
        <>
          <FaultNumberField
            label="Factor"
            min={0}
            max={1}
            value={fault.factor}
            testId="fault-factor"
            onCommit={(v) => onChange({ ...fault, factor: v ?? 0.5 })}
          />
          <FaultNumberField
            label="Workers"
            min={0}
            allowEmpty
            placeholder="use factor"
            value={fault.workers}
            testId="fault-workers"
            onCommit={(v) =>
              v !== null && !Number.isInteger(v)
                ? 'must be a whole number'
                : onChange({ ...fault, workers: v })
            }
          />
        </>
      );
    case 'edge-latency':
      return addMsField(fault, onChange);
    case 'traffic-spike':
      return multiplierField(fault, 0, onChange);
    case 'legacy-format':
      return (
        <FaultNumberField
          label="Undocumented answers"
          unit="%"
          min={0}
          max={100}
          value={fault.rate * 100}
          testId="fault-rate"
          onCommit={(v) => onChange({ ...fault, rate: (v ?? 0) / 100 })}
        />
      );
    default:
      return null;
  }
}
