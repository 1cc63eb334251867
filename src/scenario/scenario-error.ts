/** One problem found in a scenario document, anchored to the field it concerns. */
export interface ScenarioError {
  /** Dotted path with bracketed indices, e.g. `nodes[1].config.workers`; `""` = the whole document. */
  path: string;
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['nodes', 1, 'config', 'workers']` → `nodes[1].config.workers`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    // Keys that are not identifiers stay readable and unambiguous, e.g. config["retry-after"].
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Joins a base path and a child path produced elsewhere (e.g. a kind's config schema). */
export function joinPath(base: string, child: string): string {
  if (!child) return base;
  if (!base || child.startsWith('[')) return base + child;
  return `${base}.${child}`;
}

/** `path: message` lines for display; a document-level error is just its message. */
export function formatErrors(errors: readonly ScenarioError[]): string[] {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
}

// Value descriptions live with the shared zod message formatter in the engine.
export { describeValue, quote } from '../engine/index.ts';
