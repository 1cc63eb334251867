import type { FaultBook } from './fault-book.ts';
import type { MetricWindows } from './metrics/metric-windows.ts';
import type { NodeFaultState } from './model/context.ts';
import type { NodeStateLabel } from './model/kind.ts';
import type { SimGraph } from './simulation-graph.ts';
import type { StuckCalls, StuckFigures } from './stuck-calls.ts';

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
  /**
   * Only while some of its waits will never end: its workers (a source: its requests) waiting
   * on a call lost to a partition or held by a hung node, with no timeout set (stuck-calls.ts).
   */
  stuck?: StuckFigures;
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

/** What a frame reads from a running simulation. */
export interface FrameSource {
  readonly graph: SimGraph;
  readonly metrics: MetricWindows;
  readonly nowUs: number;
  readonly events: number;
  readonly finished: boolean;
  readonly scenario: { readonly durationMs: number };
  readonly faultBook: FaultBook;
  readonly stuck: StuckCalls;
  faults(node: number): NodeFaultState;
}

export function buildFrame(core: FrameSource, windowsBefore: number): TelemetryFrame {
  const { graph, metrics } = core;
  const newWindows = metrics.windowsClosed !== windowsBefore;
  const nodes: NodeFrame[] = [];
  metrics.nodes.forEach((s, i) => {
    if (!s.dirty && !newWindows) return;
    s.dirty = false;
    const latest = metrics.series(i).latestWindow();
    const stuck = core.stuck.figures(i);
    const frame: NodeFrame = {
      id: graph.nodeId(i),
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
      state: graph.def(i).stateLabel?.(graph.node(i)) ?? null,
    };
    if (stuck) frame.stuck = stuck;
    nodes.push(frame);
  });
  const edges: EdgeFrame[] = [];
  for (let i = 0; i < graph.edgeCount; i++) {
    const s = metrics.edge(i);
    if (!s.dirty && !newWindows) continue;
    s.dirty = false;
    const e = graph.edge(i);
    const last = metrics.lastEdgeWindow(i);
    edges.push({
      id: e.id,
      calls: s.calls,
      ok: s.ok,
      failed: s.failed,
      dropped: s.dropped,
      windowCalls: last.calls,
      windowFailed: last.failed,
      faults: core.faultBook.edgeWords[i] as string[],
      partitioned: e.faults.partitioned,
    });
  }
  return {
    timeMs: core.nowUs / 1000,
    durationMs: core.scenario.durationMs,
    events: core.events,
    done: core.finished,
    windowsClosed: metrics.windowsClosed - windowsBefore,
    nodes,
    edges,
  };
}
