import { useId, useState } from 'react';

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

/** A compact number input that commits on blur or Enter and explains a refusal in place. */
export function FaultNumberField({
  label,
  value,
  onCommit,
  testId,
  unit,
  min,
  max,
  ...opts
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    const text = draft.trim();
    const n = Number(text);
    let problem: string | null;
    if (text === '') problem = opts.allowEmpty ? onCommit(null) : 'must be a number';
    else if (!Number.isFinite(n)) problem = 'must be a number';
    else if (min !== undefined && n < min) problem = `must be ≥ ${min}`;
    else if (max !== undefined && n > max) problem = `must be ≤ ${max}`;
    else problem = onCommit(n);
    setError(problem);
    if (!problem) setDraft(null);
  };

  return (
    <span className="fault-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={draft ?? display(value)}
        placeholder={opts.placeholder}
        disabled={opts.disabled}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(null);
            setError(null);
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
      />
      {unit && <span className="fault-field__unit">{unit}</span>}
      {error && (
        <span id={`${id}-error`} className="fault-field__error" role="alert">
          {label} {error}
        </span>
      )}
    </span>
  );
}
