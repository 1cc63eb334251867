import { useState } from 'react';
import type { EditResult } from '../../store/index.ts';
import { fieldErrorText } from './field-errors.ts';

/**
 * The message of the last refused edit of a select or checkbox, kept while the field's value
 * is still the one it was refused over (an undo or another edit clears it).
 */
export function useFieldError(base: unknown, path: string) {
  const [state, setState] = useState<{ base: unknown; error: string } | null>(null);
  const error = state !== null && Object.is(state.base, base) ? state.error : null;
  const report = (result: EditResult) => {
    if (result.ok) setState(null);
    else setState({ base, error: fieldErrorText(result.errors, path) ?? 'refused' });
  };
  return { error, report };
}

/** The form's error text for a refused commit, or null when it was applied. */
export function resultError(result: EditResult, path: string): string | null {
  return result.ok ? null : (fieldErrorText(result.errors, path) ?? 'refused');
}
