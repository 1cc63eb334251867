import { useId, useState } from 'react';

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

/** A number input that commits on blur or Enter and explains a refused value in place. */
export function NumberSetting({ label, value, onCommit, testId, unit, min, max, integer }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    const n = Number(draft);
    let problem: string | null = null;
    if (draft.trim() === '' || !Number.isFinite(n)) problem = 'must be a number';
    else if (integer && !Number.isInteger(n)) problem = 'must be a whole number';
    else if (min !== undefined && n < min) problem = `must be ≥ ${min}`;
    else if (max !== undefined && n > max) problem = `must be ≤ ${max}`;
    if (!problem) {
      const r = onCommit(n);
      if (r && !r.ok) problem = r.errors?.[0] ?? 'was refused';
    }
    setError(problem);
    if (!problem) setDraft(null);
  };

  return (
    <span className="number-setting">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={draft ?? String(value)}
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
      {unit && <span className="number-setting__unit">{unit}</span>}
      {error && (
        <span
          id={`${id}-error`}
          className="number-setting__error"
          role="alert"
          data-testid={`${testId}-error`}
        >
          {label} {error}
        </span>
      )}
    </span>
  );
}
