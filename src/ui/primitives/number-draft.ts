/**
 * The pure half of a number field that commits on Enter or blur: what the typed text means,
 * and what committing a draft should do. `use-number-draft.ts` holds the React state.
 */

/** A value to commit (null: an empty field, where allowed) or why the text is refused. */
export type DraftResult = { ok: true; value: number | null } | { ok: false; error: string };

export interface NumberRules {
  integer?: boolean | undefined;
  min?: number | undefined;
  max?: number | undefined;
  /** An empty field means null instead of being refused. */
  allowEmpty?: boolean | undefined;
}

const refuse = (error: string): DraftResult => ({ ok: false, error });

/** Parses typed text and checks simple bounds; messages read after the label ("Seed must be ≥ 0"). */
export function parseNumberDraft(text: string, rules: NumberRules): DraftResult {
  const t = text.trim();
  if (t === '') return rules.allowEmpty ? { ok: true, value: null } : refuse('must be a number');
  const n = Number(t);
  if (!Number.isFinite(n)) return refuse('must be a number');
  if (rules.integer && !Number.isInteger(n)) return refuse('must be a whole number');
  if (rules.min !== undefined && n < rules.min) return refuse(`must be ≥ ${rules.min}`);
  if (rules.max !== undefined && n > rules.max) return refuse(`must be ≤ ${rules.max}`);
  return { ok: true, value: n };
}

/** Text being typed over a stored value. */
export interface Draft {
  text: string;
  /** The value the draft was typed over. */
  base: number | null;
  /** The refusal shown under the field, kept while the user types a fix. */
  error: string | null;
  /** The text last refused, so blur after Enter does not ask the store twice. */
  refused: string | null;
}

export interface CommitRules {
  parse: (text: string) => DraftResult;
  /** Client-side check of a parsed, changed value, before the store sees it. */
  validate?: ((value: number) => string | null) | undefined;
  /**
   * The draft belongs to the value it was typed over: typing that value back commits nothing,
   * and a text already refused is not sent again.
   */
  followValue: boolean;
}

/** What committing a draft does: nothing, drop it, show a refusal, or hand a value on. */
export type CommitStep =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'refuse'; error: string }
  | { kind: 'apply'; value: number | null };

export function commitStep(draft: Draft, value: number | null, rules: CommitRules): CommitStep {
  if (rules.followValue && draft.error !== null && draft.refused === draft.text) {
    return { kind: 'none' };
  }
  const parsed = rules.parse(draft.text);
  if (!parsed.ok) return { kind: 'refuse', error: parsed.error };
  if (rules.followValue && parsed.value === value) return { kind: 'drop' };
  const problem = parsed.value === null ? null : (rules.validate?.(parsed.value) ?? null);
  return problem ? { kind: 'refuse', error: problem } : { kind: 'apply', value: parsed.value };
}
