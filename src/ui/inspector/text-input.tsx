import { useState, type ReactNode } from 'react';

export interface TextInputProps {
  id: string;
  label: ReactNode;
  value: string;
  testId: string;
  errorTestId: string;
  /** A textarea; commits on blur and Ctrl/Cmd+Enter. */
  multiline?: boolean | undefined;
  /** A one-line value that wraps as it grows (a comma list): Enter still commits. */
  wrap?: boolean | undefined;
  /** Shown under the input and read with it. */
  hint?: string | undefined;
  /** A message from elsewhere (a pending list edit), shown while the input has none of its own. */
  externalError?: string | null | undefined;
  placeholder?: string | undefined;
  className?: string | undefined;
  /** Applies the text; returns the message to show when it is refused. */
  onCommit: (text: string) => string | null;
}

/**
 * A text field that commits on blur and Enter. A refused text stays with its message below;
 * Escape goes back to the stored text.
 */
export function TextInput(props: TextInputProps) {
  const { id, value, testId } = props;
  const [draft, setDraft] = useState<{ base: string; text: string; error: string | null } | null>(
    null,
  );
  const active = draft !== null && draft.base === value ? draft : null;
  const error = active?.error ?? props.externalError ?? null;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.hint ? hintId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');

  const save = () => {
    if (!active) return;
    if (active.text === value) return setDraft(null);
    const message = props.onCommit(active.text);
    setDraft(message ? { ...active, error: message } : null);
  };
  const common = {
    id,
    className: props.className ?? 'insp-input',
    value: active ? active.text : value,
    placeholder: props.placeholder,
    'data-testid': testId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    onBlur: save,
  };
  const change = (text: string) => setDraft({ base: value, text, error: active?.error ?? null });
  const key = (e: { key: string; ctrlKey: boolean; metaKey: boolean; preventDefault(): void }) => {
    if (e.key === 'Enter' && (props.wrap || !props.multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape' && active) {
      e.preventDefault();
      setDraft(null);
    }
  };

  return (
    <div className="insp-field">
      <label className="insp-field__label" htmlFor={id}>
        {props.label}
      </label>
      {props.multiline || props.wrap ? (
        <textarea
          {...common}
          rows={props.wrap ? 1 : 4}
          onChange={(e) => change(e.target.value)}
          onKeyDown={key}
        />
      ) : (
        <input
          {...common}
          type="text"
          autoComplete="off"
          onChange={(e) => change(e.target.value)}
          onKeyDown={key}
        />
      )}
      {props.hint ? (
        <div className="insp-hint" id={hintId}>
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <div className="insp-error" role="alert" id={errorId} data-testid={props.errorTestId}>
          {error}
        </div>
      ) : null}
    </div>
  );
}
