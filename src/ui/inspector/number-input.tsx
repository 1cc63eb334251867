import type { KeyboardEvent, ReactNode } from 'react';
import { useNumberDraft } from '../primitives/use-number-draft.ts';
import { cleanNumber, parseNumberText } from './field-units.ts';

export interface NumberInputProps {
  id: string;
  label: string;
  /** The enclosing group's label, prefixed to the accessible name ("Service time: Mean"). */
  labelContext?: string | undefined;
  /** The label is read by screen readers only (a compact row with its own visible text). */
  labelHidden?: boolean | undefined;
  /** Shown under the input row (e.g. a "none" checkbox). */
  children?: ReactNode;
  /** Current value in display units; null shows an empty input. */
  value: number | null;
  testId: string;
  errorTestId: string;
  unit?: string | null | undefined;
  hint?: string | null | undefined;
  integer?: boolean | undefined;
  /** An empty input commits null (e.g. "until the end"); otherwise it is a parse error. */
  allowEmpty?: boolean | undefined;
  placeholder?: string | undefined;
  disabled?: boolean | undefined;
  /** A message from elsewhere (a pending list edit), shown while the input has none of its own. */
  externalError?: string | null | undefined;
  /** Client-side check in display units, before the store sees the value. */
  validate?: ((value: number) => string | null) | undefined;
  /** Applies the value; returns the message to show when it is refused. */
  onCommit: (value: number | null) => string | null;
}

/**
 * A number field that commits on Enter and on blur, not on every keystroke. A refused value
 * stays in the input with its message below until the user fixes it or presses Escape.
 * Arrow up/down step by 1 (shift: 10) without committing.
 */
export function NumberInput(props: NumberInputProps) {
  const { id, label, value, unit, hint, testId, errorTestId } = props;
  const draft = useNumberDraft({
    value,
    parse: (t) =>
      t.trim() === '' && props.allowEmpty
        ? { ok: true, value: null }
        : parseNumberText(t, props.integer === true),
    validate: props.validate,
    commit: props.onCommit,
    followValue: true,
  });
  const { text } = draft;
  const error = draft.error ?? props.externalError ?? null;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const parsed = parseNumberText(text, false);
      if (!parsed.ok) return;
      e.preventDefault();
      const step = (e.shiftKey ? 10 : 1) * (e.key === 'ArrowUp' ? 1 : -1);
      draft.replace(String(cleanNumber(parsed.value + step)));
    } else {
      draft.onKeyDown(e);
    }
  };

  const unitId = `${id}-unit`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [unit ? unitId : null, hint ? hintId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="insp-field">
      <label
        className={props.labelHidden ? 'insp-visually-hidden' : 'insp-field__label'}
        htmlFor={id}
      >
        {props.labelContext ? (
          <span className="insp-visually-hidden">{`${props.labelContext}: `}</span>
        ) : null}
        {label}
      </label>
      <div className="insp-input-row">
        <input
          id={id}
          className="insp-input"
          type="text"
          inputMode={props.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder={props.placeholder}
          disabled={props.disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          data-testid={testId}
          onChange={(e) => draft.change(e.target.value)}
          onBlur={draft.commit}
          onKeyDown={onKeyDown}
        />
        {unit ? (
          <span className="insp-unit" id={unitId}>
            {unit}
          </span>
        ) : null}
      </div>
      {hint ? (
        <div className="insp-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="insp-error" role="alert" id={errorId} data-testid={errorTestId}>
          {error}
        </div>
      ) : null}
      {props.children}
    </div>
  );
}
