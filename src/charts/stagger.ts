/**
 * Hands each new value to `count` consumers one frame apart instead of all at once: redrawing
 * four Recharts charts in one task took 50–80 ms on a 2-core machine with 100 nodes on the
 * canvas (a long task, several dropped frames); one chart per frame fits in a frame.
 * Consumers are served round robin, so none starves when values come faster than frames.
 */
export interface Stagger<T> {
  /** A new value: every consumer is stale; the next one in turn gets it now. */
  push(value: T): void;
  /** A frame passed: the next stale consumer gets the latest value. */
  frame(): void;
  /** Every stale consumer gets the latest value now (the run settled: no frames will come). */
  flush(): void;
}

export function createStagger<T>(
  count: number,
  deliver: (index: number, value: T) => void,
): Stagger<T> {
  const stale: boolean[] = Array.from({ length: count }, () => false);
  let latest: { value: T } | null = null;
  let turn = 0; // the consumer whose turn is next

  function serveNext(): boolean {
    if (latest === null) return false;
    for (let k = 0; k < count; k++) {
      const i = (turn + k) % count;
      if (!stale[i]) continue;
      stale[i] = false;
      turn = (i + 1) % count;
      deliver(i, latest.value);
      return true;
    }
    return false;
  }

  return {
    push(value) {
      latest = { value };
      stale.fill(true);
      serveNext();
    },
    frame() {
      serveNext();
    },
    flush() {
      while (serveNext());
    },
  };
}
