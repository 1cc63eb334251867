import { parseNumberDraft } from './primitives/number-draft.ts';
import { InlineNumberField } from './primitives/inline-number-field.tsx';

interface Props {
  label: string;
  value: number;
  onCommit(value: number): { ok: boolean; errors?: string[] } | undefined;
  testId: string;
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
}

/** A run setting (seed, duration) that commits on blur or Enter and explains a refusal in place. */
export function NumberSetting({ onCommit, min, max, integer, ...field }: Props) {
  return (
    <InlineNumberField
      {...field}
      block="number-setting"
      errorTestId={`${field.testId}-error`}
      parse={(t) => parseNumberDraft(t, { integer, min, max })}
      commit={(n) => {
        // Never null: an empty field is refused by the parse.
        const r = n === null ? undefined : onCommit(n);
        return r && !r.ok ? (r.errors?.[0] ?? 'was refused') : null;
      }}
    />
  );
}
