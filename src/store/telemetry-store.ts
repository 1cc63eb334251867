import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EdgeFrame, NodeFrame, SimSummary, TraceEvent } from '../engine/index.ts';
import type { HostFrame, RunStatus } from '../host/index.ts';
import { nodeStatus, type NodeStatus } from './node-status.ts';
import { EMPTY_TREND, observe, type NodeTrend } from './node-trend.ts';
import { RingBuffer } from './ring-buffer.ts';

/** Events kept: a whole default run (~6 500 traced events in 5 min) with room to spare. */
export const LOG_CAPACITY = 20_000;

/**
 * Live figures, written at most once per frame and kept apart from the document store so
 * that node bodies subscribe to their own entry only (docs/architecture.md §8): a NodeFrame
 * object is replaced only when that node changed, so unchanged nodes do not re-render.
 */
export interface TelemetryState {
  status: RunStatus;
  speed: number;
  timeMs: number;
  durationMs: number;
  progress: number;
  error: string | null;
  summary: SimSummary | null;
  nodes: Readonly<Record<string, NodeFrame>>;
  edges: Readonly<Record<string, EdgeFrame>>;
  /**
   * Each node's status in words (node-status.ts), from its frames and their trend; an entry is
   * replaced only when its word changes.
   */
  statuses: Readonly<Record<string, NodeStatus>>;
  frameSeq: number;
  /** Bumps when the event log gained entries; the log itself lives in `log`. */
  logVersion: number;
  applyFrame(frame: HostFrame): void;
  clear(status: RunStatus, durationMs: number): void;
}

export interface TelemetryStore extends StoreApi<TelemetryState> {
  readonly log: RingBuffer<TraceEvent>;
}

/** `current` with `updates` laid over it by id; the same object when there are none. */
function merge<T extends { id: string }>(
  current: Readonly<Record<string, T>>,
  updates: readonly T[],
): Readonly<Record<string, T>> {
  if (updates.length === 0) return current;
  const next: Record<string, T> = { ...current };
  for (const u of updates) next[u.id] = u;
  return next;
}

/** Folds node frames into their trends and returns the statuses with those that changed. */
function nextStatuses(
  current: Readonly<Record<string, NodeStatus>>,
  trends: Map<string, NodeTrend>,
  updates: readonly NodeFrame[],
  timeMs: number,
): Readonly<Record<string, NodeStatus>> {
  let next: Record<string, NodeStatus> | null = null;
  for (const f of updates) {
    const trend = observe(trends.get(f.id) ?? EMPTY_TREND, f, timeMs);
    trends.set(f.id, trend);
    const status = nodeStatus(f, trend);
    const before = current[f.id];
    if (before?.health === status.health && before.text === status.text) continue;
    next ??= { ...current };
    next[f.id] = status;
  }
  return next ?? current;
}

export function createTelemetryStore(): TelemetryStore {
  const log = new RingBuffer<TraceEvent>(LOG_CAPACITY);
  // Not state: nothing renders a trend, only the status derived from it.
  const trends = new Map<string, NodeTrend>();
  const store = createStore<TelemetryState>()((set, get) => ({
    status: 'empty',
    speed: 1,
    timeMs: 0,
    durationMs: 0,
    progress: 0,
    error: null,
    summary: null,
    nodes: {},
    edges: {},
    statuses: {},
    frameSeq: 0,
    logVersion: 0,
    applyFrame(frame) {
      const t = frame.telemetry;
      const prev = get();
      // The host already thinned element figures to what is due (≈ 5 Hz per element while
      // playing): everything a frame carries is shown.
      const nodes = merge(prev.nodes, t.nodes);
      const edges = merge(prev.edges, t.edges);
      const statuses = nextStatuses(prev.statuses, trends, t.nodes, t.timeMs);
      for (const e of frame.trace) log.push(e);
      set({
        status: frame.status,
        speed: frame.speed,
        timeMs: frame.timeMs,
        durationMs: frame.durationMs,
        progress: frame.progress,
        error: frame.error,
        summary: frame.summary,
        nodes,
        edges,
        statuses,
        frameSeq: prev.frameSeq + 1,
        logVersion: frame.trace.length ? prev.logVersion + 1 : prev.logVersion,
      });
    },
    clear(status, durationMs) {
      log.clear();
      trends.clear();
      set((s) => ({
        status,
        timeMs: 0,
        durationMs,
        progress: 0,
        error: null,
        summary: null,
        nodes: {},
        edges: {},
        statuses: {},
        frameSeq: s.frameSeq + 1,
        logVersion: s.logVersion + 1,
      }));
    },
  }));
  return Object.assign(store, { log });
}
