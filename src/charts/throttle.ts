/**
 * At most ~4 refreshes per second, whatever the simulation speed (docs/architecture.md §8):
 * measured with 100 nodes on a GPU-less machine, redrawing four Recharts charts 10 times a
 * second cost more frame time than the whole canvas, and 4 Hz still reads as live.
 */
export const MIN_FETCH_INTERVAL_MS = 250;

/** Statuses in which no further frames may come: fetch once more so the final state shows. */
const SETTLED: ReadonlySet<string> = new Set(['empty', 'ready', 'paused', 'done', 'error']);

/** Throttle decision: one request in flight at most, and a minimum gap between requests. */
export function shouldFetch(
  nowMs: number,
  lastFetchMs: number,
  inFlight: boolean,
  minIntervalMs: number = MIN_FETCH_INTERVAL_MS,
): boolean {
  return !inFlight && nowMs - lastFetchMs >= minIntervalMs;
}

export function isSettled(status: string): boolean {
  return SETTLED.has(status);
}
