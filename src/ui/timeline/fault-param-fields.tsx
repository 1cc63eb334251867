import type { SimFault } from '../../engine/index.ts';
import { FaultNumberField } from './fault-number-field.tsx';

interface Props {
  fault: SimFault;
  /** Returns a problem in words, or null when the change was taken. */
  onChange(next: SimFault): string | null;
}

/** The fields only some fault types have: rate, added latency, multiplier, capacity. */
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
          <FaultNumberField
            label="Add"
            unit="ms"
            min={0}
            value={fault.addMs}
            testId="fault-add-ms"
            onCommit={(v) => onChange({ ...fault, addMs: v ?? 0 })}
          />
          <FaultNumberField
            label="Multiplier"
            unit="×"
            min={1}
            value={fault.multiplier}
            testId="fault-multiplier"
            onCommit={(v) => onChange({ ...fault, multiplier: v ?? 1 })}
          />
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
    case 'traffic-spike':
      return (
        <FaultNumberField
          label="Multiplier"
          unit="×"
          min={0}
          value={fault.multiplier}
          testId="fault-multiplier"
          onCommit={(v) => onChange({ ...fault, multiplier: v ?? 1 })}
        />
      );
    default:
      return null;
  }
}
