import type { EdgeFrame, NodeFrame } from '../engine/index.ts';
import type { HostFrame } from './sim-host.ts';

/**
 * While a run plays, each node's and edge's figures leave the simulation every Nth frame
 * (frames come with ticks, ~30 Hz, so ≈ 5 Hz): re-rendering a hundred badges on every frame
 * costs more than a frame, and so does posting and decoding figures nobody will draw.
 * Measured at 100 nodes: badges at ~5 Hz rather than ~10 Hz, 52 → 56 fps; badges that change
 * five times a second still react well within a second.
 */
export const LIVE_FRAME_STRIDE = 6;
/** During run to end, node and edge figures are sent every Nth frame (~2 Hz). */
export const RUN_TO_END_STRIDE = 15;

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

export interface TelemetrySlicer {
  /** The frame with only the node and edge figures that are due; the rest wait, folded. */
  slice(frame: HostFrame): HostFrame;
  /** Forgets waiting figures (a new or reset run). */
  clear(): void;
}

/**
 * Decides which element figures a frame carries. While playing, each frame carries one slice
 * of the elements (slice = stable hash of the id), so every badge still updates about 5 times
 * a second but no frame carries them all. Run to end carries all of them every
 * RUN_TO_END_STRIDE frames, leaving the CPU to the simulation (the clock and the progress
 * bar move every frame). A paused, stepped or finished run carries everything at once.
 * Skipped figures are folded in (the latest wins: they are cumulative), never dropped.
 */
export function createTelemetrySlicer(): TelemetrySlicer {
  const pendingNodes = new Map<string, NodeFrame>();
  const pendingEdges = new Map<string, EdgeFrame>();
  let frames = 0;

  function due<T>(pending: Map<string, T>, slice: number): T[] {
    const out: T[] = [];
    for (const [id, value] of pending) {
      if (slice >= 0 && sliceOf(id) !== slice) continue;
      out.push(value);
      pending.delete(id);
    }
    return out;
  }

  return {
    slice(frame) {
      const t = frame.telemetry;
      for (const n of t.nodes) pendingNodes.set(n.id, n);
      for (const e of t.edges) pendingEdges.set(e.id, e);
      if (frame.status === 'running-to-end' && frames++ % RUN_TO_END_STRIDE !== 0) {
        return { ...frame, telemetry: { ...t, nodes: [], edges: [] } };
      }
      const slice = frame.status === 'playing' ? frames++ % LIVE_FRAME_STRIDE : -1;
      const nodes = due(pendingNodes, slice);
      const edges = due(pendingEdges, slice);
      return { ...frame, telemetry: { ...t, nodes, edges } };
    },
    clear() {
      pendingNodes.clear();
      pendingEdges.clear();
      frames = 0;
    },
  };
}
