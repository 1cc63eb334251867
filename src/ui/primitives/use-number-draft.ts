import { useState, type KeyboardEvent } from 'react';
import { commitStep, type Draft, type DraftResult } from './number-draft.ts';

export interface NumberDraftOptions {
  /** The stored value; null shows an empty field. */
  value: number | null;
  /** The text shown for the stored value (default: as is, '' for null). */
  format?: ((value: number | null) => string) | undefined;
  /** What the typed text means (see `parseNumberDraft`). */
  parse: (text: string) => DraftResult;
  /** Client-side check of a parsed, changed value. */
  validate?: ((value: number) => string | null) | undefined;
  /** Applies the value; returns the refusal to show, or null when it was taken. */
  commit: (value: number | null) => string | null;
  /**
   * Tie the draft to the value it was typed over: a new value (undo, a live edit) drops it,
   * typing the value back commits nothing, and a refused text is not sent twice.
   */
  followValue?: boolean | undefined;
}

export interface NumberDraft {
  /** What the input shows: the draft, else the formatted value. */
  text: string;
  error: string | null;
  /** The user typed: a shown refusal stays until the next commit. */
  change: (text: string) => void;
  /** The text was set for the user (a step): any refusal goes. */
  replace: (text: string) => void;
  commit: () => void;
  /** Enter commits; Escape drops the draft (and stops there, so nothing else closes). */
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
}

function textOf(value: number | null): string {
  return value === null ? '' : String(value);
}

/**
 * A number field's draft: typed text that commits on Enter or blur, not on every keystroke.
 * A refused text stays in the field with its message until fixed or dropped with Escape.
 */
export function useNumberDraft(options: NumberDraftOptions): NumberDraft {
  const { value, followValue = false } = options;
  const [draft, setDraft] = useState<Draft | null>(null);
  const active = draft !== null && (!followValue || Object.is(draft.base, value)) ? draft : null;

  const commit = () => {
    if (!active) return;
    const refuse = (error: string) => setDraft({ ...active, error, refused: active.text });
    const step = commitStep(active, value, { ...options, followValue });
    if (step.kind === 'refuse') refuse(step.error);
    else if (step.kind === 'drop') setDraft(null);
    else if (step.kind === 'apply') {
      const error = options.commit(step.value);
      if (error) refuse(error);
      else setDraft(null);
    }
  };

  return {
    text: active ? active.text : (options.format ?? textOf)(value),
    error: active?.error ?? null,
    change: (text) =>
      setDraft({
        text,
        base: value,
        error: active?.error ?? null,
        refused: active?.refused ?? null,
      }),
    replace: (text) => setDraft({ text, base: value, error: null, refused: null }),
    commit,
    onKeyDown: (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        commit();
      } else if (e.key === 'Escape' && active) {
        e.preventDefault();
        e.stopPropagation();
        setDraft(null);
      }
    },
  };
}
