import type { TraceEvent } from './model/context.ts';
import type { KindRegistry } from './model/kind.ts';
import type { RunBudget } from './run-budget.ts';

export interface SimulationOptions {
  /** Component kinds; defaults to the engine's built-ins (client, service, database). */
  registry?: KindRegistry;
  /** Receives typed trace events (opt-in: costs time). */
  trace?: (event: TraceEvent) => void;
  /**
   * With `trace`: also emit hop events (`call.sent`, `call.arrived`, `call.answered`,
   * `call.returned`) for one request in every N (0 = none), for request waterfalls.
   */
  traceHopsEvery?: number;
  /** Folds every processed event into `eventHash` (for determinism checks). */
  hashEvents?: boolean;
  windowMs?: number;
  recentWindows?: number;
  maxSeriesPoints?: number;
  /**
   * Caps of the run budget to change (the rest keep `RUN_BUDGET`'s values): tests use small
   * ones to reach a cap in a few events. Passing a cap stops the run with a `BudgetError` or
   * `LivelockError` (README, "Limits").
   */
  budget?: Partial<RunBudget>;
}
