import type { SeriesView, SimFault } from '../engine/index.ts';
import type { WatchFigure } from './watch-figures.ts';

/** One window of the "What to watch" chart: the figure for each watched node. */
export interface WatchRow {
  /** Window end, seconds of virtual time. */
  tSec: number;
  startMs: number;
  durationMs: number;
  /** One value per watched node, in the watch's order; null = nothing to show (a gap). */
  values: (number | null)[];
}

/** A span of virtual time, ms. */
export interface TimeSpan {
  startMs: number;
  endMs: number;
}

/**
 * The figure per window for each watched node's series (`nodes`, in order), reading the
 * clients' requests from `clients` (the system series) when the figure needs them. Windows are
 * those of the first node; a window another node lacks is a gap on its line.
 */
export function watchRows(
  nodes: readonly SeriesView[],
  clients: SeriesView | null,
  figure: WatchFigure,
): WatchRow[] {
  const first = nodes[0];
  if (!first) return [];
  const indexOf = (view: SeriesView) => new Map(view.startMs.map((t, i) => [t, i]));
  const nodeIndex = nodes.map(indexOf);
  const clientIndex = clients ? indexOf(clients) : null;
  const rows: WatchRow[] = [];
  first.startMs.forEach((startMs, i) => {
    const durationMs = first.durationMs[i] ?? 0;
    if (!(durationMs > 0)) return;
    const c = clientIndex?.get(startMs);
    const clientsSent = clients && c !== undefined ? (clients.fields['arrivals']?.[c] ?? 0) : 0;
    const values = nodes.map((view, n) => {
      const j = nodeIndex[n]?.get(startMs);
      if (j === undefined) return null;
      const field = (name: string) => view.fields[name]?.[j] ?? 0;
      return figure.value({ field, durationMs: view.durationMs[j] ?? durationMs, clientsSent });
    });
    rows.push({ tSec: (startMs + durationMs) / 1000, startMs, durationMs, values });
  });
  return rows;
}

/**
 * The faults' active windows, merged where they overlap, cut at the run's end; a fault with
 * no duration lasts to the end. Empty when there is no fault.
 */
export function faultSpans(
  faults: readonly Pick<SimFault, 'startMs' | 'durationMs'>[],
  runEndMs: number,
): TimeSpan[] {
  const spans = faults
    .filter((f) => f.startMs < runEndMs)
    .map((f) => ({
      startMs: f.startMs,
      endMs: f.durationMs === null ? runEndMs : Math.min(f.startMs + f.durationMs, runEndMs),
    }))
    .filter((s) => s.endMs > s.startMs)
    .sort((a, b) => a.startMs - b.startMs);
  const merged: TimeSpan[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.startMs <= last.endMs) last.endMs = Math.max(last.endMs, s.endMs);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * The mean of one line over the windows whose middle lies in `spans` (every window when
 * `spans` is empty), weighted by the time each window covers; gaps are left out. Null when no
 * window counts.
 */
export function watchMean(
  rows: readonly WatchRow[],
  line: number,
  spans: readonly TimeSpan[],
): number | null {
  let sum = 0;
  let weight = 0;
  for (const row of rows) {
    const value = row.values[line];
    if (value === null || value === undefined) continue;
    const mid = row.startMs + row.durationMs / 2;
    if (spans.length > 0 && !spans.some((s) => mid >= s.startMs && mid < s.endMs)) continue;
    sum += value * row.durationMs;
    weight += row.durationMs;
  }
  return weight > 0 ? sum / weight : null;
}
