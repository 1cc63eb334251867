import type { NodeFigures } from '../../engine/index.ts';

/**
 * Helpers for kinds' `report`: the same figures (shares of arrivals, per-request rates) are
 * computed by most kinds, and all treat an empty denominator the same way.
 */

/** `x ÷ total`, and 0 when there is nothing to divide by (a share of nothing is none). */
export function ratio(x: number, total: number): number {
  return total > 0 ? x / total : 0;
}

/** A declared counter's value at the end of the run (absent = 0). */
export function counter(f: NodeFigures, name: string): number {
  return f.metrics[name] ?? 0;
}

/** A counter per arriving call: a share of arrivals, or a rate such as attempts per request. */
export function perArrival(f: NodeFigures, name: string): number {
  return ratio(counter(f, name), f.arrivals);
}

/** Failed calls, all causes together. */
export function failedTotal(f: NodeFigures): number {
  let n = 0;
  for (const v of Object.values(f.failed)) n += v;
  return n;
}
