import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EdgeFrame, NodeFrame, SimSummary, TraceEvent } from '../engine/index.ts';
import type { HostFrame, RunStatus } from '../host/index.ts';
import { RingBuffer } from './ring-buffer.ts';

export const LOG_CAPACITY = 5000;

/**
 * While a run plays, each node's and edge's figures reach the UI every Nth frame (≈ 5 Hz at
 * 60 fps), like the charts: re-rendering a hundred badges on every frame costs more than a
 * frame. Skipped frames are folded in, never dropped; a paused, stepped or finished run shows
 * everything at once. 12 rather than 6 (≈ 10 Hz): measured at 100 nodes, 52 → 56 fps, and
 * badges that change five times a second still react well within a second.
 */
export const LIVE_FRAME_STRIDE = 12;
/** During run to end, node and edge figures reach the canvas every Nth frame (~2 Hz). */
export const RUN_TO_END_STRIDE = 15;

/**
 * Live figures, written at most once per frame and kept apart from the document store so
 * that node bodies subscribe to their own entry only (DESIGN.md §1.6): a NodeFrame object is
 * replaced only when that node changed, so unchanged nodes do not re-render.
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
  frameSeq: number;
  /** Bumps when the event log gained entries; the log itself lives in `log`. */
  logVersion: number;
  applyFrame(frame: HostFrame): void;
  clear(status: RunStatus, durationMs: number): void;
}

export interface TelemetryStore extends StoreApi<TelemetryState> {
  readonly log: RingBuffer<TraceEvent>;
}

const slices = new Map<string, number>();
/** A stable slice number for an element id (FNV-1a), cached. */
function sliceOf(id: string): number {
  let slice = slices.get(id);
  if (slice === undefined) {
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    slice = (h >>> 0) % LIVE_FRAME_STRIDE;
    slices.set(id, slice);
  }
  return slice;
}

export function createTelemetryStore(): TelemetryStore {
  const log = new RingBuffer<TraceEvent>(LOG_CAPACITY);
  const pendingNodes = new Map<string, NodeFrame>();
  const pendingEdges = new Map<string, EdgeFrame>();
  let framesSinceFlush = 0;
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
    frameSeq: 0,
    logVersion: 0,
    applyFrame(frame) {
      const t = frame.telemetry;
      const prev = get();
      for (const n of t.nodes) pendingNodes.set(n.id, n);
      for (const e of t.edges) pendingEdges.set(e.id, e);
      const live = frame.status === 'playing';
      // While live, each frame refreshes one slice of the elements (slice = stable hash of the
      // id), so every badge still updates about 5 times a second but no frame carries them all.
      // Run to end goes flat out: badges refresh all at once every RUN_TO_END_STRIDE frames,
      // leaving the CPU to the simulation (its progress bar moves every frame).
      const slice = live ? framesSinceFlush++ % LIVE_FRAME_STRIDE : -1;
      const hold =
        frame.status === 'running-to-end' && framesSinceFlush++ % RUN_TO_END_STRIDE !== 0;
      const take = <T>(pending: Map<string, T>, current: Readonly<Record<string, T>>) => {
        if (hold) return current;
        let next: Record<string, T> | null = null;
        for (const [id, value] of pending) {
          if (slice >= 0 && sliceOf(id) !== slice) continue;
          next ??= { ...current };
          next[id] = value;
          pending.delete(id);
        }
        return next ?? current;
      };
      const nodes = take(pendingNodes, prev.nodes);
      const edges = take(pendingEdges, prev.edges);
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
        frameSeq: prev.frameSeq + 1,
        logVersion: frame.trace.length ? prev.logVersion + 1 : prev.logVersion,
      });
    },
    clear(status, durationMs) {
      log.clear();
      pendingNodes.clear();
      pendingEdges.clear();
      framesSinceFlush = 0;
      set((s) => ({
        status,
        timeMs: 0,
        durationMs,
        progress: 0,
        error: null,
        summary: null,
        nodes: {},
        edges: {},
        frameSeq: s.frameSeq + 1,
        logVersion: s.logVersion + 1,
      }));
    },
  }));
  return Object.assign(store, { log });
}
