import type {
  PatchResult,
  SeriesView,
  SimPatch,
  SimScenario,
  SimSummary,
  TelemetryFrame,
  TraceEvent,
} from '../engine/index.ts';

/** What the run is doing, as the UI shows it. */
export type RunStatus =
  'empty' | 'ready' | 'playing' | 'paused' | 'running-to-end' | 'done' | 'error';

/** Speed multipliers offered in the UI (virtual seconds per wall second). */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;

/** Whose series a chart shows: the whole system (all clients summed) or one node / client. */
export type SeriesScope = { type: 'system' } | { type: 'node'; nodeId: string };

export interface HostFrame {
  status: RunStatus;
  speed: number;
  /** Virtual time and duration, ms. */
  timeMs: number;
  durationMs: number;
  /** Share of the run done, 0..1 (for the run-to-end progress bar). */
  progress: number;
  telemetry: TelemetryFrame;
  /** Trace events since the previous frame (bounded; oldest dropped first). */
  trace: TraceEvent[];
  /** Trace events dropped since the previous frame because the buffer was full. */
  traceDropped: number;
  /** Set once the run is done: the same figures as the CLI's `--json`. */
  summary: SimSummary | null;
  /** Set when the engine failed (e.g. a conservation violation): a sentence for the banner. */
  error: string | null;
}

/** Which tier of a series: the recent full-resolution windows, or the whole run. */
export type SeriesRange = 'recent' | 'whole';

export interface SeriesResult {
  scope: SeriesScope;
  range: SeriesRange;
  view: SeriesView;
}

/**
 * The app's handle on a running simulation. Implemented by a module Web Worker host and by
 * an inline host (tests, and the fallback where workers fail). All methods return at once;
 * results arrive through `onFrame` or the returned promises.
 */
export interface SimHost {
  readonly kind: 'worker' | 'inline';
  /** Loads a scenario (validated already) and resets to time 0, paused. */
  load(scenario: SimScenario): void;
  play(): void;
  pause(): void;
  /** Advances by one metrics window (1 s of virtual time) and pauses. */
  step(): void;
  setSpeed(multiplier: number): void;
  /** Runs as fast as possible to the end, with progress frames; `pause()` cancels. */
  runToEnd(): void;
  /** Back to time 0 with the same scenario. */
  reset(): void;
  /** Live edit or fault toggle at the current virtual time. */
  patch(patch: SimPatch): Promise<PatchResult>;
  series(scope: SeriesScope, range: SeriesRange): Promise<SeriesResult>;
  onFrame(listener: (frame: HostFrame) => void): () => void;
  dispose(): void;
}
