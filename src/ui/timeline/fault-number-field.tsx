import { parseNumberDraft } from '../primitives/number-draft.ts';
import { InlineNumberField } from '../primitives/inline-number-field.tsx';

interface Props {
  label: string;
  /** `null` shows an empty field (with the placeholder). */
  value: number | null;
  /** Returns a problem in words, or null when the value was taken. */
  onCommit(value: number | null): string | null;
  testId: string;
  unit?: string;
  min?: number;
  max?: number;
  /** An empty field commits `null` instead of being refused. */
  allowEmpty?: boolean;
  placeholder?: string;
  disabled?: boolean;
}

function display(value: number | null): string {
  return value === null ? '' : String(Math.round(value * 1000) / 1000);
}

/** A fault editor number (rounded to 3 decimals) that commits on blur or Enter. */
export function FaultNumberField({ onCommit, min, max, allowEmpty, ...field }: Props) {
  return (
    <InlineNumberField
      {...field}
      block="fault-field"
      format={display}
      parse={(t) => parseNumberDraft(t, { min, max, allowEmpty })}
      commit={onCommit}
    />
  );
}
