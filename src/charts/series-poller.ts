import { isSettled, shouldFetch } from './throttle.ts';

/**
 * A request with no answer after this long is given up: the next frame (or the settled run)
 * asks again. Charts must never freeze because one answer was lost (a worker swapped for the
 * fallback engine, a run reloaded, a handler that threw): one stuck request used to keep the
 * panel on "Press Play" for the rest of the tab.
 */
export const SERIES_REQUEST_TIMEOUT_MS = 3000;

export interface PollerDeps<T> {
  /** Asks the run for the series. */
  fetch(): Promise<T>;
  /** Hands an answer over (to React state). A throw here never stops the polling. */
  deliver(answer: T): void;
  /** The run's status now (settled runs get one more forced fetch). */
  status(): string;
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface SeriesPoller {
  /** A telemetry frame arrived; `force` when the run just settled or moved while settled. */
  frame(force: boolean): void;
  dispose(): void;
}

/**
 * One request in flight at most and ~4 a second; a frame inside the gap, or while a request
 * is out, leaves a fetch pending that the answer (or the next frame) serves. Only the newest
 * request's answer is delivered, so a late answer never overwrites a newer one.
 */
export function createSeriesPoller<T>(deps: PollerDeps<T>): SeriesPoller {
  let disposed = false;
  let pending = false;
  let lastFetchMs = -Infinity;
  /** The request whose answer is awaited (0: none). */
  let awaited = 0;
  let seq = 0;
  let timer: unknown = null;

  const settle = (id: number) => {
    if (disposed || id !== awaited) return false;
    awaited = 0;
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    return true;
  };
  const afterwards = () => {
    // No frame may come to serve what was missed while settled: fetch it now.
    if (pending) trigger(isSettled(deps.status()));
  };

  function fetchNow(): void {
    const id = ++seq;
    awaited = id;
    pending = false;
    lastFetchMs = deps.now();
    timer = deps.setTimer(() => {
      timer = null;
      if (!settle(id)) return;
      pending = true;
      afterwards();
    }, SERIES_REQUEST_TIMEOUT_MS);
    deps.fetch().then(
      (answer) => {
        if (!settle(id)) return;
        try {
          deps.deliver(answer);
        } catch (error) {
          // A bug to see in the console, not a reason for the charts to stop.
          queueMicrotask(() => {
            throw error;
          });
        }
        afterwards();
      },
      () => {
        // A run reloading under us rejects; ask again when a frame says so.
        if (settle(id)) afterwards();
      },
    );
  }

  function trigger(force: boolean): void {
    if (disposed) return;
    const inFlight = awaited !== 0;
    if (!inFlight && (force || shouldFetch(deps.now(), lastFetchMs, inFlight))) fetchNow();
    else pending = true;
  }

  trigger(true);
  return {
    frame: trigger,
    dispose() {
      disposed = true;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
  };
}
