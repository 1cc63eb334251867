import type { NodeRuntime, NodeStateLabel } from './model/kind.ts';
import type { SimulationCore } from './simulation.ts';

export interface NodeFrame {
  id: string;
  arrivals: number;
  ok: number;
  failed: Record<string, number>;
  inFlight: number;
  queueDepth: number;
  busy: number;
  capacity: number;
  /** The last closed window's figures (per-second rates, ms latencies), if one closed. */
  window: Record<string, number> | null;
  metrics: Record<string, number>;
  /**
   * Faults in force on the node right now, as their types' badge words (crash, hang, errors,
   * slow, capacity, spike, …), in registry order.
   */
  faults: string[];
  /** The process is down (a crash) or accepts calls and never answers (a hang). */
  crashed: boolean;
  hung: boolean;
  /** Stateful kinds only: the current state, e.g. { text: 'OPEN', tone: 'bad' }. */
  state: NodeStateLabel | null;
}

export interface EdgeFrame {
  id: string;
  calls: number;
  ok: number;
  failed: number;
  dropped: number;
  /** Calls and failed calls in the last closed window (traffic volume, failure share). */
  windowCalls: number;
  windowFailed: number;
  /** Faults in force on the edge, as their types' badge words: partition, slow, … */
  faults: string[];
  /** Calls and responses over the edge are dropped. */
  partitioned: boolean;
}

/** What changed since the previous frame; small enough to post from a worker every frame. */
export interface TelemetryFrame {
  timeMs: number;
  durationMs: number;
  events: number;
  done: boolean;
  /** Windows closed since the previous frame (charts fetch their rows with `series`). */
  windowsClosed: number;
  nodes: NodeFrame[];
  edges: EdgeFrame[];
}

export function buildFrame(core: SimulationCore, windowsBefore: number): TelemetryFrame {
  const nodes: NodeFrame[] = [];
  core.stats.forEach((s, i) => {
    if (!s.dirty && core.windowsClosed === windowsBefore) return;
    s.dirty = false;
    const latest = s.series.latestWindow();
    nodes.push({
      id: core.ids[i] as string,
      arrivals: s.arrivals,
      ok: s.ok,
      failed: { ...s.failed },
      inFlight: s.inFlight,
      queueDepth: s.queueDepth,
      busy: s.busy,
      capacity: s.capacity,
      window: latest ? latest.values : null,
      metrics: { ...s.custom },
      faults: core.faultBook.nodeWords[i] as string[],
      crashed: core.faults(i).crashed,
      hung: core.faults(i).hung,
      state: core.def(i).stateLabel?.(core.nodes[i] as NodeRuntime) ?? null,
    });
  });
  const edges: EdgeFrame[] = [];
  core.edges.forEach((e, i) => {
    if (!e.stats.dirty && core.windowsClosed === windowsBefore) return;
    e.stats.dirty = false;
    edges.push({
      id: e.id,
      calls: e.stats.calls,
      ok: e.stats.ok,
      failed: e.stats.failed,
      dropped: e.stats.dropped,
      windowCalls: e.stats.lastWindowCalls,
      windowFailed: e.stats.lastWindowFailed,
      faults: core.faultBook.edgeWords[i] as string[],
      partitioned: e.faults.partitioned,
    });
  });
  return {
    timeMs: core.nowUs / 1000,
    durationMs: core.scenario.durationMs,
    events: core.events,
    done: core.finished,
    windowsClosed: core.windowsClosed - windowsBefore,
    nodes,
    edges,
  };
}
