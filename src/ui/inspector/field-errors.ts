/**
 * The store refuses an edit with messages that name the field from the document root
 * (`nodes[1].config.serviceTime.meanMs: must be a number > 0 (got -1)`). The form shows them
 * under the field that was edited, relative to the node's or edge's config. Pure.
 */

export interface FieldError {
  /** Path relative to the config (`serviceTime.meanMs`), or the document path when outside it. */
  path: string | null;
  message: string;
}

/** Document-root prefixes: the node's or edge's config, the element itself, the fault. */
const ROOT_PREFIX =
  /^(?:nodes|edges)\[\d+\]\.config(?:\.|$)|^(?:nodes|edges|faults)\[\d+\](?:\.|$)/;

/** Splits one store message into its path (relative to the element) and its text. */
export function parseStoreError(error: string): FieldError {
  const m = /^([^\s:]+): (.*)$/s.exec(error);
  if (!m || m[1] === undefined || m[2] === undefined) return { path: null, message: error };
  const path = m[1].replace(ROOT_PREFIX, '');
  return { path: path === '' ? null : path, message: m[2] };
}

/**
 * The text to show under the field at `path` after the store refused its edit: messages about
 * that field come first and bare; messages about other fields keep their path as context.
 */
export function fieldErrorText(errors: readonly string[], path: string): string | null {
  if (errors.length === 0) return null;
  const parsed = errors.map(parseStoreError);
  const own = parsed.filter((e) => e.path === path).map((e) => e.message);
  const other = parsed
    .filter((e) => e.path !== path)
    .map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  return [...own, ...other].join('; ');
}
