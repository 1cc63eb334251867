import { useState, type KeyboardEvent, type ReactNode } from 'react';
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
  /** Client-side check in display units, before the store sees the value. */
  validate?: ((value: number) => string | null) | undefined;
  /** Applies the value; returns the message to show when it is refused. */
  onCommit: (value: number | null) => string | null;
}

interface Draft {
  text: string;
  /** The value the draft was typed over; a different value (undo, live edit) drops it. */
  base: number | null;
  error: string | null;
  /** The text last refused, so blur after Enter does not ask the store twice. */
  refused: string | null;
}

function textOf(value: number | null): string {
  return value === null ? '' : String(value);
}

/**
 * A number field that commits on Enter and on blur, not on every keystroke. A refused value
 * stays in the input with its message below until the user fixes it or presses Escape.
 * Arrow up/down step by 1 (shift: 10) without committing.
 */
export function NumberInput(props: NumberInputProps) {
  const { id, label, value, unit, hint, testId, errorTestId } = props;
  const [draft, setDraft] = useState<Draft | null>(null);
  const active = draft !== null && Object.is(draft.base, value) ? draft : null;
  const text = active ? active.text : textOf(value);
  const error = active?.error ?? null;

  const commit = () => {
    if (!active) return;
    if (active.error !== null && active.refused === active.text) return;
    const refuse = (message: string) =>
      setDraft({ ...active, error: message, refused: active.text });
    let next: number | null;
    if (active.text.trim() === '' && props.allowEmpty) {
      next = null;
    } else {
      const parsed = parseNumberText(active.text, props.integer === true);
      if (!parsed.ok) return refuse(parsed.error);
      next = parsed.value;
    }
    if (next === value) return setDraft(null);
    const clientError = next === null ? null : (props.validate?.(next) ?? null);
    if (clientError) return refuse(clientError);
    const storeError = props.onCommit(next);
    if (storeError) refuse(storeError);
    else setDraft(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && active) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const parsed = parseNumberText(text, false);
      if (!parsed.ok) return;
      e.preventDefault();
      const step = (e.shiftKey ? 10 : 1) * (e.key === 'ArrowUp' ? 1 : -1);
      const stepped = cleanNumber(parsed.value + step);
      setDraft({ text: String(stepped), base: value, error: null, refused: null });
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
          onChange={(e) =>
            setDraft({
              text: e.target.value,
              base: value,
              error: active?.error ?? null,
              refused: active?.refused ?? null,
            })
          }
          onBlur={commit}
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
