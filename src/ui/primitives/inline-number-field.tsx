import { useId } from 'react';
import { useNumberDraft, type NumberDraftOptions } from './use-number-draft.ts';

interface Props extends NumberDraftOptions {
  /** The wrapper's class; `<block>__unit` and `<block>__error` style the parts. */
  block: string;
  label: string;
  testId: string;
  /** Test id of the refusal message, when it has one. */
  errorTestId?: string | undefined;
  unit?: string | undefined;
  placeholder?: string | undefined;
  disabled?: boolean | undefined;
}

/**
 * A compact labelled number input on one line (toolbar, fault editor): commits on blur or
 * Enter, and explains a refusal after it as "<label> <message>".
 */
export function InlineNumberField({ block, label, testId, errorTestId, unit, ...rest }: Props) {
  const id = useId();
  const { text, error, change, commit, onKeyDown } = useNumberDraft(rest);
  return (
    <span className={block}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={rest.placeholder}
        disabled={rest.disabled}
        onChange={(e) => change(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
      />
      {unit && <span className={`${block}__unit`}>{unit}</span>}
      {error && (
        <span
          id={`${id}-error`}
          className={`${block}__error`}
          role="alert"
          data-testid={errorTestId}
        >
          {label} {error}
        </span>
      )}
    </span>
  );
}
