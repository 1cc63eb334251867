import type { NodeFrame } from '../engine/index.ts';

/**
 * What a node's status remembers between frames: a frame only carries its last closed window,
 * but saturation needs the queue over the last few seconds and slowness needs the node's own
 * normal p99. Folded in by `observe`, at most once per metrics window of virtual time.
 */
export interface NodeTrend {
  /** The last observations, oldest first (at most `SATURATION_WINDOWS`). */
  readonly recent: readonly Observation[];
  /** p99s of the first healthy windows, until there are `BASELINE_WINDOWS` of them. */
  readonly baselineSamplesMs: readonly number[];
  /** The median of those p99s once they are all in; null before (so nothing reads Slow). */
  readonly baselineP99Ms: number | null;
  /** Slow since an observation passed SLOW_ENTER_FACTOR and none fell below SLOW_LEAVE_FACTOR. */
  readonly slow: boolean;
}

export interface Observation {
  readonly timeMs: number;
  /** Calls waiting when the frame was taken. */
  readonly queueDepth: number;
  /** Share of worker-time busy in the last closed window (0–1; 0 for kinds without workers). */
  readonly utilization: number;
  /** Calls completed in the last closed window (per second). */
  readonly completed: number;
}

/** One observation per metrics window: frames come ~5 times a second, windows once. */
export const OBSERVATION_GAP_MS = 1000;
/** Saturation is judged over this many consecutive observations (≈ seconds). */
export const SATURATION_WINDOWS = 3;
/** Workers count as all busy through a window from this share of worker-time on. */
export const ALL_BUSY_UTILIZATION = 0.99;
/** A queue holding at least this many seconds of the node's throughput is a backlog. */
export const BACKLOG_SECONDS = 1;
/** The baseline is the median p99 of this many first healthy windows. */
export const BASELINE_WINDOWS = 5;
/** Healthy: below this failure share (the Degraded threshold), with no fault in force. */
export const HEALTHY_FAILURE_SHARE = 0.01;
/** Slow from p99 > this × baseline (and SLOW_MIN_EXTRA_MS above it)… */
export const SLOW_ENTER_FACTOR = 5;
/** …until p99 falls below this × baseline: the gap keeps the word from flickering. */
export const SLOW_LEAVE_FACTOR = 3;
/** A p99 must also exceed the baseline by this much: tiny latencies jitter by whole factors. */
export const SLOW_MIN_EXTRA_MS = 10;

export const EMPTY_TREND: NodeTrend = {
  recent: [],
  baselineSamplesMs: [],
  baselineP99Ms: null,
  slow: false,
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A window fit to be part of the baseline: calls answered, few failures, no fault, not full. */
function healthyWindow(frame: NodeFrame, w: Record<string, number>): boolean {
  const completed = w['completed'] ?? 0;
  if (completed <= 0 || frame.crashed || frame.hung || frame.faults.length > 0) return false;
  if ((w['failed'] ?? 0) / completed >= HEALTHY_FAILURE_SHARE) return false;
  return (w['utilization'] ?? 0) < ALL_BUSY_UTILIZATION;
}

function nextSlow(slow: boolean, baseline: number | null, w: Record<string, number>): boolean {
  if (baseline === null) return false;
  if ((w['completed'] ?? 0) <= 0) return (w['arrivals'] ?? 0) > 0 ? slow : false;
  const p99 = w['p99Ms'] ?? 0;
  if (slow) return p99 >= SLOW_LEAVE_FACTOR * baseline;
  return p99 > SLOW_ENTER_FACTOR * baseline && p99 - baseline >= SLOW_MIN_EXTRA_MS;
}

/**
 * The trend after a frame taken at `timeMs` (virtual time). Pure: the same frames give the
 * same trend. A frame less than OBSERVATION_GAP_MS after the last observation, or without a
 * closed window, changes nothing (the same object comes back); a clock that went backwards
 * (a reloaded run) starts over.
 */
export function observe(trend: NodeTrend, frame: NodeFrame, timeMs: number): NodeTrend {
  const w = frame.window;
  if (!w) return trend;
  const last = trend.recent[trend.recent.length - 1];
  if (last && timeMs < last.timeMs) return observe(EMPTY_TREND, frame, timeMs);
  if (last && timeMs - last.timeMs < OBSERVATION_GAP_MS) return trend;
  const observation: Observation = {
    timeMs,
    queueDepth: frame.queueDepth,
    utilization: w['utilization'] ?? 0,
    completed: w['completed'] ?? 0,
  };
  let { baselineSamplesMs, baselineP99Ms } = trend;
  if (baselineP99Ms === null && healthyWindow(frame, w)) {
    baselineSamplesMs = [...baselineSamplesMs, w['p99Ms'] ?? 0];
    if (baselineSamplesMs.length >= BASELINE_WINDOWS) baselineP99Ms = median(baselineSamplesMs);
  }
  return {
    recent: [...trend.recent, observation].slice(-SATURATION_WINDOWS),
    baselineSamplesMs,
    baselineP99Ms,
    slow: nextSlow(trend.slow, baselineP99Ms, w),
  };
}

/**
 * Every worker busy through each of the last SATURATION_WINDOWS observations, and the queue
 * either longer than at the first of them (growing) or holding at least BACKLOG_SECONDS of the
 * node's throughput (a backlog that is not going away soon).
 */
export function saturated(trend: NodeTrend): boolean {
  const r = trend.recent;
  if (r.length < SATURATION_WINDOWS) return false;
  if (!r.every((o) => o.utilization >= ALL_BUSY_UTILIZATION)) return false;
  const first = r[0] as Observation;
  const last = r[r.length - 1] as Observation;
  if (last.queueDepth <= 0) return false;
  return last.queueDepth > first.queueDepth || last.queueDepth >= last.completed * BACKLOG_SECONDS;
}
