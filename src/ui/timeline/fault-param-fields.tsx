import type { SimFault } from '../../scenario/index.ts';
import { faultInfo } from '../../store/index.ts';
import { SchemaForm } from '../inspector/schema-form.tsx';

interface Props {
  fault: SimFault;
  /** Returns a problem in words, or null when the change was taken. */
  onChange(next: SimFault): string | null;
}

/**
 * The fields of the fault's own type (rates, added latency, multipliers, capacity), generated
 * from the type's parameter schema by the inspector's form: titles, units, bounds and "none"
 * choices come from the fault type's definition.
 */
export function FaultParamFields({ fault, onChange }: Props) {
  const info = faultInfo(fault.type);
  const props = info?.paramsSchema['properties'];
  if (!info || typeof props !== 'object' || props === null || Object.keys(props).length === 0) {
    return null;
  }
  return (
    <div className="fault-editor__params">
      <SchemaForm
        schema={info.paramsSchema}
        value={fault}
        label={`${info.label} parameters`}
        onChange={(name, value) => {
          const problem = onChange({ ...fault, [name]: value });
          return problem === null ? { ok: true } : { ok: false, errors: [problem] };
        }}
      />
    </div>
  );
}
