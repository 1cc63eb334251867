/**
 * Pure geometry of the fault timeline: time ↔ position, snapping, clamping, lanes, and the
 * move / resize maths of a drag. Times are virtual milliseconds; positions are fractions of
 * the track (0..1) or pixels when a width is given.
 */

/** Drags and edits snap to this grid. */
export const SNAP_MS = 100;
/** The shortest fault a resize may leave. */
export const MIN_FAULT_MS = SNAP_MS;
/** Keyboard nudges move or resize by this much. */
export const KEY_STEP_MS = 1000;

/** A fault's window; `durationMs: null` lasts until the end of the run. */
export interface FaultWindow {
  startMs: number;
  durationMs: number | null;
}

export type DragMode = 'move' | 'start' | 'end';

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function snapMs(ms: number, stepMs: number = SNAP_MS): number {
  return Math.round(ms / stepMs) * stepMs;
}

/** Position of a time as a fraction of the track, clamped to 0..1. */
export function timeToFraction(ms: number, durationMs: number): number {
  if (!(durationMs > 0)) return 0;
  return clamp(ms / durationMs, 0, 1);
}

export function timeToX(ms: number, durationMs: number, widthPx: number): number {
  return timeToFraction(ms, durationMs) * widthPx;
}

/** Time under a pixel position of the track, clamped to the run. */
export function xToTime(x: number, durationMs: number, widthPx: number): number {
  if (!(widthPx > 0)) return 0;
  return clamp((x / widthPx) * durationMs, 0, durationMs);
}

/** Where a fault ends on a run of `durationMs` (open-ended faults end with the run). */
export function windowEndMs(w: FaultWindow, durationMs: number): number {
  return w.durationMs === null ? Math.max(durationMs, w.startMs) : w.startMs + w.durationMs;
}

export interface LaneItem {
  id: string;
  startMs: number;
  endMs: number;
}

/**
 * Greedy interval partitioning: items sorted by start (then id) take the first lane whose
 * last item has ended, so overlapping items never share a lane. Deterministic.
 */
export function assignLanes(items: readonly LaneItem[]): {
  lanes: Map<string, number>;
  count: number;
} {
  const sorted = [...items].sort(
    (a, b) =>
      a.startMs - b.startMs || a.endMs - b.endMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const item of sorted) {
    let lane = laneEnds.findIndex((end) => end <= item.startMs);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.endMs);
    } else laneEnds[lane] = item.endMs;
    lanes.set(item.id, lane);
  }
  return { lanes, count: laneEnds.length };
}

/**
 * The window after dragging by `deltaMs`: `move` keeps the length, `start` / `end` move one
 * edge and keep the other. The moved edge snaps to the grid; the result stays within
 * [0, run] and at least MIN_FAULT_MS long. An open-ended fault stays open-ended unless its
 * end is dragged inside the run.
 */
export function dragWindow(
  origin: FaultWindow,
  mode: DragMode,
  deltaMs: number,
  durationMs: number,
): FaultWindow {
  const run = Math.max(durationMs, MIN_FAULT_MS);
  const start = clamp(origin.startMs, 0, run);
  const end = windowEndMs(origin, run);
  if (mode === 'move') {
    const length = origin.durationMs === null ? null : origin.durationMs;
    const span = length === null ? MIN_FAULT_MS : Math.min(length, run);
    const startMs = clamp(snapMs(origin.startMs + deltaMs), 0, run - span);
    return { startMs, durationMs: length };
  }
  if (mode === 'start') {
    const limit = Math.min(end, run) - MIN_FAULT_MS;
    const startMs = clamp(snapMs(start + deltaMs), 0, Math.max(0, limit));
    return {
      startMs,
      durationMs: origin.durationMs === null ? null : Math.max(MIN_FAULT_MS, end - startMs),
    };
  }
  const endMs = clamp(snapMs(Math.min(end, run) + deltaMs), start + MIN_FAULT_MS, run);
  if (origin.durationMs === null && endMs >= run) return { startMs: start, durationMs: null };
  return { startMs: start, durationMs: endMs - start };
}

/** Keyboard nudge: arrows move by a second; with Shift they move the end (resize). */
export function nudgeWindow(
  origin: FaultWindow,
  direction: -1 | 1,
  resize: boolean,
  durationMs: number,
): FaultWindow {
  return dragWindow(origin, resize ? 'end' : 'move', direction * KEY_STEP_MS, durationMs);
}

export function sameWindow(a: FaultWindow, b: FaultWindow): boolean {
  return a.startMs === b.startMs && a.durationMs === b.durationMs;
}

const TICK_STEPS_MS = [
  100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
  900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000,
];

/** Axis ticks at the smallest "nice" step that keeps labels `minGapPx` apart. */
export function axisTicks(durationMs: number, widthPx: number, minGapPx = 64): number[] {
  if (!(durationMs > 0) || !(widthPx > 0)) return [0];
  const step =
    TICK_STEPS_MS.find((s) => (s / durationMs) * widthPx >= minGapPx) ??
    (TICK_STEPS_MS[TICK_STEPS_MS.length - 1] as number);
  const ticks: number[] = [];
  for (let t = 0; t <= durationMs + 1e-9; t += step) ticks.push(t);
  return ticks;
}

function trimNumber(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Axis label: '0.5 s', '45 s', '2 min', '1:30', '1:00:00'. */
export function formatTick(ms: number): string {
  if (ms < 60_000) return `${trimNumber(ms / 1000)} s`;
  if (ms % 60_000 === 0 && ms < 3_600_000) return `${ms / 60_000} min`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Seconds for labels and fields: '30 s', '12.5 s'. */
export function formatSecondsShort(ms: number): string {
  return `${trimNumber(ms / 1000)} s`;
}
