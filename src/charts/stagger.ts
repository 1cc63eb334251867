/**
 * Hands new values to several charts one at a time instead of all at once: Recharts draws a
 * chart synchronously (its own store re-renders it inside React's commit), so redrawing four
 * charts in one task took 50–80 ms with 100 nodes on the canvas, and mounting the four and
 * the What-to-watch chart when a run finished took 0.4–1.5 s in one task. One chart per step
 * fits in a frame. A step is a telemetry frame while the run moves, and a task of its own
 * after the previous chart's commit once it has settled (see use-staggered.ts).
 *
 * Pure: each consumer (a chart) has its latest value and the value it shows; a consumer is
 * stale when the two differ (by identity). Consumers are served round robin, so none starves
 * when values come faster than steps.
 */
export interface StaggerState<T extends readonly unknown[]> {
  /** What each consumer shows now. */
  shown: T;
  /** The consumer whose turn is next. */
  turn: number;
}

export function initialStagger<T extends readonly unknown[]>(latest: T): StaggerState<T> {
  return { shown: latest, turn: 0 };
}

/** The first stale consumer from `turn` on, round robin; -1 when every one is current. */
export function nextStale(shown: readonly unknown[], latest: readonly unknown[], turn: number) {
  const count = latest.length;
  for (let k = 0; k < count; k++) {
    const i = (turn + k) % count;
    if (!Object.is(shown[i], latest[i])) return i;
  }
  return -1;
}

export function anyStale(shown: readonly unknown[], latest: readonly unknown[]): boolean {
  return nextStale(shown, latest, 0) >= 0;
}

/** One step: the next stale consumer in turn catches up; the same state when none is stale. */
export function serveNext<T extends readonly unknown[]>(
  state: StaggerState<T>,
  latest: T,
): StaggerState<T> {
  const i = nextStale(state.shown, latest, state.turn);
  if (i < 0) return state;
  const shown = state.shown.slice() as unknown as { -readonly [K in keyof T]: T[K] };
  shown[i] = latest[i];
  return { shown: shown as unknown as T, turn: (i + 1) % latest.length };
}
