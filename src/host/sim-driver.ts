import {
  createSimulation,
  type KindRegistry,
  type PatchResult,
  type SeriesView,
  type SimPatch,
  type SimScenario,
  type SimSummary,
  type Simulation,
  type TelemetryFrame,
} from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { describeEngineError } from './engine-error.ts';
import { createPacer } from './pacer.ts';
import {
  MAX_SPEED,
  MIN_SPEED,
  type HostFrame,
  type RunStatus,
  type SeriesRange,
  type SeriesResult,
  type SeriesScope,
} from './sim-host.ts';
import { combineClientSeries } from './system-series.ts';
import { createTraceBuffer, DEFAULT_TRACE_CAPACITY } from './trace-buffer.ts';

/** Requests followed hop by hop in the trace (for waterfalls): one in this many. */
export const TRACE_SAMPLE_EVERY = 50;

/** `step()` advances to the next boundary of this many ms: one metrics window. */
export const STEP_WINDOW_MS = 1000;
/** Wall time one tick may account for: a stalled tab resumes where it was, not seconds later. */
export const MAX_TICK_WALL_MS = 250;
/**
 * Wall time one tick may spend simulating (ticks come ~33 ms apart, see FRAMES_PER_TICK); past
 * it, virtual time falls behind instead.
 */
export const TICK_BUDGET_MS = 24;
/** Wall time one run-to-end slice may spend before yielding (one progress frame per slice). */
export const SLICE_BUDGET_MS = 30;

export interface SimDriverOptions {
  /** Wall clock in ms (`performance.now` in the app, a fake in tests); never read otherwise. */
  now: () => number;
  registry?: KindRegistry;
  traceCapacity?: number;
  tickBudgetMs?: number;
  sliceBudgetMs?: number;
}

/**
 * The environment-neutral core both hosts share: one `Simulation`, the run status and speed,
 * and the pacing of virtual time against wall time. Commands never throw for engine failures:
 * they turn the run to status 'error' with a sentence. `frame()` reports what changed.
 */
export interface SimDriver {
  readonly status: RunStatus;
  readonly speed: number;
  readonly timeMs: number;
  load(scenario: SimScenario): void;
  play(): void;
  pause(): void;
  step(): void;
  /** Clamps to MIN_SPEED..MAX_SPEED; refuses NaN and non-numbers (returns false). */
  setSpeed(multiplier: number): boolean;
  /** Enters 'running-to-end'; the host then calls `runSlice()` until the status changes. */
  runToEnd(): void;
  /** One run-to-end slice of about `sliceBudgetMs` wall time. */
  runSlice(): void;
  reset(): void;
  /** While playing: advances virtual time by wallMs × speed, within the tick budget. */
  advanceBy(wallMs: number): void;
  patch(patch: SimPatch): PatchResult;
  /** Throws for an unknown node id. */
  series(scope: SeriesScope, range: SeriesRange): SeriesResult;
  /** What changed since the previous frame (drains telemetry and the trace buffer). */
  frame(): HostFrame;
}

const EMPTY_VIEW = (): SeriesView => ({ startMs: [], durationMs: [], fields: {} });

function emptyTelemetry(durationMs: number): TelemetryFrame {
  return { timeMs: 0, durationMs, events: 0, done: false, windowsClosed: 0, nodes: [], edges: [] };
}

export function createSimDriver(options: SimDriverOptions): SimDriver {
  const registry = options.registry ?? REGISTRY;
  const tickBudgetMs = options.tickBudgetMs ?? TICK_BUDGET_MS;
  const sliceBudgetMs = options.sliceBudgetMs ?? SLICE_BUDGET_MS;
  const trace = createTraceBuffer(options.traceCapacity ?? DEFAULT_TRACE_CAPACITY);
  const pacer = createPacer(options.now);

  let scenario: SimScenario | null = null;
  let sim: Simulation | null = null;
  let sources: string[] = [];
  let status: RunStatus = 'empty';
  let speed = 1;
  let error: string | null = null;
  let summary: SimSummary | null = null;
  // Re-sent (without its window count) once the engine has failed and cannot drain any more.
  let lastTelemetry: TelemetryFrame = emptyTelemetry(0);

  function fail(cause: unknown): void {
    status = 'error';
    error = describeEngineError(cause);
  }

  /**
   * Runs an engine call; a throw ends the run with status 'error' instead of escaping.
   * Returns false when the call did not run or threw.
   */
  function guarded(action: (s: Simulation) => void): boolean {
    if (!sim || status === 'error') return false;
    try {
      action(sim);
      if (sim.done && status !== 'done') {
        status = 'done';
        summary = sim.summary();
      }
      return true;
    } catch (cause) {
      fail(cause);
      return false;
    }
  }

  function start(): void {
    if (!scenario) return;
    trace.clear();
    error = null;
    summary = null;
    sim = null;
    status = 'ready';
    lastTelemetry = emptyTelemetry(scenario.durationMs);
    try {
      // The simulation gets its own copy: live patches must not leak into the scenario
      // that `reset` replays, and the caller's document must not alias engine state.
      sim = createSimulation(structuredClone(scenario), {
        registry,
        trace: (event) => trace.push(event),
        // One request in TRACE_SAMPLE_EVERY is followed hop by hop (waterfalls); failures,
        // timeouts and faults are always traced.
        traceHopsEvery: TRACE_SAMPLE_EVERY,
      });
    } catch (cause) {
      fail(cause);
    }
  }

  const canRun = () => status === 'ready' || status === 'paused' || status === 'playing';

  return {
    get status() {
      return status;
    },
    get speed() {
      return speed;
    },
    get timeMs() {
      return sim?.timeMs ?? 0;
    },
    load(next) {
      scenario = structuredClone(next);
      sources = next.nodes.filter((n) => registry.get(n.kind)?.isSource).map((n) => n.id);
      start();
    },
    reset: start,
    play() {
      if (canRun() || status === 'running-to-end') status = 'playing';
    },
    pause() {
      if (status === 'playing' || status === 'running-to-end') status = 'paused';
    },
    step() {
      if (!(canRun() || status === 'running-to-end')) return;
      status = 'paused';
      guarded((s) => {
        s.advanceTo((Math.floor(s.timeMs / STEP_WINDOW_MS) + 1) * STEP_WINDOW_MS);
      });
    },
    setSpeed(multiplier) {
      if (typeof multiplier !== 'number' || Number.isNaN(multiplier)) return false;
      speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, multiplier));
      return true;
    },
    runToEnd() {
      if (canRun()) status = 'running-to-end';
    },
    runSlice() {
      if (status !== 'running-to-end') return;
      // Traced as when playing, so the event log holds the run afterwards (it costs a few
      // per cent; the trace buffer bounds what one slice can hand over).
      guarded((s) => pacer.advanceWithin(s, s.durationMs, sliceBudgetMs));
    },
    advanceBy(wallMs) {
      if (status !== 'playing') return;
      const wall = Number.isFinite(wallMs) ? Math.min(MAX_TICK_WALL_MS, Math.max(0, wallMs)) : 0;
      if (wall === 0) return;
      guarded((s) => pacer.advanceWithin(s, s.timeMs + wall * speed, tickBudgetMs));
    },
    patch(p) {
      if (!sim) return { ok: false, errors: ['No scenario is loaded.'] };
      if (status === 'error') {
        return { ok: false, errors: ['The simulation has stopped with an error; reset it first.'] };
      }
      let result: PatchResult | null = null;
      const ran = guarded((s) => {
        result = s.patch(p);
      });
      // A patch that made the engine throw is reported both ways: as the run's error and here.
      return ran && result ? result : { ok: false, errors: [error ?? 'The patch failed.'] };
    },
    series(scope, range) {
      let view = EMPTY_VIEW();
      if (sim) {
        const s = sim;
        view =
          scope.type === 'node'
            ? s.series(scope.nodeId, range)
            : combineClientSeries(sources.map((id) => s.series(id, range)));
      } else if (scope.type === 'node') {
        throw new Error(`no node with id "${scope.nodeId}": no scenario is loaded`);
      }
      return { scope, range, view };
    },
    frame() {
      let telemetry: TelemetryFrame = { ...lastTelemetry, windowsClosed: 0 };
      if (sim && status !== 'error') {
        try {
          telemetry = sim.drainFrame();
          lastTelemetry = telemetry;
        } catch (cause) {
          fail(cause);
        }
      }
      const timeMs = sim?.timeMs ?? 0;
      const durationMs = scenario?.durationMs ?? 0;
      const drained = trace.drain();
      return {
        status,
        speed,
        timeMs,
        durationMs,
        progress: status === 'done' ? 1 : durationMs > 0 ? Math.min(1, timeMs / durationMs) : 0,
        telemetry,
        trace: drained.events,
        traceDropped: drained.dropped,
        summary,
        error,
      };
    },
  };
}
