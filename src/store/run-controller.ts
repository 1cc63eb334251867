import type { SimEdge, SimFault, SimNode, SimPatch, SimScenario } from '../engine/index.ts';
import type { SeriesResult, SeriesScope, SimHost } from '../host/index.ts';
import type { AppStore } from './app-store.ts';
import { sameTopology } from './document-edits.ts';
import { jsonEqual } from './json-equal.ts';
import type { TelemetryStore } from './telemetry-store.ts';

/**
 * Binds the document to the running simulation, so that the run on screen is the document on
 * screen. While the run is at time 0 (loaded, reset, never advanced) every edit reloads it:
 * a run from 0 is always the document as a fresh page would open it from its link. Once it
 * has advanced, config and fault edits become live patches at the current virtual time, and
 * a topology change (nodes or edges added or removed, seed or duration changed) reloads the
 * run, because a running engine cannot grow new components. Reset starts again from 0 with
 * the document as it is now.
 */
export interface RunController {
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  setSpeed(multiplier: number): void;
  runToEnd(): void;
  reset(): void;
  /** A node's (or the whole system's) windowed series, for charts. */
  series(scope: SeriesScope, range: 'recent' | 'whole'): Promise<SeriesResult>;
  readonly hostKind: SimHost['kind'];
  dispose(): void;
}

/**
 * The live patches that take a run from `from` to `to` (same topology). Compared by value:
 * the validator hands back every config and fault as a new object, and re-applying an
 * unchanged one is not free — a client re-plans its arrivals, a fault restarts.
 */
export function livePatches(from: SimScenario, to: SimScenario): SimPatch[] {
  const patches: SimPatch[] = [];
  to.nodes.forEach((n: SimNode, i) => {
    if (!jsonEqual(from.nodes[i]?.config, n.config))
      patches.push({ type: 'node-config', nodeId: n.id, config: n.config });
  });
  to.edges.forEach((e: SimEdge, i) => {
    if (!jsonEqual(from.edges[i]?.config, e.config))
      patches.push({ type: 'edge-config', edgeId: e.id, config: { ...e.config } });
  });
  const before = new Map(from.faults.map((f) => [f.id, f]));
  const after = new Map(to.faults.map((f) => [f.id, f]));
  for (const [id, f] of before) {
    if (!jsonEqual(after.get(id), f)) patches.push({ type: 'fault-remove', faultId: id });
  }
  for (const [id, f] of after) {
    if (!jsonEqual(before.get(id), f)) patches.push({ type: 'fault-add', fault: f as SimFault });
  }
  return patches;
}

export function createRunController(
  app: AppStore,
  telemetry: TelemetryStore,
  host: SimHost,
): RunController {
  let loaded: SimScenario = app.getState().scenario;
  /** The run has been told to advance since it was last loaded (it may be past time 0). */
  let started = false;

  const reload = (scenario: SimScenario) => {
    loaded = scenario;
    started = false;
    // Load first: clearing tells the charts to ask for the series at once, and that request
    // must reach the new run, not the old one (they answer in the order they were sent).
    host.load(scenario);
    telemetry.getState().clear('ready', scenario.durationMs);
  };
  /** Before a command that advances the run: from now on, edits patch it live. */
  const advancing = () => {
    started = true;
  };

  const offFrame = host.onFrame((frame) => telemetry.getState().applyFrame(frame));
  reload(loaded);

  const unsubscribe = app.subscribe((state, prev) => {
    if (state.scenario === prev.scenario && state.loadSeq === prev.loadSeq) return;
    const next = state.scenario;
    if (state.loadSeq !== prev.loadSeq) {
      // A freshly loaded document (file, link, autosave) always starts a new run.
      reload(next);
      return;
    }
    if (sameTopology(loaded, next)) {
      const patches = livePatches(loaded, next);
      if (!started && patches.length > 0) {
        // Before the run has advanced, an edit reloads it: patched at 0 is not freshly loaded.
        reload(next);
        return;
      }
      loaded = next;
      for (const p of patches) {
        void host.patch(p).then((r) => {
          if (!r.ok) app.getState().notify('error', `Live edit refused: ${r.errors[0] ?? ''}`);
        });
      }
      return;
    }
    const status = telemetry.getState().status;
    const wasRunning = telemetry.getState().timeMs > 0 && status !== 'ready';
    reload(next);
    if (wasRunning)
      app
        .getState()
        .notify('info', 'The scenario’s structure changed, so the run restarted from 0 s.');
  });

  return {
    play() {
      advancing();
      host.play();
    },
    pause: () => host.pause(),
    togglePlay() {
      const s = telemetry.getState().status;
      if (s === 'playing' || s === 'running-to-end') {
        host.pause();
      } else if (s !== 'done') {
        advancing();
        host.play();
      }
    },
    step() {
      advancing();
      host.step();
    },
    setSpeed: (m) => host.setSpeed(m),
    runToEnd() {
      advancing();
      host.runToEnd();
    },
    // The document as it is now, not as it was loaded: edits made during the run stay.
    reset: () => reload(app.getState().scenario),
    series: (scope, range) => host.series(scope, range),
    // Read live: the host may fall back from worker to inline after start-up.
    get hostKind() {
      return host.kind;
    },
    dispose() {
      unsubscribe();
      offFrame();
    },
  };
}
