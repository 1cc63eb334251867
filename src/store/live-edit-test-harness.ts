// Test support only: live edits made the way a person makes them — through the app store,
// the run controller and the inline host, over the same protocol and driver as the worker —
// recorded as timed patches and replayed on a fresh engine.
import {
  createSimulation,
  type PatchResult,
  type SimPatch,
  type SimScenario,
  type SimSummary,
} from '../engine/index.ts';
import { createInlineHost } from '../host/inline-host.ts';
import type { HostFrame, SimHost } from '../host/index.ts';
import { fakeTicker, manualSchedule, recordFrames } from '../host/test-fakes.ts';
import { MAX_SPEED } from '../host/sim-host.ts';
import { MAX_TICK_WALL_MS } from '../host/sim-driver.ts';
import { canConnect, parseScenario, REGISTRY } from '../scenario/index.ts';
import { createAppStore, type AppStore } from './app-store.ts';
import { validateScenario } from './create-stores.ts';
import { createRunController, type RunController } from './run-controller.ts';
import { createTelemetryStore } from './telemetry-store.ts';

/** The first tick of a stretch of play, in virtual ms (later ones grow while the run is light). */
const FIRST_TICK_MS = 10;

/** A live patch and the virtual time it was applied at (after every event up to that time). */
export interface TimedPatch {
  atMs: number;
  patch: SimPatch;
}

/**
 * A saved live-edit case: the document, then its patches in time order (the shape the
 * fuzzer prints when a sequence fails, so a finding becomes a fixture as it is).
 */
export interface LiveEditCase {
  note?: string;
  doc: unknown;
  patches: TimedPatch[];
}

export interface ReplayOutcome {
  /** At the end of the run (or at `untilMs`); null when the engine threw. */
  summary: SimSummary | null;
  /** What the engine threw, if it did. */
  error: string | null;
  /** Patches the engine refused, with its reasons. */
  refused: string[];
  timeMs: number;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A fresh engine (no host, no trace) given the same patches at the same virtual times: each
 * patch applies after every event up to its time, as a live edit does. Runs to the end, or
 * to `untilMs`; the end of a run checks conservation over every live call.
 */
export function replay(
  scenario: SimScenario,
  patches: readonly TimedPatch[],
  untilMs?: number,
): ReplayOutcome {
  const sim = createSimulation(structuredClone(scenario), { registry: REGISTRY });
  const refused: string[] = [];
  try {
    for (const { atMs, patch } of patches) {
      // Patches made at one instant apply one after the other, with no event between them
      // (advancing to the same time again would run what the previous patch scheduled now).
      if (atMs > sim.timeMs) sim.advanceTo(atMs);
      const r = sim.patch(structuredClone(patch));
      if (!r.ok) refused.push(...r.errors);
    }
    if (untilMs === undefined) sim.runToEnd();
    else if (untilMs > sim.timeMs) sim.advanceTo(untilMs);
    const summary = sim.summary();
    if (!summary.conservation.ok) throw new Error(summary.conservation.violations.join('; '));
    return { summary, error: null, refused, timeMs: sim.timeMs };
  } catch (e) {
    return { summary: null, error: messageOf(e), refused, timeMs: sim.timeMs };
  }
}

/** Replays a saved case (its document parsed as a file or a link would be). */
export function replayCase(c: LiveEditCase): ReplayOutcome {
  const parsed = parseScenario(c.doc, REGISTRY);
  if (!parsed.ok)
    throw new Error(`the case's document is invalid: ${JSON.stringify(parsed.errors)}`);
  return replay(parsed.scenario, c.patches);
}

/** What the run controller last loaded and every live patch it sent since, with their times. */
export interface PatchRecord {
  base: SimScenario;
  patches: TimedPatch[];
  results: PatchResult[];
}

export interface UiSession {
  app: AppStore;
  run: RunController;
  frames: HostFrame[];
  record: PatchRecord;
  /** The virtual time on screen (the last frame's). */
  nowMs(): number;
  last(): HostFrame | undefined;
  /** The run has processed its `maxEvents`: the clock moves no more (edits still apply). */
  capped(): boolean;
  /** Plays until the clock has moved `ms` on (or the run stopped or is capped), then pauses. */
  advance(ms: number): void;
  /** The Step button (unless capped). */
  step(): void;
  /** Plays on until the run is done, has failed, or is capped. */
  finish(): void;
  dispose(): void;
}

/**
 * The app as a person uses it, minus the screen: the app store (every edit validated, as the
 * inspector's are), the run controller (edits during a run become live patches), the inline
 * host with a hand-driven ticker and a frozen wall clock (so a tick advances exactly
 * speed × wall time). With `maxEvents`, the clock stops moving once the run has processed
 * that many events, a tick or so past it: a heavy topology is the budget guard's matter.
 */
export function uiSession(initial: SimScenario, maxEvents = Infinity): UiSession {
  const ticker = fakeTicker();
  const inner = createInlineHost({
    now: () => 0,
    ticker: ticker.factory,
    schedule: manualSchedule().schedule,
  });
  const frames = recordFrames(inner);
  const nowMs = () => frames.at(-1)?.timeMs ?? 0;
  const record: PatchRecord = { base: initial, patches: [], results: [] };
  const host: SimHost = {
    get kind() {
      return inner.kind;
    },
    load(scenario) {
      record.base = structuredClone(scenario);
      record.patches = [];
      inner.load(scenario);
    },
    patch(patch) {
      record.patches.push({ atMs: nowMs(), patch: structuredClone(patch) });
      return inner.patch(patch).then((r) => {
        record.results.push(r);
        return r;
      });
    },
    play: () => inner.play(),
    pause: () => inner.pause(),
    step: () => inner.step(),
    setSpeed: (m) => inner.setSpeed(m),
    runToEnd: () => inner.runToEnd(),
    reset: () => inner.reset(),
    series: (scope, range) => inner.series(scope, range),
    onFrame: (listener) => inner.onFrame(listener),
    dispose: () => inner.dispose(),
  };
  const app = createAppStore({
    initial,
    validate: validateScenario,
    canConnect: (s, a, b) => canConnect(s, a, b, REGISTRY),
  });
  const run = createRunController(app, createTelemetryStore(), host);
  const stopped = () => {
    const status = frames.at(-1)?.status;
    return status === 'done' || status === 'error';
  };
  const events = () => frames.at(-1)?.telemetry.events ?? 0;
  const capped = () => events() >= maxEvents;

  /** One tick moving the clock `ms` on: at most MAX_TICK_WALL_MS of wall time, MAX_SPEED×. */
  function tick(ms: number): void {
    const wallMs = Math.min(ms, MAX_TICK_WALL_MS);
    run.setSpeed(Math.min(MAX_SPEED, ms / wallMs));
    run.play();
    ticker.tick(wallMs);
    run.pause();
  }

  function advance(ms: number): void {
    const targetMs = nowMs() + ms;
    // Ticks grow while the run is light, so a cap is met within about one tick.
    let chunkMs = FIRST_TICK_MS;
    while (!stopped() && !capped() && nowMs() < targetMs) {
      const before = nowMs();
      const eventsBefore = events();
      tick(Math.min(chunkMs, targetMs - before));
      if (nowMs() <= before) break; // rounding left less than a microsecond
      if ((events() - eventsBefore) * 8 < maxEvents - eventsBefore)
        chunkMs = Math.min(chunkMs * 4, MAX_TICK_WALL_MS * MAX_SPEED);
    }
  }

  return {
    app,
    run,
    frames,
    record,
    nowMs,
    last: () => frames.at(-1),
    capped,
    advance,
    step() {
      if (!capped()) run.step();
    },
    finish() {
      const durationMs = record.base.durationMs;
      while (!stopped() && !capped()) {
        const before = nowMs();
        advance(durationMs - before);
        if (nowMs() <= before) break;
      }
    },
    dispose() {
      run.dispose();
      host.dispose();
    },
  };
}
