import type { SimFault } from '../../scenario/index.ts';

/** A stretch of virtual time [startUs, endUs) when at least one fault was active. */
export interface TimeWindow {
  startUs: number;
  endUs: number;
}

type FaultLike = Pick<SimFault, 'startMs' | 'durationMs'>;

/**
 * The document's fault windows, merged where they overlap or touch, sorted: what the event
 * log's "During faults" filter keeps. A fault without a duration lasts to the run's end.
 */
export function faultWindows(faults: readonly FaultLike[], runEndMs: number): TimeWindow[] {
  const windows = faults
    .filter((f) => f.startMs < runEndMs)
    .map((f) => ({
      startUs: f.startMs * 1000,
      endUs:
        (f.durationMs === null ? runEndMs : Math.min(runEndMs, f.startMs + f.durationMs)) * 1000,
    }))
    .filter((w) => w.endUs > w.startUs)
    .sort((a, b) => a.startUs - b.startUs);
  const merged: TimeWindow[] = [];
  for (const w of windows) {
    const last = merged.at(-1);
    if (last && w.startUs <= last.endUs) last.endUs = Math.max(last.endUs, w.endUs);
    else merged.push({ ...w });
  }
  return merged;
}

/**
 * Whether `timeUs` falls in one of the sorted, merged `windows` (binary search). A fault's
 * own end event, at its window's end, counts as inside: it belongs to the story.
 */
export function inWindows(timeUs: number, windows: readonly TimeWindow[]): boolean {
  let lo = 0;
  let hi = windows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = windows[mid] as TimeWindow;
    if (timeUs < w.startUs) hi = mid - 1;
    else if (timeUs > w.endUs) lo = mid + 1;
    else return true;
  }
  return false;
}
