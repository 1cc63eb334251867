import { SLOT_VALUES_US, nearestRank, slotOf } from './histogram-data.ts';
import type { LatencyHistogram } from './histogram.ts';

/** The most raw values a window folds this way (a node keeps at most this many inline). */
export const FOLD_MAX_VALUES = 64;
const QUANTILES = [0.5, 0.95, 0.99, 0.999] as const;
const slots = new Int32Array(FOLD_MAX_VALUES);

/**
 * Folds a window kept as `count` raw latencies (`values[from…]`, µs, already checked) into the
 * run's histogram and writes the window's summary into `out[0…5]` (ms: mean, p50, p95, p99,
 * p99.9, max) — the same numbers a histogram of just these values would give, without
 * building one: a node of a large graph closes a window of a handful of values every
 * simulated second, and this is most of what that costs.
 */
export function foldWindow(
  values: Float64Array,
  from: number,
  count: number,
  run: LatencyHistogram,
  out: Float64Array,
): void {
  if (count === 0) {
    out.fill(0, 0, 6);
    return;
  }
  if (count > FOLD_MAX_VALUES)
    throw new RangeError(`a folded window holds at most ${FOLD_MAX_VALUES} values`);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < count; k++) {
    const v = values[from + k] as number;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    // Insertion sort by slot as the slots are made: a handful of values.
    const s = slotOf(v);
    let j = k - 1;
    while (j >= 0 && (slots[j] as number) > s) {
      slots[j + 1] = slots[j] as number;
      j--;
    }
    slots[j + 1] = s;
  }
  out[0] = sum / count / 1000;
  for (let q = 0; q < QUANTILES.length; q++) {
    const rank = nearestRank(QUANTILES[q] as number, count);
    // Each value counts once, so the rank-th smallest slot holds the rank; the extreme ranks
    // are the exact min and max, the rest the slot's value clamped into [min, max].
    let valueUs: number;
    if (rank >= count) valueUs = max;
    else if (rank <= 1) valueUs = min;
    else {
      const v = SLOT_VALUES_US[slots[rank - 1] as number] as number;
      valueUs = v < min ? min : v > max ? max : v;
    }
    out[1 + q] = valueUs / 1000;
  }
  out[5] = max / 1000;
  run.mergeSlotsLater(slots, count, sum, min, max);
}
