/** Bounded undo/redo stacks of immutable snapshots. */
export const HISTORY_LIMIT = 200;

export interface History<T> {
  past: readonly T[];
  future: readonly T[];
}

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/** Records `previous` as undoable; a new edit clears the redo stack. */
export function record<T>(h: History<T>, previous: T): History<T> {
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(1) : h.past.slice();
  past.push(previous);
  return { past, future: [] };
}

export function undo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  const value = h.past[h.past.length - 1];
  if (value === undefined) return null;
  return { history: { past: h.past.slice(0, -1), future: [current, ...h.future] }, value };
}

export function redo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  const value = h.future[0];
  if (value === undefined) return null;
  return { history: { past: [...h.past, current], future: h.future.slice(1) }, value };
}
