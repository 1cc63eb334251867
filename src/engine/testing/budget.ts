/**
 * Time budgets for heavy tests (property runs, simulations, spawned tools), sized by the work
 * each test does instead of vitest's fixed 5 s default, which a busy machine overruns: beside
 * two busy loops and other suites on the project's 2 cores, heavy tests ran up to 14× slower
 * than the costs their comments quote.
 *
 * A heavy test names its count (property runs, topologies, simulated requests, events,
 * spawned processes…) and its cost per unit, measured on the project's 2-core machine, and
 * runs with `it(name, budget(count, costMs), fn)`. The limit is
 * `BUDGET_BASE_MS + BUDGET_SLACK × count × costMs`: the base covers what does not grow with
 * the count (first-call compilation, lazy imports, a garbage collection), the slack a
 * crowded machine. A budget is there to stop a hung test, not to time one: tests never
 * assert durations.
 */

/** What does not grow with the count: compiling on first use, lazy imports, a GC pause. */
export const BUDGET_BASE_MS = 5_000;

/** Headroom over the measured cost for a machine whose cores are busy (14× seen, see above). */
export const BUDGET_SLACK = 20;

/** Vitest test options whose timeout fits `count` units of `costMs` each. */
export function budget(count: number, costMs: number): { timeout: number } {
  if (!(count >= 0 && costMs >= 0)) {
    throw new Error(`budget: count and costMs must be ≥ 0 (got ${count}, ${costMs})`);
  }
  return { timeout: Math.ceil(BUDGET_BASE_MS + BUDGET_SLACK * count * costMs) };
}
