import type { TraceEvent } from './model/context.ts';
import type { KindRegistry } from './model/kind.ts';

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
}
