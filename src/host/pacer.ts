import type { Simulation } from '../engine/index.ts';

/** Bounds of one virtual-time chunk between two looks at the wall clock. */
const MIN_CHUNK_MS = 1;
const MAX_CHUNK_MS = 60_000;
const INITIAL_CHUNK_MS = 100;

export interface Pacer {
  /**
   * Advances `sim` towards `targetMs` (capped at its end) in chunks of virtual time, looking at
   * the wall clock after each; stops at the first chunk boundary past `budgetMs` of wall time.
   * Returns true when the target was reached. A chunk is never cut, so a heavy one may overrun.
   */
  advanceWithin(sim: Simulation, targetMs: number, budgetMs: number): boolean;
}

/** Whole microseconds, as the engine counts; comparing in µs avoids float drift in ms. */
const toUs = (ms: number) => Math.round(ms * 1000);

/**
 * Chunks adapt to the load: they double while one costs under 1/8 of the budget and halve
 * when one costs over 1/2, so a light run needs few clock reads and a heavy one still yields
 * close to its budget. The chunk size carries over between calls.
 */
export function createPacer(now: () => number): Pacer {
  let chunkMs = INITIAL_CHUNK_MS;
  return {
    advanceWithin(sim, targetMs, budgetMs) {
      const targetUs = Math.min(toUs(targetMs), toUs(sim.durationMs));
      const startMs = now();
      let lastMs = startMs;
      while (!sim.done && toUs(sim.timeMs) < targetUs) {
        const beforeUs = toUs(sim.timeMs);
        sim.advanceTo(Math.min(targetUs, beforeUs + toUs(chunkMs)) / 1000);
        const afterMs = now();
        const tookMs = afterMs - lastMs;
        lastMs = afterMs;
        if (tookMs < budgetMs / 8) chunkMs = Math.min(MAX_CHUNK_MS, chunkMs * 2);
        else if (tookMs > budgetMs / 2) chunkMs = Math.max(MIN_CHUNK_MS, chunkMs / 2);
        if (toUs(sim.timeMs) <= beforeUs) break; // no progress: never spin
        if (afterMs - startMs >= budgetMs) break;
      }
      return sim.done || toUs(sim.timeMs) >= targetUs;
    },
  };
}
